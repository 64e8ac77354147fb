import type { Form } from '@formily/core';
import type { ISchema } from '@formily/react';
import { Schema } from '@formily/json-schema';
import { fieldTypeOf } from '@oneseal/schemas';
import { createContext } from 'react';

// A one-table form of several items can hold hundreds of fields; antd controls cost milliseconds each to mount.
// Such a form draws its first fields at once and each later section when it comes near the screen, while every
// field exists in the Formily form from the start (created when the browser is idle, or before a submit), so
// validation always covers the whole form. Forms of ordinary size are drawn whole.

/** Fields drawn at once (more than a screen holds); later sections are drawn as they approach the screen. */
const FIRST_DRAW = 16;
/** A form with at most this many fields is always drawn whole. */
const SMALL_FORM = 80;

export interface DrawPlan {
  /** Draw everything (a small form, or the host asked, e.g. to show every error). */
  all: boolean;
  /** Addresses of the sections drawn at once. */
  eager: ReadonlySet<string>;
  /** Fields inside each section, for the height of its placeholder. */
  fields: ReadonlyMap<string, number>;
}

export const DrawPlanContext = createContext<DrawPlan>({ all: true, eager: new Set(), fields: new Map() });

/** Sections and steps: the field types that group fields. */
const isSection = (node: ISchema) => fieldTypeOf(node['x-component'])?.layout === 'group';
const children = (node: ISchema) => Object.entries((node.properties ?? {}) as Record<string, ISchema>);

function countFields(node: ISchema): number {
  return children(node).reduce((n, [, child]) => n + (child.properties ? countFields(child) : 1), 0);
}

/** Which sections to draw at once: those holding the first fields, in reading order. */
export function drawPlan(schema: ISchema): DrawPlan {
  const eager = new Set<string>();
  const fields = new Map<string, number>();
  let budget = FIRST_DRAW;
  const walk = (node: ISchema, path: string) => {
    for (const [key, child] of children(node)) {
      const address = path ? `${path}.${key}` : key;
      if (isSection(child)) {
        fields.set(address, countFields(child));
        if (budget > 0) eager.add(address);
        else continue;
        walk(child, address);
      } else if (child.properties) walk(child, address);
      else budget -= 1;
    }
  };
  walk(schema, '');
  return { all: countFields(schema) <= SMALL_FORM, eager, fields };
}

/**
 * Creates every field of the schema in the form, drawn or not, with the props SchemaField would give it (the
 * same addresses: drawing a section later finds its fields already there).
 */
export function createAllFields(form: Form, schema: ISchema): void {
  const walk = (node: Schema, basePath?: string) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const props = { ...child.toFieldProps(), name: key, basePath };
      if (child.type === 'void') walk(child, form.createVoidField(props).address.toString());
      else if (child.type === 'object') walk(child, form.createObjectField(props).address.toString());
      else if (child.type === 'array') form.createArrayField(props);
      else form.createField(props);
    }
  };
  walk(new Schema(schema));
}
