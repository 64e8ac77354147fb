import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate1to2 } from '../migration/migration.1-2';
import { checkItem, migrateDocument, SCHEMA_VERSION, validateItem } from '../index';
import type { BaseItem, ItemImplementation } from '../index';

const v1 = (file: string) =>
  JSON.parse(readFileSync(join(__dirname, 'v1', file), 'utf8')) as Record<string, unknown>;

describe('migration 1 → 2', () => {
  it('turns 0-day limits into 即办 and keeps real spans and notes', () => {
    const out = migrate1to2({
      kind: 'base-item',
      schemaVersion: 1,
      statutoryLimit: { value: 0, unit: 'workday', note: '当场办结' },
      process: [
        {
          id: 'a',
          timeLimit: { value: 0, unit: 'day' },
          branches: [{ kind: 'correct', timeLimit: { value: 5, unit: 'day' } }],
        },
        { id: 'b' },
      ],
      specialProcedures: [
        { kind: '6', name: '公示', timeLimit: { value: 7, unit: 'day' }, countsInLimit: false },
      ],
    });
    expect(out).toEqual({
      kind: 'base-item',
      schemaVersion: 2,
      statutoryLimit: { none: 'immediate', note: '当场办结' },
      process: [
        {
          id: 'a',
          timeLimit: { none: 'immediate' },
          branches: [{ kind: 'correct', timeLimit: { value: 5, unit: 'day' } }],
        },
        { id: 'b' },
      ],
      specialProcedures: [
        { kind: '6', name: '公示', timeLimit: { value: 7, unit: 'day' }, countsInLimit: false },
      ],
    });
  });

  it('turns the two fixed phones and two texts into contacts with their use', () => {
    const out = migrate1to2({
      kind: 'implementation',
      schemaVersion: 1,
      contacts: {
        consultPhone: '0773-8822001',
        complaintPhone: '0773-8822345',
        complaintOther: '12345政务服务便民热线',
      },
    });
    expect(out).toEqual({
      kind: 'implementation',
      schemaVersion: 2,
      contacts: [
        { kind: 'consult', phone: '0773-8822001' },
        { kind: 'complaint', phone: '0773-8822345' },
        { kind: 'complaint', channel: '12345政务服务便民热线' },
      ],
    });
  });

  it('is pure: the version-1 document is left as it was', () => {
    const doc = v1('licence-implementation.json');
    const before = JSON.stringify(doc);
    migrate1to2(doc);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('passes every other version through untouched', () => {
    const doc = { kind: 'material', schemaVersion: 2, code: 'X' };
    expect(migrate1to2(doc)).toBe(doc);
  });
});

describe('migrateDocument', () => {
  it('reads version-1 files as valid version-2 documents that keep their findings', () => {
    const base = migrateDocument(v1('licence-base.json'));
    const impl = migrateDocument(v1('licence-implementation.json'));
    expect([base.from, impl.from]).toEqual([1, 1]);
    expect(validateItem(base.document).errors).toEqual([]);
    expect(validateItem(impl.document).errors).toEqual([]);
    expect((impl.document as ItemImplementation).promisedLimit).toEqual({ none: 'immediate' });
    expect(checkItem(impl.document as ItemImplementation, base.document as BaseItem)).toEqual([]);
  });

  it('leaves a current document alone and explains a version it does not know', () => {
    const current = { kind: 'material', schemaVersion: SCHEMA_VERSION };
    expect(migrateDocument(current)).toEqual({ document: current, from: SCHEMA_VERSION });
    expect(migrateDocument({ kind: 'material', schemaVersion: 9 }).issue).toEqual({
      path: '/schemaVersion',
      message: '不认识的模型版本 9，当前版本为 2',
    });
    expect(migrateDocument({ kind: 'material' }).issue?.path).toBe('/schemaVersion');
  });
});
