import type { JsonSchemaObject } from '@oneseal/schemas';
import type { Located } from './resolve';
import { deref, objectShape } from './resolve';

/** A title that names a generated type (TimeLimit) is for TypeScript; any other title is a label for people. */
export const isLabel = (title: unknown): title is string =>
  typeof title === 'string' && !/^[A-Z][A-Za-z0-9]*$/.test(title);

/**
 * Where a finding's JSON pointer lies, in the editor's words, from the model's titles:
 * "/promisedLimit/value" → "承诺办结时限 › 天数", "/materials/2/copies" → "申请材料 › 第 3 项 › 复印件".
 * A part the schema does not name (an unknown key) is left out rather than shown as a key.
 */
export function placeOf(root: Located, pointer: string): string {
  const words: string[] = [];
  let current: Located | undefined = root;
  for (const raw of pointer.split('/').filter(Boolean)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!current) break;
    if (/^\d+$/.test(part)) {
      words.push(`第 ${Number(part) + 1} 项`);
      const list: Located = deref(current);
      const items = list.node.items as JsonSchemaObject | undefined;
      current = items ? { node: items, base: list.base } : undefined;
      continue;
    }
    const child = objectShape(current).properties.find(([key]) => key === part)?.[1];
    if (!child) break;
    const title = isLabel(child.node.title) ? child.node.title : deref(child).node.title;
    if (isLabel(title)) words.push(title);
    current = child;
  }
  return words.join(' › ') || '整个文档';
}
