import { ApiError } from '../http/errors';

/** Why the database refuses writes while still answering reads. */
export type StorageFault = 'read-only' | 'full';

interface DriverError {
  code?: string;
  errno?: number;
  message?: string;
  sqlMessage?: string;
  parent?: unknown;
  original?: unknown;
}

// MySQL/MariaDB error numbers: the server or a table is read-only, or this user may not write (a read-only grant).
const MYSQL_READ_ONLY = new Set([1290, 1836, 1792, 1036]);
const MYSQL_FULL = new Set([1114, 1021]);
// "INSERT, UPDATE command denied to user …": the grants allow reading only.
const WRITE_DENIED = /^((INSERT|UPDATE|DELETE)(, )?)+ command denied/;
// ER_ERROR_ON_WRITE and ER_GET_ERRNO carry the OS error; 28 is ENOSPC.
const NO_SPACE = /\b(Errcode|errno|error):? 28\b/i;

/** The storage fault behind an error (Sequelize wraps the driver's error), if it is one. */
export function storageFault(error: unknown): StorageFault | undefined {
  for (let e = error as DriverError | undefined, depth = 0; e && depth < 4; depth++) {
    if (e.code === 'SQLITE_READONLY') return 'read-only';
    if (e.code === 'SQLITE_FULL') return 'full';
    if (typeof e.errno === 'number' && e.code?.startsWith('ER_')) {
      const message = e.sqlMessage ?? e.message ?? '';
      if (MYSQL_READ_ONLY.has(e.errno) || (e.errno === 1142 && WRITE_DENIED.test(message)))
        return 'read-only';
      if (MYSQL_FULL.has(e.errno) || ((e.errno === 3 || e.errno === 1030) && NO_SPACE.test(message)))
        return 'full';
    }
    e = (e.original ?? e.parent) as DriverError | undefined;
  }
  return undefined;
}

const CAUSES: Record<StorageFault, { zh: string; en: string }> = {
  'read-only': {
    zh: '数据库当前为只读状态，暂时无法保存，请稍后再试（已保存的内容不受影响，查询不受影响）',
    en: 'The database is read-only at the moment; nothing can be saved. Try again later',
  },
  full: {
    zh: '数据库存储空间已满，暂时无法保存，请稍后再试（已保存的内容不受影响，查询不受影响）',
    en: 'The database is out of space; nothing can be saved. Try again later',
  },
};

/** 503 naming the cause; nothing of the refused write was kept, so the client may simply try again. */
export function storageError(fault: StorageFault): ApiError {
  return new ApiError(503, `storage-${fault}`, CAUSES[fault], [], {}, { 'Retry-After': '60' });
}

/** The zh-CN sentence naming a fault, for /api/health. */
export const faultMessage = (fault: StorageFault) => CAUSES[fault].zh;

/** How long a write's outcome stands for the database's state before /api/health tries a write itself. */
export const OBSERVATION_MS = 1000;

/**
 * What this instance last saw of the database's writes: a fault, or a write that worked. It is an observation,
 * not data — every write tries the database again, so writes resume by themselves when the fault clears.
 */
export class StorageState {
  private seen: { fault?: StorageFault; at: number } = { at: 0 };
  private probing?: Promise<StorageFault | undefined>;

  /**
   * A write worked: the database takes writes. A full database may still fit a small write into space it has,
   * so that proves nothing about room: `full` is then only made stale, for health's next write (which needs new
   * space) to tell.
   */
  wrote(now = Date.now()): void {
    this.seen = this.seen.fault === 'full' ? { fault: 'full', at: 0 } : { at: now };
  }

  failed(fault: StorageFault, now = Date.now()): void {
    this.seen = { fault, at: now };
  }

  /**
   * The fault the database has now, if any: the last observation while it is fresh, otherwise the outcome of
   * `tryWrite` (one at a time: health checks arriving meanwhile share it).
   */
  async current(tryWrite: () => Promise<void>): Promise<StorageFault | undefined> {
    if (Date.now() - this.seen.at < OBSERVATION_MS) return this.seen.fault;
    this.probing ??= tryWrite()
      .then(
        () => ((this.seen = { at: Date.now() }), undefined),
        (error: unknown) => {
          const fault = storageFault(error);
          if (!fault) throw error;
          this.failed(fault);
          return fault;
        },
      )
      .finally(() => (this.probing = undefined));
    return this.probing;
  }
}
