import type { BaseItem, ItemImplementation } from '@oneseal/schemas';
import { Op } from 'sequelize';
import { countedLimit } from './countedLimit';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';

/**
 * Publishing a township's list is one transaction: either every approved item becomes a new version and
 * replaces its public entry, or nothing changes at all — whether the publish is refused by the rules (422)
 * or fails half-way through for any other reason.
 */

const TOWNSHIP = '450321100'; // 阳朔镇
const EDITOR = 'editor-450321100';
const REVIEWER = 'reviewer-450321';
const HOOK = 'atomic-publish-spec: injected failure';

interface Draft {
  revision: number;
  status: string;
  publishedVersion: number;
  implementation: ItemImplementation;
}

interface PublicView {
  version: number;
  hours: string;
  place: string;
  etag: string;
}

/** Everything a publish could change, for a set of items: to compare before and after. */
interface Snapshot {
  public: Record<string, PublicView>;
  publishedRows: Record<string, number>;
  working: Record<string, { status: string; revision: number; version: number }>;
  versionRows: number;
  publishAudit: number;
}

function helpers(app: () => TestApp) {
  const itemPath = (code: string) => `/api/townships/${TOWNSHIP}/items/${code}`;

  async function draft(code: string): Promise<Draft> {
    const t = app();
    const res = await t.api.get(itemPath(code)).set(await t.as(EDITOR));
    expect(res.status).toBe(200);
    return res.body as Draft;
  }

  async function publicItem(code: string): Promise<PublicView> {
    const res = await app().api.get(`/api/public/regions/${TOWNSHIP}/items/${code}`);
    expect(res.status).toBe(200);
    return {
      version: res.body.version as number,
      hours: res.body.hours as string,
      place: res.body.place as string,
      etag: res.headers.etag as string,
    };
  }

  /** Saves a change through the API; returns the saved answer (findings included). */
  async function save(code: string, change: Partial<ItemImplementation>) {
    const t = app();
    const current = await draft(code);
    const res = await t.api
      .put(itemPath(code))
      .set(await t.as(EDITOR))
      .set('If-Match', String(current.revision))
      .send({ ...current.implementation, ...change });
    expect(res.status).toBe(200);
    return res.body as { revision: number; findings: { severity: string; path: string }[] };
  }

  /** Edit → submit (editor) → approve (reviewer), all through the API. */
  async function approveChange(code: string, change: Partial<ItemImplementation>) {
    const t = app();
    await save(code, change);
    const submitted = await t.api
      .post(`${itemPath(code)}/submit`)
      .set(await t.as(EDITOR))
      .send({});
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    const approved = await t.api
      .post(`${itemPath(code)}/approve`)
      .set(await t.as(REVIEWER))
      .send({});
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
  }

  async function publish() {
    const t = app();
    return t.api
      .post(`/api/townships/${TOWNSHIP}/publish`)
      .set(await t.as(EDITOR))
      .send({ reason: '统一调整办理时间' });
  }

  async function snapshot(codes: readonly string[]): Promise<Snapshot> {
    const { models } = app().store;
    const out: Snapshot = {
      public: {},
      publishedRows: {},
      working: {},
      versionRows: await models.ImplementationVersion.count({ where: { regionCode: TOWNSHIP } }),
      publishAudit: await models.AuditEntry.count({
        where: { regionCode: TOWNSHIP, action: { [Op.in]: ['publish', 'publish-list'] } },
      }),
    };
    for (const code of codes) {
      out.public[code] = await publicItem(code);
      const row = await models.PublishedItem.findOne({ where: { regionCode: TOWNSHIP, itemCode: code } });
      out.publishedRows[code] = row!.version;
      const working = await models.Implementation.findOne({
        where: { regionCode: TOWNSHIP, baseCode: code },
      });
      out.working[code] = { status: working!.status, revision: working!.revision, version: working!.version };
    }
    return out;
  }

  return { draft, publicItem, save, approveChange, publish, snapshot, itemPath };
}

describe(`atomic publish: a failure in the middle of the transaction (${DB_LABEL})`, () => {
  let t: TestApp;
  const h = helpers(() => t);
  // Published in list order (sortOrder 0, 1, 2): the failure hits the second, after the first was written.
  const ITEMS = ['0117302000', '0117303000', '0117305000'] as const;
  const newHours = (code: string) => `原子发布测试 ${code}：工作日 8:30—17:30`;
  let before: Snapshot;

  beforeAll(async () => {
    t = await createTestApp();
    for (const code of ITEMS) await h.approveChange(code, { hours: newHours(code) });
    before = await h.snapshot(ITEMS);
  }, 60_000);
  afterAll(async () => {
    t.store.models.ImplementationVersion.removeHook('beforeCreate', HOOK);
    await t.close();
  });

  it('starts from published items whose public text differs from the approved change', () => {
    for (const code of ITEMS) {
      expect(before.working[code]!.status).toBe('approved');
      expect(before.public[code]!.version).toBe(before.working[code]!.version);
      expect(before.public[code]!.version).toBeGreaterThan(0);
      expect(before.public[code]!.hours).not.toBe(newHours(code));
    }
    expect(before.publishAudit).toBe(0);
  });

  it('a failure on the second version row answers an error and changes nothing', async () => {
    const { models } = t.store;
    const first = ITEMS[0];
    const firstNext = before.working[first]!.version + 1;
    let calls = 0;
    // What the failing transaction itself had written for the first item when the failure struck.
    let seenInside: { versionRow: number; publicVersion: number | undefined; status: string | undefined } = {
      versionRow: -1,
      publicVersion: undefined,
      status: undefined,
    };
    models.ImplementationVersion.addHook('beforeCreate', HOOK, async (_row, options) => {
      calls += 1;
      if (calls !== 2) return;
      const transaction = options.transaction ?? undefined;
      seenInside = {
        versionRow: await models.ImplementationVersion.count({
          where: { regionCode: TOWNSHIP, baseCode: first, version: firstNext },
          transaction,
        }),
        publicVersion: (
          await models.PublishedItem.findOne({
            where: { regionCode: TOWNSHIP, itemCode: first },
            transaction,
          })
        )?.version,
        status: (
          await models.Implementation.findOne({
            where: { regionCode: TOWNSHIP, baseCode: first },
            transaction,
          })
        )?.status,
      };
      throw new Error('injected: the database went away while publishing');
    });
    let res;
    try {
      res = await h.publish();
    } finally {
      t.store.models.ImplementationVersion.removeHook('beforeCreate', HOOK);
    }
    // The failure really happened in the middle: inside the transaction the first item was already
    // published (version row, public row, working copy) when the second version row failed.
    expect(calls).toBe(2);
    expect(seenInside).toEqual({ versionRow: 1, publicVersion: firstNext, status: 'published' });
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('internal');
    expect(JSON.stringify(res.body)).not.toContain('injected');

    const after = await h.snapshot(ITEMS);
    // Public items: same versions, same text, same ETags.
    expect(after.public).toEqual(before.public);
    // The public index rows, the working copies (still approved, same revision), the version history and
    // the audit log are all exactly as they were.
    expect(after.publishedRows).toEqual(before.publishedRows);
    expect(after.working).toEqual(before.working);
    expect(after.versionRows).toBe(before.versionRows);
    expect(after.publishAudit).toBe(0);
    for (const code of ITEMS) {
      const next = await t.store.models.ImplementationVersion.findOne({
        where: { regionCode: TOWNSHIP, baseCode: code, version: before.working[code]!.version + 1 },
      });
      expect(next).toBeNull();
    }
  });

  it('without the failure, the same publish puts every item out as version + 1', async () => {
    const res = await h.publish();
    expect(res.status).toBe(200);
    expect(res.body.published).toEqual(
      ITEMS.map((code) => ({ itemCode: code, version: before.working[code]!.version + 1 })),
    );

    const after = await h.snapshot(ITEMS);
    for (const code of ITEMS) {
      const version = before.working[code]!.version + 1;
      expect(after.public[code]).toEqual({
        version,
        hours: newHours(code),
        place: before.public[code]!.place,
        etag: `"${TOWNSHIP}-${code}-v${version}"`,
      });
      expect(after.publishedRows[code]).toBe(version);
      expect(after.working[code]).toMatchObject({ status: 'published', version });
      const d = await h.draft(code);
      expect(d.status).toBe('published');
      expect(d.publishedVersion).toBe(version);
    }
    expect(after.versionRows).toBe(before.versionRows + ITEMS.length);
    // One publish entry per item and one for the list.
    expect(after.publishAudit).toBe(ITEMS.length + 1);
  });
});

describe(`atomic publish: one approved item breaks a rule (${DB_LABEL})`, () => {
  let t: TestApp;
  const h = helpers(() => t);
  const VALID = ['0117306000', '0117310000', '0117311000'] as const;
  const BAD = '0117312000';
  const ALL = [...VALID, BAD];
  const newHours = (code: string) => `规则测试 ${code}：工作日 9:00—17:00`;
  let before: Snapshot;

  beforeAll(async () => {
    t = await createTestApp();
    for (const code of VALID) await h.approveChange(code, { hours: newHours(code) });

    // The bad item: promised limit above the statutory one. Saving is allowed (the finding comes back) …
    const base = (await t.store.models.BaseItem.findByPk(BAD))!.doc as BaseItem;
    const statutory = countedLimit(base.statutoryLimit);
    expect(statutory.value).toBeGreaterThan(0);
    const promisedLimit = { value: statutory.value + 10, unit: statutory.unit };
    const saved = await h.save(BAD, { promisedLimit, hours: newHours(BAD) });
    expect(saved.findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ severity: 'error', path: '/promisedLimit' })]),
    );
    // … but submitting is refused, so the draft is put into “approved” directly in the database.
    const submitted = await t.api
      .post(`${h.itemPath(BAD)}/submit`)
      .set(await t.as(EDITOR))
      .send({});
    expect(submitted.status).toBe(422);
    const row = (await t.store.models.Implementation.findOne({
      where: { regionCode: TOWNSHIP, baseCode: BAD },
    }))!;
    expect((row.doc as ItemImplementation).promisedLimit).toEqual(promisedLimit);
    await row.update({
      status: 'approved',
      doc: { ...(row.doc as ItemImplementation), status: 'approved' },
      revision: row.revision + 1,
    });

    before = await h.snapshot(ALL);
  }, 60_000);
  afterAll(() => t.close());

  it('starts with four approved items, none of them published yet in its new form', () => {
    for (const code of ALL) {
      expect(before.working[code]!.status).toBe('approved');
      expect(before.public[code]!.hours).not.toBe(newHours(code));
    }
  });

  it("answers 422 naming the bad item's error path, and only that item", async () => {
    const res = await h.publish();
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid');
    const paths = (res.body.error.details as { path: string }[]).map((d) => d.path);
    expect(paths).toContain(`/${BAD}/promisedLimit`);
    for (const path of paths) expect(path.startsWith(`/${BAD}/`)).toBe(true);
  });

  it('publishes none of the valid items', async () => {
    const after = await h.snapshot(ALL);
    expect(after.public).toEqual(before.public);
    expect(after.publishedRows).toEqual(before.publishedRows);
    expect(after.working).toEqual(before.working);
    expect(after.versionRows).toBe(before.versionRows);
    expect(after.publishAudit).toBe(before.publishAudit);
    for (const code of VALID) expect((await h.draft(code)).status).toBe('approved');
  });
});
