import { storageFault, StorageState } from '../storageFaults';

// Errors as Sequelize hands them on: its DatabaseError with the driver's error as `parent` and `original`.
const wrapped = (driver: object) => Object.assign(new Error('wrapped'), { parent: driver, original: driver });
const mysql = (errno: number, code: string, sqlMessage: string) => wrapped({ errno, code, sqlMessage });

describe('storageFault', () => {
  it('names SQLite’s read-only and full databases', () => {
    expect(storageFault(wrapped({ code: 'SQLITE_READONLY', errno: 8 }))).toBe('read-only');
    expect(storageFault(wrapped({ code: 'SQLITE_FULL', errno: 13 }))).toBe('full');
  });

  it('names MySQL/MariaDB’s read-only server, read-only grants and full disks and tables', () => {
    const cases: [number, string, string, string][] = [
      [
        1290,
        'ER_OPTION_PREVENTS_STATEMENT',
        'The MariaDB server is running with the --read-only option',
        'read-only',
      ],
      [
        1142,
        'ER_TABLEACCESS_DENIED_ERROR',
        "INSERT, UPDATE command denied to user 'u'@'h' for table `d`.`t`",
        'read-only',
      ],
      [
        1142,
        'ER_TABLEACCESS_DENIED_ERROR',
        "DELETE command denied to user 'u'@'h' for table `d`.`t`",
        'read-only',
      ],
      [1114, 'ER_RECORD_FILE_FULL', "The table 'submissions' is full", 'full'],
      [
        3,
        'ER_ERROR_ON_WRITE',
        'Error writing file \'./d/t.ibd\' (Errcode: 28 "No space left on device")',
        'full',
      ],
    ];
    for (const [errno, code, message, fault] of cases)
      expect({ code, message, fault: storageFault(mysql(errno, code, message)) }).toEqual({
        code,
        message,
        fault,
      });
  });

  it('leaves every other error alone: a denied read, a duplicate key, a busy database, a bug', () => {
    expect(
      storageFault(mysql(1142, 'ER_TABLEACCESS_DENIED_ERROR', "SELECT command denied to user 'u'@'h'")),
    ).toBe(undefined);
    expect(
      storageFault(mysql(1062, 'ER_DUP_ENTRY', "Duplicate entry '1' for key 'PRIMARY'")),
    ).toBeUndefined();
    expect(storageFault(wrapped({ code: 'SQLITE_BUSY', errno: 5 }))).toBeUndefined();
    expect(storageFault(new TypeError('x is undefined'))).toBeUndefined();
    expect(storageFault(undefined)).toBeUndefined();
  });
});

describe('StorageState', () => {
  it('trusts a fresh observation and tries a write once it is stale, one write for simultaneous asks', async () => {
    const state = new StorageState();
    let writes = 0;
    const tryWrite = async () => void writes++;
    expect(await Promise.all([state.current(tryWrite), state.current(tryWrite)])).toEqual([
      undefined,
      undefined,
    ]);
    expect(writes).toBe(1);
    state.failed('read-only');
    expect(await state.current(tryWrite)).toBe('read-only');
    expect(writes).toBe(1);
    // A write that worked proves write access again.
    state.wrote();
    expect(await state.current(tryWrite)).toBeUndefined();
    expect(writes).toBe(1);
  });

  it('does not take a small write that fitted for room: a full database is tried again', async () => {
    const state = new StorageState();
    state.failed('full');
    state.wrote();
    const full = Object.assign(new Error('full'), { code: 'SQLITE_FULL' });
    expect(await state.current(() => Promise.reject(full))).toBe('full');
    state.wrote();
    expect(await state.current(async () => undefined)).toBeUndefined();
  });
});
