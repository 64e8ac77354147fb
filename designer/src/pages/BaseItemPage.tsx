import { observer } from '@formily/react';
import { toJS } from '@formily/reactive';
import type {
  BaseItem,
  BaseItemView,
  DataElement,
  ItemForm,
  ProcessStep,
  VersionDiff,
} from '@oneseal/schemas';
import { SCHEMA_IDS, validateItem } from '@oneseal/schemas';
import type { Form } from '@formily/core';
import type { ISchema } from '@formily/react';
import { App, Button, ConfigProvider, Select, Space, Tabs, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useRequest } from '@oneseal/runtime/web';
import { ApiProblem } from '@oneseal/schemas';
import { api, ifMatch } from '../api';
import { FormDesigner } from '../formDesigner/FormDesigner';
import { ProcessEditor } from '../process/ProcessEditor';
import {
  editorSchema,
  ItemFormContext,
  placeOf,
  schemaById,
  SchemaEditor,
  showFindings,
} from '../schemaForm';
import { can, useUser } from '../shell/auth';
import { ChangeTable } from '../shell/ChangeTable';
import { useConflict } from '../shell/ConflictModal';
import { useReasonDialog } from '../shell/ReasonDialog';
import type { Issue } from '../shell/FindingsPanel';
import { asIssues, FindingsPanel } from '../shell/FindingsPanel';
import { Loaded } from '../shell/Loaded';
import { STATUS_COLORS, statusName } from '../shell/types';
import { useDocumentForm } from '../shell/useDocumentForm';
import { useUnsavedGuard } from '../shell/useUnsavedGuard';

const BASE_ITEM = schemaById(SCHEMA_IDS['base-item']);
// The form and the process have editors of their own (their tabs); everything else is the model's editor.
const OWN_TABS = new Set(['form', 'process']);
const check = (doc: BaseItem): Issue[] => asIssues(validateItem(doc).errors);

/** The form designer and process editor edit parts of the one base-item form the page saves. */
const FormTab = observer(({ form, dataElements }: { form: Form; dataElements: DataElement[] }) => (
  <FormDesigner
    value={toJS(form.values.form) as ItemForm}
    onChange={(next) => form.setValuesIn('form', next)}
    dataElements={dataElements}
  />
));

/** The item's fields; its materials' conditions are chosen from the item's own application form. */
const ItemInfo = observer(({ form, schema }: { form: Form; schema: ISchema }) => (
  <ItemFormContext.Provider value={toJS(form.values.form) as ItemForm}>
    <SchemaEditor form={form} schema={schema} />
  </ItemFormContext.Provider>
));

const ProcessTab = observer(({ form }: { form: Form }) => (
  <ProcessEditor
    value={toJS(form.values.process) as ProcessStep[]}
    onChange={(next) => form.setValuesIn('process', next)}
    item={toJS(form.values) as BaseItem}
  />
));

function Versions({ code, latest }: { code: string; latest: number }) {
  const [pair, setPair] = useState<[number, number]>([Math.max(1, latest - 1), latest]);
  const diff = useRequest<Pick<VersionDiff, 'changes'>>(
    () =>
      pair[0] < pair[1]
        ? api.get('/base-items/:code/diff', { params: { code }, query: { from: pair[0], to: pair[1] } })
        : Promise.resolve({ changes: [] }),
    [code, pair[0], pair[1]],
  );
  const choices = Array.from({ length: latest }, (_, i) => ({ value: i + 1, label: `第 ${i + 1} 版` }));
  return (
    <>
      <Space className="ds-gap">
        <Select
          aria-label="较早的版本"
          value={pair[0]}
          options={choices}
          onChange={(v) => setPair([v, pair[1]])}
        />
        →
        <Select
          aria-label="较新的版本"
          value={pair[1]}
          options={choices}
          onChange={(v) => setPair([pair[0], v])}
        />
      </Space>
      <Loaded state={diff}>
        {({ changes }) => (
          <ChangeTable changes={changes} before={`第 ${pair[0]} 版`} after={`第 ${pair[1]} 版`} />
        )}
      </Loaded>
    </>
  );
}

function Editor({
  view,
  dataElements,
  reload,
}: {
  view: BaseItemView;
  dataElements: DataElement[];
  reload: () => void;
}) {
  const user = useUser();
  const { message } = App.useApp();
  const editable = can.editCatalogue(user.role) && view.status !== 'cancelled';
  const { form, dirty, issues, values, saved, replace } = useDocumentForm(view.baseItem, check, editable);
  const schema = useMemo(() => editorSchema(BASE_ITEM, (key) => !OWN_TABS.has(key)), []);
  const [revision, setRevision] = useState(view.revision);
  const reasons = useReasonDialog();
  const conflicts = useConflict<BaseItem>({
    keepMine: (revision, mine) => save(revision, mine),
    takeTheirs: (theirs, revision) => {
      // The editor's changes are dropped on purpose, after seeing both versions.
      replace(theirs);
      setRevision(revision);
    },
  });
  const [busy, setBusy] = useState(false);
  useUnsavedGuard(dirty);

  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await run();
      message.success(done);
      return true;
    } catch (error) {
      if (!conflicts.offer(error, values())) {
        const problem = error instanceof ApiProblem ? error : new ApiProblem(0, 'error', String(error));
        if (problem.details.length > 0) showFindings(form, asIssues(problem.details));
        message.error(problem.message);
      }
      return false;
    } finally {
      setBusy(false);
    }
  };
  const save = (asRevision = revision, doc = values()) =>
    act(async () => {
      const result = await api.put('/base-items/:code', {
        params: { code: view.code },
        headers: ifMatch(asRevision),
        body: doc,
      });
      setRevision(result.revision);
      conflicts.close();
      saved();
    }, '已保存');
  const publish = async () => {
    if (dirty && !(await save())) return;
    const reason = await reasons.ask({ title: `发布“${view.baseItem.name}”的新版本`, okText: '发布' });
    if (reason === undefined) return;
    if (
      await act(
        () => api.post('/base-items/:code/publish', { params: { code: view.code }, body: { reason } }),
        '已发布新版本',
      )
    )
      reload();
  };
  const retire = async () => {
    const reason = await reasons.ask({
      title: `取消“${view.baseItem.name}”（各乡镇清单中的该事项将随之下架）`,
      okText: '取消事项',
      danger: true,
    });
    if (reason === undefined) return;
    if (
      await act(
        () => api.post('/base-items/:code/retire', { params: { code: view.code }, body: { reason } }),
        '已取消该事项',
      )
    )
      reload();
  };

  const errors = issues.filter((i) => i.severity === 'error').length;
  return (
    <>
      <div className="ds-toolbar">
        <h1>
          {view.baseItem.name} <Tag color={STATUS_COLORS[view.status]}>{statusName(view.status)}</Tag>
          {dirty ? <Tag color="orange">未保存</Tag> : null}
        </h1>
        {editable ? (
          <>
            <Button onClick={() => save()} disabled={!dirty} loading={busy}>
              保存草稿
            </Button>
            <Button type="primary" onClick={publish} disabled={errors > 0} loading={busy}>
              发布新版本
            </Button>
            {view.publishedVersion > 0 ? (
              <Button danger onClick={retire} loading={busy}>
                取消事项
              </Button>
            ) : null}
          </>
        ) : null}
      </div>
      <Tabs
        items={[
          {
            key: 'item',
            label: '事项信息',
            children: (
              <div className="ds-editor">
                <div className="ds-editor-form">
                  <ItemInfo form={form} schema={schema} />
                </div>
                <aside className="ds-editor-side">
                  <FindingsPanel
                    issues={issues}
                    ready="可以发布"
                    place={(pointer) => placeOf(BASE_ITEM, pointer)}
                  />
                </aside>
              </div>
            ),
          },
          // Users who may not edit the catalogue see the designers with every control disabled.
          {
            key: 'form',
            label: '申请表',
            children: (
              <ConfigProvider componentDisabled={!editable}>
                <FormTab form={form} dataElements={dataElements} />
              </ConfigProvider>
            ),
          },
          {
            key: 'process',
            label: '办理流程',
            children: (
              <ConfigProvider componentDisabled={!editable}>
                <ProcessTab form={form} />
              </ConfigProvider>
            ),
          },
          ...(view.publishedVersion > 0
            ? [
                {
                  key: 'versions',
                  label: '版本比较',
                  children: <Versions code={view.code} latest={view.publishedVersion} />,
                },
              ]
            : []),
        ]}
      />
      {conflicts.dialog}
      {reasons.dialog}
    </>
  );
}

/** A base catalogue item: its elements, its application form and its process, each with the model's checks. */
export function BaseItemPage() {
  const { code = '' } = useParams();
  const state = useRequest(
    () => Promise.all([api.get('/base-items/:code', { params: { code } }), api.get('/public/data-elements')]),
    [code],
  );
  return (
    <div className="ds-page">
      <Loaded state={state}>
        {([view, elements]) => (
          <Editor
            key={`${view.revision}-${view.status}`}
            view={view}
            dataElements={elements}
            reload={state.reload}
          />
        )}
      </Loaded>
    </div>
  );
}
