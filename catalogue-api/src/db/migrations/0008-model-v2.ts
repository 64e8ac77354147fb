import { migrateDocument, SCHEMA_VERSION } from '@oneseal/schemas';
import type { QueryInterface } from 'sequelize';
import { QueryTypes } from 'sequelize';

/**
 * The model's schema version 2 (issue 12): every stored document — libraries, base items and their versions,
 * township drafts and published versions (both the entry and the resolved item), the public index and the
 * bundles — is read through the model's own migration step and written back. Documents rendered from version-1
 * items are dropped from the cache: they are rendered again, by the new templates, when next asked for.
 * Audit entries keep what was written at the time. Rows are read a page at a time, in key order.
 */
const TABLES: readonly { table: string; keys: readonly string[]; columns: readonly string[] }[] = [
  { table: 'materials', keys: ['code'], columns: ['doc'] },
  { table: 'data_elements', keys: ['code'], columns: ['doc'] },
  { table: 'base_items', keys: ['code'], columns: ['doc'] },
  { table: 'base_item_versions', keys: ['code', 'version'], columns: ['doc'] },
  { table: 'implementations', keys: ['region_code', 'base_code'], columns: ['doc'] },
  {
    table: 'implementation_versions',
    keys: ['region_code', 'base_code', 'version'],
    columns: ['doc', 'item'],
  },
  { table: 'published_items', keys: ['region_code', 'item_code'], columns: ['item'] },
  { table: 'bundles', keys: ['code'], columns: ['doc'] },
];

const PAGE = 200;

type Row = Record<string, string | number>;

/** The stored text of a document at the current schema version, or undefined when it needs no change. */
function upgraded(text: string, where: string): string | undefined {
  const { document, from, issue } = migrateDocument(JSON.parse(text));
  if (issue) throw new Error(`${where}: ${issue.message}`);
  return from === SCHEMA_VERSION ? undefined : JSON.stringify(document);
}

async function upgradeTable(q: QueryInterface, spec: (typeof TABLES)[number]): Promise<void> {
  const quote = (name: string) => q.quoteIdentifier(name);
  const keyList = spec.keys.map(quote).join(', ');
  const select = `SELECT ${[...spec.keys, ...spec.columns].map(quote).join(', ')} FROM ${quote(spec.table)}`;
  let offset = 0;
  for (;;) {
    const rows = await q.sequelize.query<Row>(
      `${select} ORDER BY ${keyList} LIMIT ${PAGE} OFFSET ${offset}`,
      {
        type: QueryTypes.SELECT,
      },
    );
    for (const row of rows) {
      const where = spec.keys.map((k) => `${k}=${row[k]}`).join(',');
      const changes: Record<string, string> = {};
      for (const column of spec.columns) {
        const text = upgraded(String(row[column]), `${spec.table}(${where}).${column}`);
        if (text !== undefined) changes[column] = text;
      }
      if (Object.keys(changes).length === 0) continue;
      await q.bulkUpdate(spec.table, changes, Object.fromEntries(spec.keys.map((k) => [k, row[k]])));
    }
    if (rows.length < PAGE) return;
    offset += PAGE;
  }
}

export async function up({ context: q }: { context: QueryInterface }): Promise<void> {
  for (const spec of TABLES) await upgradeTable(q, spec);
  await q.bulkDelete('rendered_documents', {});
}

/** Version 2 has no way back: an older release cannot read what version 2 leaves unstated. */
export async function down(): Promise<void> {
  throw new Error('模型版本 2 的数据不能降级到版本 1');
}
