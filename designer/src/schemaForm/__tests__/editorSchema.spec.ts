import type { ISchema } from '@formily/react';
import { SCHEMA_IDS } from '@oneseal/schemas';
import { editorSchema } from '../toFormily';
import { objectShape, schemaById } from '../resolve';
import { SERVER_OWNED } from '../uiHints';

const implementation = schemaById(SCHEMA_IDS.implementation);
const fields = (schema: ISchema) => schema.properties as Record<string, ISchema>;

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
    const expected = objectShape(implementation)
      .properties.map(([key]) => key)
      .filter((key) => !SERVER_OWNED.has(key));
    expect(Object.keys(editor).sort()).toEqual([...new Set(expected)].sort());
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
          waitingRoom: { description: '候办区座位数', type: 'integer', minimum: 0 },
          parking: { description: '是否提供停车位', type: 'boolean' },
        },
      },
    };
    const editor = fields(editorSchema(extended));
    expect(editor.waitingRoom).toMatchObject({ title: '候办区座位数', 'x-component': 'NumberPicker' });
    expect(editor.parking).toMatchObject({ title: '是否提供停车位', 'x-component': 'Select' });
  });
});
