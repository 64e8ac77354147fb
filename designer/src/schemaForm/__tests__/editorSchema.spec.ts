import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ISchema } from '@formily/react';
import { SCHEMA_IDS } from '@oneseal/schemas';
import { editorSchema } from '../toFormily';
import { schemaById } from '../resolve';

const implementation = schemaById(SCHEMA_IDS.implementation);
const fields = (schema: ISchema) => schema.properties as Record<string, ISchema>;

interface SchemaFile {
  properties?: Record<string, unknown>;
  allOf?: { $ref: string }[];
  $defs?: Record<string, { properties?: Record<string, unknown> }>;
}
const readSchema = (file: string): SchemaFile =>
  JSON.parse(
    readFileSync(join(__dirname, '..', '..', '..', '..', 'schemas', 'json', file), 'utf8'),
  ) as SchemaFile;

/**
 * The properties a township entry can hold, read from the model's JSON files themselves (not through the
 * resolver the editor uses): the entry's own and those of each group its allOf includes by $ref.
 */
function entryProperties(): string[] {
  const entry = readSchema('item-implementation.schema.json');
  const included = (entry.allOf ?? []).map(({ $ref }) => {
    const [file, pointer] = $ref.split('#') as [string, string];
    const group = (file ? readSchema(file) : entry).$defs?.[pointer.replace('/$defs/', '')];
    if (!group?.properties) throw new Error(`allOf ${$ref} names no group of properties`);
    return Object.keys(group.properties);
  });
  return [...new Set([...Object.keys(entry.properties ?? {}), ...included.flat()])];
}

/**
 * What no editor types, listed by hand: the model version and kind, which base item and township the entry is
 * of, and its lifecycle (status, version, dates), which the workflow sets.
 */
const NOT_TYPED = new Set([
  'kind',
  'schemaVersion',
  'baseCode',
  'regionCode',
  'baseVersion',
  'status',
  'version',
  'effectiveDate',
  'cancelDate',
]);

describe('editorSchema: the model drives the editor', () => {
  it('lets every optional yes/no and code list stay unstated, shown as 未载明 (issue 12)', () => {
    const editor = fields(editorSchema(implementation));
    for (const key of ['inHall', 'caseType', 'handlingScope'])
      expect(editor[key]).toMatchObject({
        'x-component': 'Select',
        'x-component-props': { allowClear: true, placeholder: '未载明' },
      });
    expect(editor.inHall!.enum).toEqual([
      { value: true, label: '是' },
      { value: false, label: '否' },
    ]);
  });

  it('gives every property a township sets a field, and none to what the server owns', () => {
    const editor = fields(editorSchema(implementation));
    const expected = entryProperties().filter((key) => !NOT_TYPED.has(key));
    expect(Object.keys(editor).sort()).toEqual(expected.sort());
  });

  it('shows code lists by their zh labels and keeps the codes as values', () => {
    const caseType = fields(editorSchema(implementation)).caseType!;
    expect(caseType['x-component']).toBe('Select');
    expect(caseType.enum).toEqual(
      expect.arrayContaining([expect.objectContaining({ value: '1', label: '即办件' })]),
    );
  });

  it('makes nested groups fieldsets and lists of records repeatable cards', () => {
    const editor = fields(editorSchema(implementation));
    expect(editor.promisedLimit!['x-component']).toBe('Fieldset');
    expect(fields(editor.promisedLimit!).value!['x-component']).toBe('NumberPicker');
    expect(editor.faq!['x-component']).toBe('ArrayItems');
  });

  it('picks up an element added to the model without any new UI code', () => {
    const { node, base } = implementation;
    const extended = {
      base,
      node: {
        ...node,
        properties: {
          ...node.properties,
          waitingRoom: {
            title: '候办区座位',
            description: '大厅候办区的座位数',
            type: 'integer',
            minimum: 0,
          },
          parking: { title: '停车位', type: 'boolean' },
        },
      },
    };
    const editor = fields(editorSchema(extended));
    expect(editor.waitingRoom).toMatchObject({
      title: '候办区座位',
      'x-component': 'NumberPicker',
      'x-decorator-props': { tooltip: '大厅候办区的座位数' },
    });
    expect(editor.parking).toMatchObject({ title: '停车位', 'x-component': 'Select' });
  });

  it('labels every field with the title the model gives it, never with a key or a description', () => {
    const labels: { key: string; title: unknown; help: unknown }[] = [];
    const walk = (schema: ISchema, key: string) => {
      const title = schema['x-component-props']?.title ?? schema.title;
      // A list's cards (ArrayItems.Item) carry no title of their own: their list is labelled.
      const card = schema['x-decorator'] === 'ArrayItems.Item';
      if (schema['x-decorator'] === 'FormItem' || (schema['x-component'] === 'Fieldset' && !card))
        labels.push({
          key,
          title,
          help: schema['x-decorator-props']?.tooltip ?? schema['x-component-props']?.help,
        });
      for (const [child, sub] of Object.entries(schema.properties ?? {})) walk(sub as ISchema, child);
      if (schema.items && !Array.isArray(schema.items)) walk(schema.items as ISchema, key);
    };
    for (const id of [SCHEMA_IDS.implementation, SCHEMA_IDS.material, SCHEMA_IDS['data-element']])
      walk(editorSchema(schemaById(id)), '');
    // The base item's form and process have editors of their own (BaseItemPage's tabs).
    walk(
      editorSchema(schemaById(SCHEMA_IDS['base-item']), (key) => key !== 'form' && key !== 'process'),
      '',
    );
    expect(labels.length).toBeGreaterThan(100);
    const unlabelled = labels.filter(
      ({ title }) => typeof title !== 'string' || !/[\u4e00-\u9fff]/.test(title),
    );
    expect(unlabelled).toEqual([]);
    // 必要性 is the label; "材料必要性，按对申请人的要求从严到宽排列" was a description shown as one (issue 13).
    expect(labels.filter(({ title, help }) => help !== undefined && title === help)).toEqual([]);
    expect(labels.find(({ key }) => key === 'necessity')).toMatchObject({ title: '必要性' });
  });
});
