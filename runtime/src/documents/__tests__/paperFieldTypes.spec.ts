import type { FieldComponent, FormField, Item } from '@oneseal/schemas';
import { FIELD_TYPES } from '@oneseal/schemas';
import { loadSeedCatalogue, resolveSeedItems } from '@oneseal/seeds';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeForms } from '../../forms';
import { maskAnswers } from '../../forms/maskAnswers';
import { applicationView } from '../applicationView';
import { blankFormView } from '../blankFormView';
import { renderBlankForm } from '../render';

const codes = JSON.parse(
  readFileSync(join(__dirname, '../../../../schemas/json/codes.schema.json'), 'utf8'),
) as { $defs: Record<string, { enum: FieldComponent[] }> };
const FIELD_COMPONENTS = codes.$defs.FieldComponent!.enum;

const catalogue = loadSeedCatalogue();
const homestead = resolveSeedItems(catalogue).find(
  (i) => i.regionCode === '450321100' && i.code === '0117302000',
)!;

/** A field of `component` as an editor would make it: a group holds a text field, a table one column. */
function fieldOf(component: FieldComponent, key: string): FormField {
  const type = FIELD_TYPES[component];
  const field: FormField = { type: type.value, title: `字段${key}`, 'x-component': component };
  if (type.format) field.format = type.format;
  if (type.options) field.enum = [{ label: '甲选项', value: 'a' }];
  const inner: FormField = { type: 'string', title: `字段${key}之内`, 'x-component': 'text' };
  if (type.layout === 'group') field.properties = { [`${key}_inner`]: inner };
  if (type.layout === 'rows')
    field.items = {
      type: 'object',
      title: '每行',
      'x-component': 'section',
      properties: { [`${key}_col`]: inner },
    };
  return field;
}

/** One section holding a field of every type of the code list (groups nested in it). */
const everyType: Item = {
  ...homestead,
  form: {
    type: 'object',
    title: '每种字段',
    properties: {
      all: {
        type: 'void',
        title: '全部',
        'x-component': 'section',
        properties: Object.fromEntries(FIELD_COMPONENTS.map((c, i) => [`f${i}`, fieldOf(c, `f${i}`)])),
      },
    },
  },
};

describe('every field type on paper', () => {
  const view = blankFormView(everyType, []);
  const printed = view.groups.flatMap((g) => g.fields);
  const byTitle = new Map(printed.map((f) => [[...f.label.words, f.label.last].join(''), f]));

  it('prints a field of every type: its own line, or, for a group, the fields inside it', () => {
    FIELD_COMPONENTS.forEach((component, i) => {
      const own = byTitle.get(`字段f${i}`);
      if (FIELD_TYPES[component].layout === 'group') {
        expect(own).toBeUndefined();
        expect(byTitle.get(`字段f${i}之内`)?.input).toBe('line');
      } else expect(own).toBeDefined();
    });
  });

  it('prints each kind of answer as a paper form asks for it', () => {
    const at = (component: FieldComponent) => byTitle.get(`字段f${FIELD_COMPONENTS.indexOf(component)}`)!;
    expect(at('id-card')).toMatchObject({ input: 'boxes', hint: '18 位公民身份号码，末位可为 X' });
    expect(at('id-card').boxes).toHaveLength(18);
    expect(at('mobile').boxes).toHaveLength(11);
    expect(at('date').input).toBe('date');
    expect(at('textarea').input).toBe('lines');
    expect(at('select')).toMatchObject({ input: 'choice', options: ['甲选项'] });
    expect(at('upload').input).toBe('attachment');
    expect(at('table')).toMatchObject({
      input: 'table',
      columns: [`字段f${FIELD_COMPONENTS.indexOf('table')}之内`],
    });
    const html = renderBlankForm(everyType, []);
    expect(html).toContain('□ 甲选项');
    expect(html).toContain('年　　月　　日');
    expect(html).toContain('请随表提交纸质材料或复印件');
  });

  it('leaves uploads out of the printed application and masks identity numbers in views', () => {
    const merged = mergeForms([everyType], catalogue.dataElements);
    const index = (c: FieldComponent) => `f${FIELD_COMPONENTS.indexOf(c)}`;
    // A one-table form keeps each item's own fields under the item.
    const own = `item_${everyType.code}`;
    const answers = {
      [index('text')]: '张三',
      [index('id-card')]: '450321197003120029',
      [index('upload')]: ['x.pdf'],
    };
    const view = applicationView({
      reference: 'R1',
      date: '2026-12-03',
      townshipName: '阳朔镇',
      items: [everyType],
      merged,
      data: { [own]: answers },
    });
    const rows = view.groups.flatMap((g) => g.rows);
    expect(rows).toContainEqual({ label: `字段${index('text')}`, value: '张三' });
    expect(rows.map((r) => r.label)).not.toContain(`字段${index('upload')}`);
    const masked = maskAnswers(merged.form, { [own]: answers })[own] as Record<string, unknown>;
    expect(masked[index('id-card')]).toBe('450***********0029');
    expect(masked[index('text')]).toBe('张三');
  });
});
