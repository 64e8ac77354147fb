import type { FormField } from '../index';
import { MAX_DOCUMENT_DEPTH, MAX_FORM_DEPTH, validateDocument, validateItem } from '../index';
import { licenceBase } from './fixtures';

/** A text field inside `levels - 1` nested sections: the text field sits at level `levels`. */
function nestedField(levels: number): FormField {
  let field: FormField = { type: 'string', title: '最里层', 'x-component': 'text' };
  for (let i = 1; i < levels; i++)
    field = { type: 'void', title: `第 ${i} 层`, 'x-component': 'section', properties: { inner: field } };
  return field;
}

/** The pointer of the field at `level` inside nestedField, placed at /form/properties/deep. */
const pointerAt = (level: number) => `/form/properties/deep${'/properties/inner'.repeat(level - 1)}`;

function withField(field: FormField) {
  const base = licenceBase();
  base.form.properties.deep = field;
  return base;
}

describe('structure limits', () => {
  it(`takes a form whose fields nest ${MAX_FORM_DEPTH} levels deep`, () => {
    expect(validateItem(withField(nestedField(MAX_FORM_DEPTH)))).toEqual({ valid: true, errors: [] });
  });

  it(`refuses a field at level ${MAX_FORM_DEPTH + 1}, naming it, in zh-CN and in English`, () => {
    const base = withField(nestedField(MAX_FORM_DEPTH + 1));
    expect(validateItem(base).errors).toEqual([
      { path: pointerAt(MAX_FORM_DEPTH + 1), message: `表单字段嵌套超过 ${MAX_FORM_DEPTH} 层` },
    ]);
    expect(validateItem(base, 'en').errors[0]!.message).toMatch(/deeper than 16 levels/);
  });

  it('counts the rows of a table as a level', () => {
    const table: FormField = {
      type: 'array',
      title: '家庭成员',
      'x-component': 'table',
      items: {
        type: 'object',
        title: '成员',
        'x-component': 'section',
        properties: { inner: nestedField(15) },
      },
    };
    // table (1) → row (2) → 14 sections (3–16) → a text field at level 17
    const errors = validateItem(withField(table)).errors;
    expect(errors).toEqual([
      {
        path: `/form/properties/deep/items/properties/inner${'/properties/inner'.repeat(14)}`,
        message: `表单字段嵌套超过 ${MAX_FORM_DEPTH} 层`,
      },
    ]);
  });

  it('answers a 1,000-level form with an issue, not a stack overflow', () => {
    const errors = validateItem(withField(nestedField(1000))).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path.startsWith('/form/properties/deep/properties/inner')).toBe(true);
  });

  it(`refuses any document nested deeper than ${MAX_DOCUMENT_DEPTH} levels, wherever, without recursion`, () => {
    // A condition 10,000 levels deep: { not: { not: … } } — the schema validator would recurse through each.
    let condition: unknown = { field: 'purpose', op: 'notEmpty' };
    for (let i = 0; i < 10_000; i++) condition = { not: condition };
    const base = licenceBase();
    Object.assign(base.form.properties.purpose!, { 'x-visible-when': condition });
    const [issue, ...rest] = validateItem(base).errors;
    expect(rest).toEqual([]);
    expect(issue!.message).toBe(`嵌套超过 ${MAX_DOCUMENT_DEPTH} 层`);
    // document (1) → form (2) → properties (3) → purpose (4) → the condition (5): the 60th `not` is level 65.
    expect(issue!.path).toBe(
      `/form/properties/purpose/x-visible-when${'/not'.repeat(MAX_DOCUMENT_DEPTH - 4)}`,
    );

    let list: unknown = [];
    for (let i = 0; i < 10_000; i++) list = [list];
    expect(validateDocument({ kind: 'material', nested: list }).errors[0]!.message).toBe(
      `嵌套超过 ${MAX_DOCUMENT_DEPTH} 层`,
    );
  });

  it('bounds a process: 30 steps, 3 next steps and 3 branches each, 6 special procedures', () => {
    const step = (i: number) => ({ id: `s${i}`, name: `环节 ${i}`, stage: 'review' as const, post: '岗位' });
    const base = licenceBase();
    base.process = Array.from({ length: 30 }, (_, i) => step(i)) as typeof base.process;
    expect(validateItem(base)).toEqual({ valid: true, errors: [] });

    base.process = Array.from({ length: 31 }, (_, i) => step(i)) as typeof base.process;
    expect(validateItem(base).errors).toEqual([{ path: '/process', message: expect.stringContaining('30') }]);

    base.process = [
      { ...step(0), next: ['s1', 's2', 's3', 's4'], branches: Array(4).fill({ kind: 'correct', to: 's1' }) },
      ...[1, 2, 3, 4].map(step),
    ] as typeof base.process;
    base.specialProcedures = Array(7).fill({
      kind: '1',
      name: '听证',
      timeLimit: { value: 10, unit: 'workday' },
      countsInLimit: false,
    });
    expect(validateItem(base).errors.map((e) => e.path)).toEqual([
      '/specialProcedures',
      '/process/0/next',
      '/process/0/branches',
    ]);
  });
});
