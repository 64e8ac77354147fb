import type { ModelAttributeColumnOptions, ModelAttributes, ModelStatic, Sequelize } from 'sequelize';
import { DataTypes, Model } from 'sequelize';
import type { ChangeEntry, ItemStatus, MetricTotals, RegionLevel } from '@oneseal/schemas';
import { NO_TOTALS } from '@oneseal/schemas';

/** LONGTEXT on MySQL (TEXT tops out at 64 KB there); SQLite has one TEXT type and warns about lengths. */
const longText = (sequelize: Sequelize) =>
  sequelize.getDialect() === 'mysql' ? DataTypes.TEXT('long') : DataTypes.TEXT;

/** A long-text column holding one JSON document; reads give the parsed value, writes take any value. */
function json(sequelize: Sequelize, field: string, allowNull = false): ModelAttributeColumnOptions {
  return {
    type: longText(sequelize),
    allowNull,
    get(this: Model) {
      const raw = this.getDataValue(field) as string | null;
      return raw === null || raw === undefined ? raw : JSON.parse(raw);
    },
    set(this: Model, value: unknown) {
      this.setDataValue(field, value === null || value === undefined ? value : JSON.stringify(value));
    },
  };
}

// Column definitions are made fresh for every attribute: Sequelize writes into them (field names).
const str = (length: number, extra: Partial<ModelAttributeColumnOptions> = {}) => ({
  type: DataTypes.STRING(length),
  allowNull: false,
  ...extra,
});
const int = (extra: Partial<ModelAttributeColumnOptions> = {}) => ({
  type: DataTypes.INTEGER,
  allowNull: false,
  defaultValue: 0,
  ...extra,
});
const flag = () => ({ type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false });
const time = () => ({ type: DataTypes.DATE, allowNull: false });
const preciseTime = () => ({ type: DataTypes.DATE(3), allowNull: false });
const key = (length: number) => str(length, { primaryKey: true });

/** The names of the metric figures (schemas' MetricTotals): township totals, and each published row's share. */
export const TOTALS = Object.keys(NO_TOTALS) as (keyof MetricTotals)[];
export const ITEM_FIGURES = TOTALS.filter((k): k is keyof ItemFigures => k !== 'itemCount');
// Sums of millionths outgrow INTEGER in a large township; the other figures are counts.
const MILLIONTHS: ReadonlySet<string> = new Set(['ratioSum', 'completenessSum']);
const figures = (names: readonly string[]) =>
  Object.fromEntries(
    names.map((name) => [name, int(MILLIONTHS.has(name) ? { type: DataTypes.BIGINT } : {})]),
  );

export type Row<A extends object> = Model<A, A> & A;

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  searchPinyin: string;
}
export interface LibraryRow {
  code: string;
  name: string;
  doc: unknown;
  revision: number;
  updatedAt: Date;
}
export interface BaseItemRow {
  code: string;
  ownerRegion: string;
  name: string;
  type: string;
  status: ItemStatus;
  version: number;
  revision: number;
  doc: unknown;
  updatedAt: Date;
  updatedBy: string;
}
export interface BaseItemVersionRow {
  code: string;
  version: number;
  doc: unknown;
  effectiveDate: string;
  publishedAt: Date;
  publishedBy: string;
}
export interface ImplementationRow {
  regionCode: string;
  baseCode: string;
  status: ItemStatus;
  version: number;
  revision: number;
  sortOrder: number;
  doc: unknown;
  reviewComment: string | null;
  updatedAt: Date;
  updatedBy: string;
  /** The entry's completeness score against its base item (entryCompleteness); null when it cannot be told. */
  completeness: number | null;
}
export interface ImplementationVersionRow {
  regionCode: string;
  baseCode: string;
  version: number;
  baseVersion: number;
  doc: unknown;
  item: unknown;
  effectiveDate: string;
  publishedAt: Date;
  publishedBy: string;
}
/** The figures one published item adds to its township's reform metrics (schemas' MetricTotals, less the count). */
export type ItemFigures = Omit<MetricTotals, 'itemCount'>;

export interface PublishedItemRow extends ItemFigures {
  regionCode: string;
  itemCode: string;
  version: number;
  name: string;
  type: string;
  tagImmediate: boolean;
  tagOnline: boolean;
  tagNearby: boolean;
  tagOneVisit: boolean;
  objectNatural: boolean;
  objectLegal: boolean;
  sortOrder: number;
  /** The list entry (PublicItemSummary) as stored JSON text, written at publish: lists never read `item`. */
  summary: string;
  /** The item's searchable text in search_texts. */
  searchKey: string;
  /** The resolved item as stored JSON text: served as it is, never re-serialised. */
  item: string;
}
/** A searchable text (an item's name and aliases), stored once however many townships publish it. */
export interface SearchTextRow {
  textKey: string;
  name: string;
  /** Pinyin initials and full pinyin of the name, for ranking exact and prefix matches first. */
  initials: string;
  pinyin: string;
  /** Every searchable word, lower case, separated by spaces: name, aliases, and their pinyin. */
  haystack: string;
}
export interface SearchTermRow {
  term: string;
  textKey: string;
}
export interface TownshipMetricsRow extends MetricTotals {
  regionCode: string;
}
export interface BundleRow {
  code: string;
  regionCode: string;
  name: string;
  status: string;
  revision: number;
  doc: unknown;
  updatedAt: Date;
}
export interface UserRow {
  username: string;
  displayName: string;
  role: string;
  regionCode: string;
  passwordHash: string;
  disabled: boolean;
  createdAt: Date;
}
export interface AuditRow {
  id?: number;
  at: Date;
  username: string;
  role: string;
  action: string;
  entityType: string;
  entityKey: string;
  regionCode: string;
  before: unknown;
  after: unknown;
}
export interface SubmissionRow {
  reference: string;
  regionCode: string;
  status: string;
  items: unknown;
  data: unknown;
  phoneDigest: string;
  /** Copies of the answers staff search by (services/applicantIndex.ts); null when the application has none. */
  applicantName: string | null;
  applicantMobile: string | null;
  /** SHA-256 of reference and 查询码; null for applications made before 查询码 existed. */
  queryCodeHash: string | null;
  history: unknown;
  createdAt: Date;
  updatedAt: Date;
}
export interface SubmissionCounterRow {
  regionCode: string;
  /** YYYYMMDD, China time, as in the reference. */
  day: string;
  lastSequence: number;
}
export interface BookingSettingsRow {
  regionCode: string;
  /** The model's BookingSettings. */
  settings: unknown;
  updatedAt: Date;
  updatedBy: string;
}
export interface BookingSlotRow {
  regionCode: string;
  /** Beijing wall-clock time, "2026-12-07T08:30". */
  slotStart: string;
  taken: number;
}
export interface BookingRow {
  code: string;
  regionCode: string;
  itemCode: string;
  itemName: string;
  slotStart: string;
  /** "09:00" */
  slotEnd: string;
  name: string;
  /** Kept as given: the reminder is sent to it. */
  phone: string;
  status: 'booked' | 'cancelled';
  bookedAt: Date;
  cancelledAt: Date | null;
  remindedAt: Date | null;
}
export interface RenderedDocumentRow {
  key: string;
  regionCode: string;
  contentType: string;
  content: Buffer;
  createdAt: Date;
}
export interface SettingRow {
  key: string;
  value: string;
}
/** A feed entry as stored: the API's ChangeEntry, its time a Date. */
export type ChangeEntryRow = Omit<ChangeEntry, 'at'> & { id?: number; at: Date };
export interface ChangeRegionRow {
  regionCode: string;
  entryId: number;
}
export interface WebhookRow {
  id?: number;
  url: string;
  secret: string;
  regionCode: string | null;
  active: boolean;
  createdAt: Date;
  createdBy: string;
}
export interface OutboxRow {
  id?: number;
  webhookId: number;
  eventId: string;
  body: string;
  attempts: number;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  lastError: string | null;
}

export interface Models {
  Region: ModelStatic<Row<RegionRow>>;
  Material: ModelStatic<Row<LibraryRow>>;
  DataElement: ModelStatic<Row<LibraryRow>>;
  BaseItem: ModelStatic<Row<BaseItemRow>>;
  BaseItemVersion: ModelStatic<Row<BaseItemVersionRow>>;
  Implementation: ModelStatic<Row<ImplementationRow>>;
  ImplementationVersion: ModelStatic<Row<ImplementationVersionRow>>;
  PublishedItem: ModelStatic<Row<PublishedItemRow>>;
  SearchText: ModelStatic<Row<SearchTextRow>>;
  SearchTerm: ModelStatic<Row<SearchTermRow>>;
  TownshipMetrics: ModelStatic<Row<TownshipMetricsRow>>;
  Bundle: ModelStatic<Row<BundleRow>>;
  User: ModelStatic<Row<UserRow>>;
  AuditEntry: ModelStatic<Row<AuditRow>>;
  Submission: ModelStatic<Row<SubmissionRow>>;
  SubmissionCounter: ModelStatic<Row<SubmissionCounterRow>>;
  Setting: ModelStatic<Row<SettingRow>>;
  BookingSettings: ModelStatic<Row<BookingSettingsRow>>;
  BookingSlot: ModelStatic<Row<BookingSlotRow>>;
  Booking: ModelStatic<Row<BookingRow>>;
  RenderedDocument: ModelStatic<Row<RenderedDocumentRow>>;
  ChangeEntry: ModelStatic<Row<ChangeEntryRow>>;
  ChangeRegion: ModelStatic<Row<ChangeRegionRow>>;
  Webhook: ModelStatic<Row<WebhookRow>>;
  Outbox: ModelStatic<Row<OutboxRow>>;
}

/** The models over the tables the migrations create (column names are the snake_case of these). */
export function defineModels(sequelize: Sequelize): Models {
  const define = <A extends object>(
    name: string,
    table: string,
    attributes: Record<string, ModelAttributeColumnOptions>,
  ) => sequelize.define<Row<A>>(name, attributes as ModelAttributes<Row<A>>, { tableName: table });
  return {
    Region: define<RegionRow>('Region', 'regions', {
      code: key(12),
      name: str(100),
      level: str(10),
      parentCode: { type: DataTypes.STRING(12), allowNull: true },
      searchPinyin: str(400),
    }),
    Material: define<LibraryRow>('Material', 'materials', {
      code: key(32),
      name: str(200),
      doc: json(sequelize, 'doc'),
      revision: int(),
      updatedAt: time(),
    }),
    DataElement: define<LibraryRow>('DataElement', 'data_elements', {
      code: key(64),
      name: str(200),
      doc: json(sequelize, 'doc'),
      revision: int(),
      updatedAt: time(),
    }),
    BaseItem: define<BaseItemRow>('BaseItem', 'base_items', {
      code: key(12),
      ownerRegion: str(12),
      name: str(200),
      type: str(2),
      status: str(12),
      version: int(),
      revision: int(),
      doc: json(sequelize, 'doc'),
      updatedAt: time(),
      updatedBy: str(64),
    }),
    BaseItemVersion: define<BaseItemVersionRow>('BaseItemVersion', 'base_item_versions', {
      code: key(12),
      version: int({ primaryKey: true }),
      doc: json(sequelize, 'doc'),
      effectiveDate: str(10),
      publishedAt: time(),
      publishedBy: str(64),
    }),
    Implementation: define<ImplementationRow>('Implementation', 'implementations', {
      regionCode: key(9),
      baseCode: key(12),
      status: str(12),
      version: int(),
      revision: int(),
      sortOrder: int(),
      doc: json(sequelize, 'doc'),
      reviewComment: { type: DataTypes.TEXT, allowNull: true },
      updatedAt: time(),
      updatedBy: str(64),
      completeness: { type: DataTypes.DOUBLE, allowNull: true },
    }),
    ImplementationVersion: define<ImplementationVersionRow>(
      'ImplementationVersion',
      'implementation_versions',
      {
        regionCode: key(9),
        baseCode: key(12),
        version: int({ primaryKey: true }),
        baseVersion: int(),
        doc: json(sequelize, 'doc'),
        item: json(sequelize, 'item'),
        effectiveDate: str(10),
        publishedAt: time(),
        publishedBy: str(64),
      },
    ),
    PublishedItem: define<PublishedItemRow>('PublishedItem', 'published_items', {
      regionCode: key(9),
      itemCode: key(12),
      version: int(),
      name: str(200),
      type: str(2),
      tagImmediate: flag(),
      tagOnline: flag(),
      tagNearby: flag(),
      tagOneVisit: flag(),
      objectNatural: flag(),
      objectLegal: flag(),
      sortOrder: int(),
      summary: { type: DataTypes.TEXT, allowNull: false },
      searchKey: str(32),
      ...figures(ITEM_FIGURES),
      item: { type: longText(sequelize), allowNull: false },
    }),
    SearchText: define<SearchTextRow>('SearchText', 'search_texts', {
      textKey: key(32),
      name: str(200),
      initials: str(200),
      pinyin: str(800),
      haystack: { type: DataTypes.TEXT, allowNull: false },
    }),
    SearchTerm: define<SearchTermRow>('SearchTerm', 'search_terms', {
      term: key(8),
      textKey: key(32),
    }),
    TownshipMetrics: define<TownshipMetricsRow>('TownshipMetrics', 'township_metrics', {
      regionCode: key(9),
      ...figures(TOTALS),
    }),
    Bundle: define<BundleRow>('Bundle', 'bundles', {
      code: key(32),
      regionCode: str(12),
      name: str(200),
      status: str(12),
      revision: int(),
      doc: json(sequelize, 'doc'),
      updatedAt: time(),
    }),
    User: define<UserRow>('User', 'users', {
      username: key(64),
      displayName: str(100),
      role: str(20),
      regionCode: str(12),
      passwordHash: str(200),
      disabled: flag(),
      createdAt: time(),
    }),
    AuditEntry: define<AuditRow>('AuditEntry', 'audit_entries', {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      at: time(),
      username: str(64),
      role: str(20),
      action: str(40),
      entityType: str(30),
      entityKey: str(80),
      regionCode: str(12),
      before: json(sequelize, 'before', true),
      after: json(sequelize, 'after', true),
    }),
    Submission: define<SubmissionRow>('Submission', 'submissions', {
      reference: key(40),
      regionCode: str(9),
      status: str(12),
      items: json(sequelize, 'items'),
      data: json(sequelize, 'data'),
      phoneDigest: str(64),
      applicantName: { type: DataTypes.STRING(100), allowNull: true },
      applicantMobile: { type: DataTypes.STRING(20), allowNull: true },
      queryCodeHash: { type: DataTypes.STRING(64), allowNull: true },
      history: json(sequelize, 'history'),
      createdAt: time(),
      updatedAt: time(),
    }),
    SubmissionCounter: define<SubmissionCounterRow>('SubmissionCounter', 'submission_counters', {
      regionCode: key(9),
      day: key(8),
      lastSequence: int(),
    }),
    Setting: define<SettingRow>('Setting', 'settings', {
      key: key(64),
      value: { type: DataTypes.TEXT, allowNull: false },
    }),
    BookingSettings: define<BookingSettingsRow>('BookingSettings', 'booking_settings', {
      regionCode: key(9),
      settings: json(sequelize, 'settings'),
      updatedAt: time(),
      updatedBy: str(64),
    }),
    BookingSlot: define<BookingSlotRow>('BookingSlot', 'booking_slots', {
      regionCode: key(9),
      slotStart: key(16),
      taken: int(),
    }),
    Booking: define<BookingRow>('Booking', 'bookings', {
      code: key(8),
      regionCode: str(9),
      itemCode: str(40),
      itemName: str(200),
      slotStart: str(16),
      slotEnd: str(5),
      name: str(50),
      phone: str(11),
      status: str(12),
      bookedAt: time(),
      cancelledAt: { type: DataTypes.DATE, allowNull: true },
      remindedAt: { type: DataTypes.DATE, allowNull: true },
    }),
    RenderedDocument: define<RenderedDocumentRow>('RenderedDocument', 'rendered_documents', {
      key: key(200),
      regionCode: str(12),
      contentType: str(60),
      content: {
        type: sequelize.getDialect() === 'mysql' ? DataTypes.BLOB('long') : DataTypes.BLOB,
        allowNull: false,
      },
      createdAt: time(),
    }),
    ChangeEntry: define<ChangeEntryRow>('ChangeEntry', 'change_entries', {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      eventId: str(36),
      kind: str(20),
      regionCode: str(12),
      regionName: str(100),
      itemCode: str(12),
      itemName: str(200),
      fromVersion: { type: DataTypes.INTEGER, allowNull: true },
      toVersion: { type: DataTypes.INTEGER, allowNull: true },
      effectiveDate: { type: DataTypes.STRING(10), allowNull: true },
      reason: str(500),
      summary: json(sequelize, 'summary'),
      author: str(100),
      at: preciseTime(),
    }),
    ChangeRegion: define<ChangeRegionRow>('ChangeRegion', 'change_regions', {
      regionCode: key(12),
      entryId: { type: DataTypes.INTEGER, allowNull: false, primaryKey: true },
    }),
    Webhook: define<WebhookRow>('Webhook', 'webhooks', {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      url: str(500),
      secret: str(200),
      regionCode: { type: DataTypes.STRING(12), allowNull: true },
      active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      createdAt: preciseTime(),
      createdBy: str(64),
    }),
    Outbox: define<OutboxRow>('Outbox', 'webhook_outbox', {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      webhookId: int(),
      eventId: str(36),
      body: { type: longText(sequelize), allowNull: false },
      attempts: int(),
      nextAttemptAt: preciseTime(),
      deliveredAt: { type: DataTypes.DATE(3), allowNull: true },
      lastError: { type: DataTypes.STRING(500), allowNull: true },
    }),
  };
}
