import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAjv, FIELD_TYPE_CODES, FIELD_TYPES, MASKED_FORMATS, SCHEMA_IDS } from '..';

// The code list and the paper template read as files: the registry is checked against what they say, not against
// itself.
const codes = JSON.parse(readFileSync(join(__dirname, '../../json/codes.schema.json'), 'utf8')) as {
  $defs: Record<string, { enum: string[] }>;
};
const FIELD_COMPONENTS = codes.$defs.FieldComponent!.enum;
const FIELD_FORMATS = codes.$defs.FieldFormat!.enum;
const blankForm = readFileSync(join(__dirname, '../../../templates/hbs/blank-form.hbs'), 'utf8');

describe('the field-type registry', () => {
  it('has an entry for every field type of the code list, and none besides', () => {
    expect(FIELD_COMPONENTS.length).toBeGreaterThan(0);
    expect([...FIELD_TYPE_CODES].sort()).toEqual([...FIELD_COMPONENTS].sort());
  });

  it('prints every type on paper in a way the blank-form template draws, groups as headings', () => {
    for (const code of FIELD_TYPE_CODES) {
      const { paper, value } = FIELD_TYPES[code];
      if (paper.input === 'group') expect(value).toBe('void');
      else expect(blankForm).toContain(`(eq input "${paper.input}")`);
      // Boxes need a count; nothing else has one.
      expect(paper.boxes !== undefined).toBe(paper.input === 'boxes');
    }
    expect(FIELD_TYPES['id-card'].paper).toMatchObject({ input: 'boxes', boxes: 18 });
    expect(FIELD_TYPES.mobile.paper).toMatchObject({ input: 'boxes', boxes: 11 });
  });

  it('implies only formats of the code list, and masks identity and contact numbers', () => {
    for (const code of FIELD_TYPE_CODES) {
      const { format } = FIELD_TYPES[code];
      if (format) expect(FIELD_FORMATS).toContain(format);
    }
    expect([...MASKED_FORMATS].sort()).toEqual(['cn-id-card', 'cn-mobile', 'cn-phone', 'cn-uscc']);
    expect(MASKED_FORMATS).not.toContain('date');
  });

  it('gives generated keys a stem of letters (GENERATED_KEY in the designer), one stem per type', () => {
    const stems = FIELD_TYPE_CODES.map((c) => FIELD_TYPES[c].keyStem);
    for (const stem of stems) expect(stem).toMatch(/^[A-Za-z]+$/);
    expect(new Set(stems).size).toBe(stems.length);
  });

  it('starts a field with display properties the model accepts and the property panel edits', () => {
    const ajv = createAjv();
    const props = ajv.getSchema(`${SCHEMA_IDS['item-form']}#/$defs/ComponentProps`)!;
    for (const code of FIELD_TYPE_CODES) {
      const type = FIELD_TYPES[code];
      const defaults = type.defaults?.['x-component-props'];
      if (!defaults) continue;
      expect(props(defaults)).toBe(true);
      // A default the panel cannot show would be dropped by the first change of control.
      for (const prop of Object.keys(defaults)) expect(type.editors.props).toContain(prop);
    }
  });

  it('keeps the value types the containers and choices need', () => {
    for (const code of FIELD_TYPE_CODES) {
      const type = FIELD_TYPES[code];
      if (type.layout === 'group') expect(type.value).toBe('void');
      if (type.layout === 'rows') expect(type.value).toBe('array');
    }
    expect(FIELD_TYPES.checkbox).toMatchObject({ value: 'array', options: true });
    expect(FIELD_TYPES.upload).toMatchObject({ answered: false, editors: { rules: false } });
  });
});
