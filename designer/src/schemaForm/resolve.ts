import type { JsonSchemaObject } from '@oneseal/schemas';
import { loadSchemas } from '@oneseal/schemas';

/** A schema node and the document it was found in (relative $refs resolve against that document's $id). */
export interface Located {
  node: JsonSchemaObject;
  base: string;
}

const byId = new Map(loadSchemas().map((s) => [s.$id!, s]));

function at(doc: JsonSchemaObject, pointer: string): JsonSchemaObject {
  let node: unknown = doc;
  for (const key of pointer.split('/').filter(Boolean)) node = (node as Record<string, unknown>)[key];
  if (!node) throw new Error(`no schema at ${pointer}`);
  return node as JsonSchemaObject;
}

/**
 * Follows $refs to the schema they name. Annotations written beside a $ref (its description) win over the
 * definition's: they say what this use of the definition means.
 */
export function deref({ node, base }: Located): Located {
  let current: Located = { node, base };
  while (typeof current.node.$ref === 'string') {
    const [file, pointer = ''] = current.node.$ref.split('#');
    const id = file ? new URL(file, current.base).href : current.base;
    const doc = byId.get(id);
    if (!doc) throw new Error(`unknown schema ${id}`);
    const target = at(doc, pointer);
    const beside = { ...current.node };
    delete beside.$ref;
    current = { node: { ...target, ...beside }, base: id };
  }
  return current;
}

/** The properties of an object schema, its allOf members' included, each located, with the required keys. */
export function objectShape(located: Located): { properties: [string, Located][]; required: Set<string> } {
  const { node, base } = deref(located);
  const properties: [string, Located][] = [];
  const required = new Set<string>((node.required as string[] | undefined) ?? []);
  for (const part of (node.allOf as JsonSchemaObject[] | undefined) ?? []) {
    const inner = objectShape({ node: part, base });
    properties.push(...inner.properties);
    inner.required.forEach((key) => required.add(key));
  }
  for (const [key, child] of Object.entries(node.properties ?? {}))
    properties.push([key, { node: child, base }]);
  return { properties, required };
}

export const schemaById = (id: string): Located => ({ node: byId.get(id)!, base: id });
