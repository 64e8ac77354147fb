import { createForm } from '@formily/core';
import type { ISchema } from '@formily/react';
import { deriveForm } from '../../../src/forms';
import type { FormField, FormFields, ItemForm } from '@oneseal/schemas';
import { createAllFields, drawPlan } from '../drawPlan';

/** A form of `sections` sections of `per` required text fields each. */
function form(sections: number, per: number): ItemForm {
  const properties: FormFields = {};
  for (let s = 0; s < sections; s++) {
    const fields: Record<string, FormField> = {};
    for (let f = 0; f < per; f++)
      fields[`f${s}_${f}`] = {
        type: 'string',
        title: `字段${s}-${f}`,
        required: true,
        'x-component': 'text',
      };
    properties[`s${s}`] = { type: 'void', title: `第${s}部分`, 'x-component': 'section', properties: fields };
  }
  return { type: 'object', properties };
}

const schemaOf = (f: ItemForm) => deriveForm(f).formily as unknown as ISchema;

describe('drawing a large form', () => {
  it('draws a form of ordinary size whole', () => {
    expect(drawPlan(schemaOf(form(4, 10))).all).toBe(true);
  });

  it('draws the first sections of a large form at once and the rest as they near the screen', () => {
    const plan = drawPlan(schemaOf(form(50, 10)));
    expect(plan.all).toBe(false);
    expect([...plan.eager]).toEqual(['s0', 's1']);
    expect(plan.fields.get('s49')).toBe(10);
  });

  it('still validates every field, drawn or not, once the fields are created', async () => {
    const f = createForm();
    createAllFields(f, schemaOf(form(50, 10)));
    await f.validate().catch(() => undefined);
    expect(f.errors).toHaveLength(500);
    f.setValuesIn('f49_9', '有值');
    await f.validate().catch(() => undefined);
    expect(f.errors).toHaveLength(499);
  });
});
