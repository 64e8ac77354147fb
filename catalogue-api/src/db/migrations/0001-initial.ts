import type { QueryInterface } from 'sequelize';
import { DataTypes } from 'sequelize';

// JSON documents are kept as long text (parsed by the models): MariaDB's JSON type is LONGTEXT anyway, and
// this reads back identically on SQLite, MySQL and MariaDB. What is filtered or sorted on is a real column.
// Column definitions are made fresh for every column, as Sequelize may write into them.
const str = (length: number, allowNull = false) => ({ type: DataTypes.STRING(length), allowNull });
const int = () => ({ type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });
const flag = () => ({ type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false });
const time = () => ({ type: DataTypes.DATE, allowNull: false });

export async function up({ context: q }: { context: QueryInterface }): Promise<void> {
  // LONGTEXT on MySQL (TEXT tops out at 64 KB there); SQLite has a single TEXT type.
  const text = q.sequelize.getDialect() === 'mysql' ? DataTypes.TEXT('long') : DataTypes.TEXT;
  const doc = () => ({ type: text, allowNull: false });
  const optionalDoc = () => ({ type: text, allowNull: true });
  await q.createTable('regions', {
    code: { ...str(12), primaryKey: true },
    name: str(100),
    level: str(10),
    parent_code: str(12, true),
    search_pinyin: str(400),
  });
  await q.addIndex('regions', ['parent_code']);

  await q.createTable('materials', {
    code: { ...str(32), primaryKey: true },
    name: str(200),
    doc: doc(),
    revision: int(),
    updated_at: time(),
  });
  await q.createTable('data_elements', {
    code: { ...str(64), primaryKey: true },
    name: str(200),
    doc: doc(),
    revision: int(),
    updated_at: time(),
  });

  await q.createTable('base_items', {
    code: { ...str(12), primaryKey: true },
    owner_region: str(12),
    name: str(200),
    type: str(2),
    status: str(12),
    version: int(),
    revision: int(),
    doc: doc(),
    updated_at: time(),
    updated_by: str(64),
  });
  await q.addIndex('base_items', ['owner_region']);
  await q.addIndex('base_items', ['status']);
  await q.addIndex('base_items', ['type']);
  await q.addIndex('base_items', ['name']);

  await q.createTable('base_item_versions', {
    code: { ...str(12), primaryKey: true },
    version: { ...int(), primaryKey: true },
    doc: doc(),
    effective_date: str(10),
    published_at: time(),
    published_by: str(64),
  });

  await q.createTable('implementations', {
    region_code: { ...str(9), primaryKey: true },
    base_code: { ...str(12), primaryKey: true },
    status: str(12),
    version: int(),
    revision: int(),
    sort_order: int(),
    doc: doc(),
    review_comment: { type: DataTypes.TEXT, allowNull: true },
    updated_at: time(),
    updated_by: str(64),
  });
  await q.addIndex('implementations', ['region_code', 'status']);

  await q.createTable('implementation_versions', {
    region_code: { ...str(9), primaryKey: true },
    base_code: { ...str(12), primaryKey: true },
    version: { ...int(), primaryKey: true },
    base_version: int(),
    doc: doc(),
    item: doc(),
    effective_date: str(10),
    published_at: time(),
    published_by: str(64),
  });

  // The public catalogue: the current published version of each township item, with its search columns.
  await q.createTable('published_items', {
    region_code: { ...str(9), primaryKey: true },
    item_code: { ...str(12), primaryKey: true },
    version: int(),
    name: str(200),
    search_pinyin: str(600),
    search_text: { type: DataTypes.STRING(1000), allowNull: false },
    type: str(2),
    tag_immediate: flag(),
    tag_online: flag(),
    tag_nearby: flag(),
    tag_one_visit: flag(),
    object_natural: flag(),
    object_legal: flag(),
    sort_order: int(),
    item: doc(),
  });
  await q.addIndex('published_items', ['region_code', 'sort_order', 'item_code']);
  await q.addIndex('published_items', ['region_code', 'type']);
  await q.addIndex('published_items', ['region_code', 'tag_immediate']);
  await q.addIndex('published_items', ['region_code', 'tag_online']);
  await q.addIndex('published_items', ['region_code', 'tag_nearby']);
  await q.addIndex('published_items', ['region_code', 'tag_one_visit']);
  await q.addIndex('published_items', ['name']);
  await q.addIndex('published_items', ['search_pinyin']);

  await q.createTable('bundles', {
    code: { ...str(32), primaryKey: true },
    region_code: str(12),
    name: str(200),
    status: str(12),
    revision: int(),
    doc: doc(),
    updated_at: time(),
  });
  await q.addIndex('bundles', ['region_code', 'status']);

  await q.createTable('users', {
    username: { ...str(64), primaryKey: true },
    display_name: str(100),
    role: str(20),
    region_code: str(12),
    password_hash: str(200),
    disabled: flag(),
    created_at: time(),
  });
  await q.addIndex('users', ['region_code']);

  await q.createTable('audit_entries', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    at: time(),
    username: str(64),
    role: str(20),
    action: str(40),
    entity_type: str(30),
    entity_key: str(80),
    region_code: str(12),
    before: optionalDoc(),
    after: optionalDoc(),
  });
  await q.addIndex('audit_entries', ['region_code', 'at']);
  await q.addIndex('audit_entries', ['entity_type', 'entity_key']);

  await q.createTable('submissions', {
    reference: { ...str(40), primaryKey: true },
    region_code: str(9),
    status: str(12),
    items: doc(),
    data: doc(),
    phone_digest: str(64),
    history: doc(),
    created_at: time(),
    updated_at: time(),
  });
  await q.addIndex('submissions', ['region_code', 'status']);
  await q.addIndex('submissions', ['phone_digest']);

  await q.createTable('login_failures', {
    key: { ...str(200), primaryKey: true },
    count: int(),
    window_start: { type: DataTypes.BIGINT, allowNull: false },
  });
  await q.createTable('settings', {
    key: { ...str(64), primaryKey: true },
    value: { type: DataTypes.TEXT, allowNull: false },
  });
}

export async function down({ context: q }: { context: QueryInterface }): Promise<void> {
  for (const table of [
    'settings',
    'login_failures',
    'submissions',
    'audit_entries',
    'users',
    'bundles',
    'published_items',
    'implementation_versions',
    'implementations',
    'base_item_versions',
    'base_items',
    'data_elements',
    'materials',
    'regions',
  ])
    await q.dropTable(table);
}
