// The React half of the field-type registry: a control and an icon for every field type of the code list, and
// each control draws on the server-side render (no browser needed to see that a type has a renderer).
// antd-v5's sticky button group imports an ES-module-only package jest cannot load; no field type uses it.
jest.mock('react-sticky-box', () => ({ __esModule: true, default: () => null }));

import { createForm } from '@formily/core';
import type { FieldComponent, FormField } from '@oneseal/schemas';
import { FIELD_TYPES } from '@oneseal/schemas';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement, isValidElement } from 'react';
import { renderToString } from 'react-dom/server';
import { deriveForm } from '../../../src/forms';
import { FIELD_CONTROLS, FIELD_ICONS } from '../fieldTypes';
import { FormRenderer } from '../FormRenderer';

const codes = JSON.parse(
  readFileSync(join(__dirname, '../../../../schemas/json/codes.schema.json'), 'utf8'),
) as { $defs: Record<string, { enum: FieldComponent[] }> };
const FIELD_COMPONENTS = codes.$defs.FieldComponent!.enum;

/** A field of `component` as an editor would make it: a group holds a text field, a table one column. */
function fieldOf(component: FieldComponent): FormField {
  const type = FIELD_TYPES[component];
  const field: FormField = { type: type.value, title: `字段-${component}`, 'x-component': component };
  if (type.format) field.format = type.format;
  if (type.options) field.enum = [{ label: '甲选项', value: 'a' }];
  const inner: FormField = { type: 'string', title: '里面的字段', 'x-component': 'text' };
  if (type.layout === 'group') field.properties = { inner };
  if (type.layout === 'rows')
    field.items = { type: 'object', title: '每行', 'x-component': 'section', properties: { inner } };
  return field;
}

const render = (component: FieldComponent) =>
  renderToString(
    createElement(FormRenderer, {
      form: createForm(),
      schema: deriveForm({ type: 'object', properties: { f: fieldOf(component) } }).formily,
      regions: [{ value: '450321', label: '阳朔县' }],
    }),
  );

describe('the renderer half of the field-type registry', () => {
  it('has a control and an icon for every field type of the code list, and none besides', () => {
    expect(Object.keys(FIELD_CONTROLS).sort()).toEqual([...FIELD_COMPONENTS].sort());
    expect(Object.keys(FIELD_ICONS).sort()).toEqual([...FIELD_COMPONENTS].sort());
    for (const code of FIELD_COMPONENTS) {
      expect(FIELD_CONTROLS[code]).toBeTruthy();
      expect(isValidElement(FIELD_ICONS[code])).toBe(true);
    }
  });

  it.each(FIELD_COMPONENTS)('draws a %s field with its title and a control', (component) => {
    const html = render(component);
    expect(html).toContain(`字段-${component}`);
    if (FIELD_TYPES[component].layout === 'group') {
      // A group is a titled section with its fields inside.
      expect(html).toMatch(new RegExp(`<section[^>]*aria-label="字段-${component}"`));
      expect(html).toContain('里面的字段');
    } else {
      // Something is drawn where the control goes (an element, not the closing tag of an empty box).
      const control = html.split('ant-formily-item-control-content-component">')[1] ?? '';
      expect(control).toMatch(/^<[a-z]/);
    }
  });

  it('draws each type with its own control', () => {
    expect(render('id-card')).toContain('placeholder="18 位公民身份号码"');
    expect(render('mobile')).toContain('inputMode="tel"');
    expect(render('address')).toContain('autoComplete="street-address"');
    expect(render('region')).toContain('ant-cascader');
    expect(render('upload')).toContain('此项材料请在受理时提交原件或复印件');
    expect(render('table')).toContain('添加一行');
    expect(render('table')).toContain('ant-formily-array-table');
    expect(render('radio')).toContain('甲选项');
  });
});
