import { FIELD_ICONS } from '@oneseal/runtime/web';
import type { DataElement, FieldComponent, FormField, ItemForm } from '@oneseal/schemas';
import { FIELD_TYPE_CODES, FIELD_TYPES, fieldTypeLabel } from '@oneseal/schemas';
import { Alert, Empty, Form, Select, Switch } from 'antd';
import { ConditionEditor } from './ConditionEditor';
import { changeComponent, isChoice, withComponentProp, withProp } from './fields';
import type { FieldPath } from './formTree';
import { bindField, getField, isContainer, keyProblem, renameField, updateField } from './formTree';
import { Heading, Prop, TextProp } from './inputs';
import { OptionsEditor } from './OptionsEditor';
import type { SetProp } from './RuleProps';
import { ComponentProps, RuleProps } from './RuleProps';

export type Edit = (form: ItemForm, options?: { group?: string; select?: FieldPath }) => void;

const GROUP_NAMES: Record<DataElement['group'], string> = {
  applicant: '申请人',
  agent: '代理人',
  organisation: '单位',
  contact: '联系方式',
  other: '其他',
};
/** The controls a field can change to: every type that holds no other fields. */
const LEAVES = FIELD_TYPE_CODES.filter((c) => !FIELD_TYPES[c].layout).map((c) => ({
  value: c,
  label: fieldTypeLabel(c),
}));

function FormProps({ form, onEdit }: { form: ItemForm; onEdit: Edit }) {
  const set = (prop: 'title' | 'description', value: string | undefined) => {
    const next = { ...form };
    if (value === undefined) delete next[prop];
    else next[prop] = value;
    onEdit(next, { group: `form-${prop}` });
  };
  return (
    <>
      <h2 className="fd-panel-title">表单属性</h2>
      <TextProp label="表单标题" value={form.title} onCommit={(v) => set('title', v)} maxLength={200} />
      <TextProp
        label="表单说明"
        value={form.description}
        onCommit={(v) => set('description', v)}
        multiline
        maxLength={2000}
      />
    </>
  );
}

/** Everything an editor sets on the selected field (or, with the form itself selected, its title). */
export function PropertyPanel({
  form,
  path,
  dataElements,
  onEdit,
}: {
  form: ItemForm;
  path: FieldPath | undefined;
  dataElements: DataElement[];
  onEdit: Edit;
}) {
  if (path?.length === 0)
    return (
      <Form layout="vertical" component="div" className="fd-props">
        <FormProps form={form} onEdit={onEdit} />
      </Form>
    );
  const field = path ? getField(form, path) : undefined;
  if (!path || !field)
    return (
      <div className="fd-props">
        <h2 className="fd-panel-title">字段属性</h2>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="在画布上选择一个字段，在这里设置它的属性" />
      </div>
    );
  return (
    <Form layout="vertical" component="div" className="fd-props" key={path.join('/')}>
      <FieldProps form={form} path={path} field={field} dataElements={dataElements} onEdit={onEdit} />
    </Form>
  );
}

function FieldProps({
  form,
  path,
  field,
  dataElements,
  onEdit,
}: {
  form: ItemForm;
  path: FieldPath;
  field: FormField;
  dataElements: DataElement[];
  onEdit: Edit;
}) {
  const component = field['x-component'];
  const container = isContainer(field);
  const key = path[path.length - 1]!;
  const set = (update: (f: FormField) => FormField, group?: string) =>
    onEdit(updateField(form, path, update), { group });
  const setProp: SetProp = (prop, value, group) =>
    set((f) => withProp(f, prop, value), group ?? String(prop));
  const setComponentProp = (prop: string, value: string | number | undefined) =>
    set((f) => withComponentProp(f, prop, value), `props-${prop}`);
  const bound = field['x-data-element'];
  const element = dataElements.find((e) => e.code === bound);
  const usedElsewhere = new Set<string>();
  const collect = (fields: Record<string, FormField>, at: string[]) => {
    for (const [k, f] of Object.entries(fields)) {
      const p = [...at, k];
      if (f['x-data-element'] && p.join('/') !== path.join('/')) usedElsewhere.add(f['x-data-element']);
      const children = f.type === 'array' ? f.items?.properties : f.properties;
      if (children) collect(children, p);
    }
  };
  collect(form.properties, []);
  const elementOptions = Object.entries(GROUP_NAMES).map(([group, label]) => ({
    label,
    options: dataElements
      .filter((e) => e.group === group)
      .map((e) => ({
        value: e.code,
        label: `${e.name}（${e.code}）${usedElsewhere.has(e.code) ? ' · 已用于本表' : ''}`,
        disabled: usedElsewhere.has(e.code),
      })),
  }));

  return (
    <>
      <h2 className="fd-panel-title">
        <span aria-hidden="true">{FIELD_ICONS[component]}</span> {fieldTypeLabel(component)}属性
      </h2>
      <TextProp
        label="标题"
        value={field.title}
        onCommit={(v) => setProp('title', v ?? '', 'title')}
        check={(v) => (v.trim() ? undefined : '请填写标题')}
        maxLength={200}
      />
      <TextProp
        label="字段名"
        help={
          container && field.type === 'void'
            ? '分组和分步不占数据层级，字段名只用于设计'
            : '提交的数据中这一项的名称'
        }
        value={key}
        commitOnBlur
        monospace
        check={(v) => keyProblem(form, path, v)}
        onCommit={(v) => {
          if (!v) return;
          const renamed = renameField(form, path, v);
          onEdit(renamed.form, { select: renamed.path });
        }}
      />
      {!container ? (
        <Prop label="控件">
          {(id) => (
            <Select
              id={id}
              value={component}
              options={LEAVES}
              onChange={(c: FieldComponent) => set((f) => changeComponent(f, c))}
            />
          )}
        </Prop>
      ) : null}
      {field.type !== 'void' ? (
        <Prop label="必填">
          {(id) => (
            <Switch
              id={id}
              checked={field.required === true}
              onChange={(on) => setProp('required', on ? true : undefined)}
              checkedChildren="必填"
              unCheckedChildren="选填"
            />
          )}
        </Prop>
      ) : null}
      {!container ? (
        <Prop
          label="数据元"
          help={
            element
              ? `标题、类型、控件和校验规则来自数据元“${element.name}”${element.standard ? `（${element.standard}）` : ''}`
              : '绑定后，一表申请时多个事项共用这一项，申请人只填一次'
          }
        >
          {(id) => (
            <Select
              id={id}
              showSearch
              allowClear
              placeholder="不绑定（本事项自有字段）"
              optionFilterProp="label"
              options={elementOptions}
              value={bound}
              onChange={(code: string | undefined) => {
                const chosen = dataElements.find((e) => e.code === code);
                if (chosen) {
                  const result = bindField(form, path, chosen);
                  onEdit(result.form, { select: result.path });
                } else setProp('x-data-element', undefined);
              }}
            />
          )}
        </Prop>
      ) : null}
      {bound && !element ? (
        <Alert type="warning" showIcon message={`数据元 ${bound} 不在数据元库中`} />
      ) : null}
      <TextProp
        label="填写说明"
        value={field.description}
        onCommit={(v) => setProp('description', v)}
        multiline
        maxLength={2000}
      />

      {isChoice(component) ? (
        <>
          <Heading>选项</Heading>
          <OptionsEditor
            options={field.enum ?? [{ label: '选项一', value: '1' }]}
            type={field.type}
            onChange={(options, group) => setProp('enum', options, group ?? 'enum')}
          />
        </>
      ) : null}

      {!container && FIELD_TYPES[component].editors.rules ? (
        <RuleProps field={field} bound={element} setProp={setProp} />
      ) : null}
      {!container ? <ComponentProps field={field} onChange={setComponentProp} /> : null}

      <Heading>显示条件</Heading>
      <ConditionEditor
        form={form}
        path={path}
        value={field['x-visible-when']}
        onChange={(condition, group) => setProp('x-visible-when', condition, group ?? 'x-visible-when')}
      />
    </>
  );
}
