/// <reference types="jest" />
/// <reference types="node" />
// The designer's tsconfig is the browser's; this spec runs in jest under node.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataElement, FieldComponent, ItemForm } from '@oneseal/schemas';
import { CODE_LISTS } from '@oneseal/schemas';
import { bindDataElement, changeComponent, createField } from '../fields';
import { formIssues, pathOfPointer, pointerOfPath } from '../formIssues';
import {
  addField,
  bindField,
  conditionTargets,
  dataPath,
  duplicateField,
  fieldsAt,
  getField,
  insertField,
  keyProblem,
  moveField,
  placementProblem,
  removeField,
  renameField,
  uniqueKey,
  updateField,
} from '../formTree';
import { checkForm, checkFormJson } from '../validateForm';

const SEEDS = join(__dirname, '..', '..', '..', '..', 'seeds', 'data');
const homestead = (
  JSON.parse(readFileSync(join(SEEDS, 'base-items', '0117302000.json'), 'utf8')) as { form: ItemForm }
).form;
const elements = JSON.parse(readFileSync(join(SEEDS, 'data-elements.json'), 'utf8')) as DataElement[];
const element = (code: string) => elements.find((e) => e.code === code)!;
const keys = (form: ItemForm, path: string[] = []) => Object.keys(fieldsAt(form, path) ?? {});

/** A small form: a root text, a section with two fields, a step holding a section. */
function sample(): ItemForm {
  let form: ItemForm = { type: 'object', title: '测试表', properties: {} };
  form = insertField(form, [], 0, 'name', { ...createField('text'), title: '姓名' });
  form = insertField(form, [], 1, 'applicant', { ...createField('section'), title: '申请人' });
  form = insertField(form, ['applicant'], 0, 'kind', { ...createField('radio'), title: '类型' });
  form = insertField(form, ['applicant'], 1, 'note', {
    ...createField('text'),
    title: '说明',
    'x-visible-when': { field: 'kind', op: 'eq', value: '2' },
  });
  form = insertField(form, [], 2, 'step1', { ...createField('step'), title: '第一步' });
  return form;
}

describe('palette fields', () => {
  const components = CODE_LISTS.FieldComponent.map(([code]) => code as FieldComponent);

  it('makes a field of every FieldComponent that the item-form schema accepts, titled with its zh label', () => {
    let form: ItemForm = { type: 'object', properties: {} };
    for (const component of components) form = addField(form, [], component).form;
    // A table needs a column to be useful; its empty row is only a warning.
    const check = checkForm(form);
    expect(check.issues.filter((i) => i.severity !== 'warning')).toEqual([]);
    expect(check.ok).toBe(true);
    expect(getField(form, ['mobile_1'])).toMatchObject({
      title: '手机号码',
      type: 'string',
      format: 'cn-mobile',
    });
    expect(getField(form, ['idCard_1'])).toMatchObject({ title: '身份证号', format: 'cn-id-card' });
    expect(getField(form, ['checkbox_1'])).toMatchObject({
      type: 'array',
      enum: [{ label: '选项一', value: '1' }, {}],
    });
    expect(getField(form, ['section_1'])).toMatchObject({ type: 'void', properties: {} });
    expect(getField(form, ['table_1'])?.items).toMatchObject({ type: 'object', properties: {} });
  });

  it('changes a control and keeps only what the new one can use', () => {
    const select = createField('select');
    const text = changeComponent(select, 'text');
    expect(text.enum).toBeUndefined();
    expect(text.type).toBe('string');
    const number = changeComponent({ ...createField('mobile'), maxLength: 11, default: '139' }, 'number');
    expect(number).toEqual({ type: 'number', title: '手机号码', 'x-component': 'number' });
    expect(changeComponent(createField('text'), 'checkbox').type).toBe('array');
  });
});

describe('reading the tree', () => {
  it('finds fields by path, through sections, steps and table rows', () => {
    const form = sample();
    expect(getField(form, ['applicant', 'kind'])?.title).toBe('类型');
    expect(getField(form, ['applicant', 'missing'])).toBeUndefined();
    expect(getField(form, ['name', 'x'])).toBeUndefined();
    expect(keys(form)).toEqual(['name', 'applicant', 'step1']);
  });

  it('gives data paths where sections add no level and table columns have none', () => {
    let form = sample();
    form = addField(form, [], 'table').form;
    form = insertField(form, ['table_1'], 0, 'who', createField('text'));
    expect(dataPath(form, ['applicant', 'note'])).toBe('note');
    expect(dataPath(form, ['table_1'])).toBe('table_1');
    expect(dataPath(form, ['table_1', 'who'])).toBeUndefined();
    expect(conditionTargets(form).map((t) => t.dataPath)).toEqual(['name', 'kind', 'note', 'table_1']);
  });

  it('reads a seed form as it is stored', () => {
    expect(conditionTargets(homestead).map((t) => t.dataPath)).toContain('buildType');
    expect(formIssues(homestead)).toEqual([]);
  });
});

describe('keys', () => {
  it('are unique within the data scope, sections and steps included', () => {
    const form = sample();
    expect(keyProblem(form, ['name'], 'kind')).toBe('字段名 kind 已被“类型”使用');
    expect(keyProblem(form, ['applicant', 'note'], 'name')).toMatch(/已被“姓名”使用/);
    expect(keyProblem(form, ['name'], 'name')).toBeUndefined();
    expect(keyProblem(form, ['name'], '1abc')).toMatch(/字母或下划线开头/);
    expect(keyProblem(form, ['name'], '')).toBe('请填写字段名');
    expect(keyProblem(form, ['name'], 'a-b')).toBeDefined();
    expect(uniqueKey(form, ['step1'], 'text')).toBe('text_1');
    expect(uniqueKey(form, ['step1'], 'name', true)).toBe('name_1');
    expect(uniqueKey(form, ['step1'], 'fresh', true)).toBe('fresh');
  });

  it('start afresh inside a repeating table, whose rows are their own objects', () => {
    let form = sample();
    form = addField(form, [], 'table').form;
    expect(keyProblem(form, ['table_1', 'name'], 'name')).toBeUndefined();
    expect(uniqueKey(form, ['table_1'], 'name', true)).toBe('name');
  });
});

describe('editing', () => {
  it('inserts at an index and never changes its argument', () => {
    const form = sample();
    const before = JSON.stringify(form);
    const { form: next, path } = addField(form, ['applicant'], 'mobile', 1);
    expect(path).toEqual(['applicant', 'mobile_1']);
    expect(keys(next, ['applicant'])).toEqual(['kind', 'mobile_1', 'note']);
    expect(JSON.stringify(form)).toBe(before);
  });

  it('removes and updates by path', () => {
    const form = sample();
    expect(keys(removeField(form, ['applicant', 'kind']), ['applicant'])).toEqual(['note']);
    const updated = updateField(form, ['applicant', 'note'], (f) => ({ ...f, required: true }));
    expect(getField(updated, ['applicant', 'note'])?.required).toBe(true);
    expect(getField(form, ['applicant', 'note'])?.required).toBeUndefined();
  });

  it('renames in place and rewrites the conditions that read the field', () => {
    const { form, path } = renameField(sample(), ['applicant', 'kind'], 'applicantKind');
    expect(path).toEqual(['applicant', 'applicantKind']);
    expect(keys(form, ['applicant'])).toEqual(['applicantKind', 'note']);
    expect(getField(form, ['applicant', 'note'])?.['x-visible-when']).toEqual({
      field: 'applicantKind',
      op: 'eq',
      value: '2',
    });
    // A key taken by a sibling is refused.
    expect(renameField(sample(), ['applicant', 'kind'], 'note').form).toEqual(sample());
  });

  it('reorders within a container, counting the index before the move', () => {
    const form = sample();
    expect(keys(moveField(form, ['name'], [], 3).form)).toEqual(['applicant', 'step1', 'name']);
    expect(keys(moveField(form, ['step1'], [], 0).form)).toEqual(['step1', 'name', 'applicant']);
    // Dropping a field just before or after itself changes nothing.
    expect(moveField(form, ['name'], [], 1).form).toBe(form);
    expect(moveField(form, ['name'], [], 0).form).toBe(form);
  });

  it('moves between containers, keeping conditions pointed at the field', () => {
    const { form, path } = moveField(sample(), ['applicant', 'kind'], ['step1'], 0);
    expect(path).toEqual(['step1', 'kind']);
    expect(keys(form, ['applicant'])).toEqual(['note']);
    expect(getField(form, ['applicant', 'note'])?.['x-visible-when']).toEqual({
      field: 'kind',
      op: 'eq',
      value: '2',
    });
    expect(formIssues(form)).toEqual([]);
  });

  it('renames a field moved into a table when its key is taken there, and refuses impossible moves', () => {
    let form = sample();
    form = addField(form, [], 'table').form;
    form = insertField(form, ['table_1'], 0, 'name', createField('text'));
    const moved = moveField(form, ['name'], ['table_1'], 1);
    expect(moved.path).toEqual(['table_1', 'name_1']);
    // Into itself, a step into a section, a section into a table: nothing happens.
    expect(moveField(form, ['applicant'], ['applicant'], 0).form).toBe(form);
    expect(moveField(form, ['step1'], ['applicant'], 0).form).toBe(form);
    expect(moveField(form, ['applicant'], ['table_1'], 0).form).toBe(form);
    expect(placementProblem(form, ['table_1'], createField('section'))).toBe('重复表格的列只能是简单字段');
    expect(placementProblem(form, ['name'], createField('text'))).toBe('只能放入分组、分步或重复表格');
  });

  it('duplicates a section with fresh keys for everything inside it, unbound', () => {
    let form = sample();
    form = bindField(form, ['name'], element('applicantName')).form;
    const copy = duplicateField(form, ['applicant']);
    expect(copy.path).toEqual(['applicant_1']);
    expect(keys(copy.form)).toEqual(['name', 'applicant', 'applicant_1', 'step1']);
    expect(keys(copy.form, ['applicant_1'])).toEqual(['kind_1', 'note_1']);
    // The copied condition reads the copied answer; the original still reads its own.
    expect(getField(copy.form, ['applicant_1', 'note_1'])?.['x-visible-when']).toMatchObject({
      field: 'kind_1',
    });
    expect(getField(copy.form, ['applicant', 'note'])?.['x-visible-when']).toMatchObject({ field: 'kind' });
    expect(formIssues(copy.form)).toEqual([]);
    expect(getField(copy.form, ['applicant_1'])?.title).toBe('申请人（副本）');
    const bound = duplicateField(form, ['name']);
    expect(getField(form, ['name'])?.['x-data-element']).toBe('applicantName');
    expect(getField(bound.form, bound.path)?.['x-data-element']).toBeUndefined();
  });
});

describe('data elements', () => {
  it('bring their label, type, control, format, pattern, lengths, range and options', () => {
    expect(bindDataElement(createField('text'), element('mobile'))).toEqual({
      type: 'string',
      title: '手机号码',
      'x-component': 'mobile',
      'x-data-element': 'mobile',
      format: 'cn-mobile',
    });
    const name = bindDataElement({ ...createField('number'), minimum: 3 }, element('applicantName'));
    expect(name).toMatchObject({ type: 'string', minLength: 2, maxLength: 30, 'x-component': 'text' });
    expect(name.minimum).toBeUndefined();
    expect(name.description).toBe('与居民身份证上的姓名一致');
    expect(bindDataElement(createField('text'), element('familySize'))).toMatchObject({
      type: 'number',
      minimum: 1,
      maximum: 30,
    });
    expect(bindDataElement(createField('text'), element('bankAccount')).pattern).toBe('^\\d{12,25}$');
    expect(bindDataElement(createField('text'), element('gender')).enum).toEqual([
      { label: '男', value: '1' },
      { label: '女', value: '2' },
    ]);
  });

  it('replace a generated key with the element code when it is free, and leave a chosen key alone', () => {
    const form = sample();
    const added = addField(form, ['applicant'], 'text');
    const bound = bindField(added.form, added.path, element('mobile'));
    expect(bound.path).toEqual(['applicant', 'mobile']);
    // A key the editor chose stays.
    expect(bindField(form, ['name'], element('applicantName')).path).toEqual(['name']);
    const chosen = renameField(added.form, added.path, 'contact');
    expect(bindField(chosen.form, chosen.path, element('mobile')).path).toEqual(['applicant', 'contact']);
    // The code is taken: the generated key stays.
    const taken = insertField(added.form, [], 0, 'mobile', createField('text'));
    expect(bindField(taken, added.path, element('mobile')).path).toEqual(added.path);
  });
});

describe('issues and JSON', () => {
  it('find conditions that name missing fields, and keys repeated across sections', () => {
    let form = removeField(sample(), ['applicant', 'kind']);
    form = insertField(form, ['step1'], 0, 'name', createField('text'));
    expect(formIssues(form)).toEqual([
      {
        path: '/properties/applicant/properties/note/x-visible-when',
        message: '显示条件引用的字段 kind 不存在',
      },
      {
        path: '/properties/step1/properties/name',
        message: expect.stringMatching(/字段名 name 在同一层数据中重复/),
      },
    ]);
    expect(pathOfPointer('/properties/applicant/properties/note/x-visible-when')).toEqual([
      'applicant',
      'note',
    ]);
    expect(pathOfPointer('/properties/t/items/properties/c/title')).toEqual(['t', 'c']);
    expect(pathOfPointer('/title')).toBeUndefined();
  });

  it('points into table rows through items', () => {
    let form = addField(sample(), [], 'table').form;
    form = insertField(form, ['table_1'], 0, 'who', createField('text'));
    expect(pointerOfPath(['table_1', 'who'], form)).toBe('/properties/table_1/items/properties/who');
    expect(pointerOfPath(['table_1'], form)).toBe('/properties/table_1');
  });

  it('takes valid JSON and refuses broken JSON or schema errors with zh messages and paths', () => {
    expect(checkFormJson(JSON.stringify(homestead)).ok).toBe(true);
    const broken = checkFormJson('{\n  "type": "object",\n  "properties": {,}\n}');
    expect(broken.ok).toBe(false);
    expect(broken.issues[0]!.message).toMatch(/^JSON 格式有误：第 3 行第 \d+ 列附近$/);
    expect(checkFormJson('{"type": "object"').issues[0]!.message).toMatch(/JSON (不完整|格式有误)/);

    const wrong = checkForm({
      type: 'object',
      properties: {
        '1bad': { type: 'string', title: 'x', 'x-component': 'text' },
        ok: { type: 'string', title: '', 'x-component': 'slider', script: 'alert(1)' },
      },
    });
    expect(wrong.ok).toBe(false);
    const paths = wrong.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['/properties/ok/x-component', '/properties/ok/script']));
    expect(wrong.issues.find((i) => i.path === '/properties/ok/script')?.message).toBe('不是允许的字段');
    expect(wrong.issues.every((i) => /[\u4e00-\u9fff]/.test(i.message))).toBe(true);
  });
});
