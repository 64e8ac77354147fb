/**
 * The RBAC matrix: every write route × every role × a region in and a region out of the role's subtree.
 *
 * The write routes come from `apiRoutes()` (every non-GET route but the public login), so a write route added
 * later fails "has a request builder" until it gets an entry in BUILDERS. Each entry builds a request that
 * would succeed for an allowed role in scope (setting up the state it needs first: through the API as an admin,
 * or in the database for owners outside the city), so a 401 or 403 can only come from the missing token, the
 * role or the region — never from the state.
 *
 * Expected answers follow the router's rules: no token → 401; a role not in the route's `access` → 403; an
 * allowed role acting on a region outside its subtree → 403; an allowed role in scope → the route's own
 * success answer. A rejected request must write nothing (the audit log does not grow); an accepted one is
 * audited under the acting user.
 */
import { Workbook } from 'exceljs';
import type { Response } from 'supertest';
import type { Role } from '../auth/roles';
import { apiRoutes } from '../app';
import type { RouteSpec } from '../http/routeTable';
import type { TestApp } from './testApp';
import { DEMO_PASSWORD } from '../services/seedDatabase';
import { createTestApp, DB_LABEL } from './testApp';

// ---------------------------------------------------------------------------------------------------------
// Who acts, and where

type Username = 'admin' | 'admin-450321' | 'editor-450321100' | 'editor-450323101' | 'reviewer-450321';

/** The seeded users: their role and the root of their region subtree. */
const USERS: Record<Username, { role: Role; region: string }> = {
  admin: { role: 'city-admin', region: '450300' }, // 桂林市
  'admin-450321': { role: 'county-admin', region: '450321' }, // 阳朔县
  'editor-450321100': { role: 'township-editor', region: '450321100' }, // 阳朔镇
  'editor-450323101': { role: 'township-editor', region: '450323101' }, // 灵川县大圩镇
  'reviewer-450321': { role: 'reviewer', region: '450321' }, // 阳朔县
};
const USERNAMES = Object.keys(USERS) as Username[];

const CITY = '450300'; // 桂林市
const YANGSHUO = '450321'; // 阳朔县
const YANGSHUO_TOWN = '450321100'; // 阳朔镇
const DAXU = '450323101'; // 灵川县大圩镇
/** Outside the city altogether (南宁市, 南宁市兴宁区某乡镇): out of scope even for the city admin. */
const NANNING = '450100';
const NANNING_TOWNSHIP = '450102001';
/** Writes and submits the drafts the cases start from (World.author). */
const AUTHOR = 'rbac-author';

/** The seeds hold Guilin (4503…) only; regions elsewhere have no data to prepare. */
const seededRegion = (region: string) => region.startsWith('4503');

interface Cell {
  user: Username;
  region: string;
  inScope: boolean;
}

/** Township routes (scope = the township in the path or body): 阳朔镇 and 大圩镇. */
const TOWNSHIP_CELLS: Cell[] = [
  { user: 'admin', region: YANGSHUO_TOWN, inScope: true },
  { user: 'admin', region: NANNING_TOWNSHIP, inScope: false },
  { user: 'admin-450321', region: YANGSHUO_TOWN, inScope: true },
  { user: 'admin-450321', region: DAXU, inScope: false },
  { user: 'editor-450321100', region: YANGSHUO_TOWN, inScope: true },
  { user: 'editor-450321100', region: DAXU, inScope: false },
  { user: 'editor-450323101', region: DAXU, inScope: true },
  { user: 'editor-450323101', region: YANGSHUO_TOWN, inScope: false },
  { user: 'reviewer-450321', region: YANGSHUO_TOWN, inScope: true },
  { user: 'reviewer-450321', region: DAXU, inScope: false },
];

/** Documents owned by a region (base items, bundles): each user's own region, and one outside it. */
const OWNER_CELLS: Cell[] = [
  { user: 'admin', region: CITY, inScope: true },
  // A county's document lies in the city admin's subtree too.
  { user: 'admin', region: YANGSHUO, inScope: true },
  { user: 'admin', region: NANNING, inScope: false },
  { user: 'admin-450321', region: YANGSHUO, inScope: true },
  { user: 'admin-450321', region: CITY, inScope: false },
  { user: 'editor-450321100', region: YANGSHUO_TOWN, inScope: true },
  { user: 'editor-450321100', region: YANGSHUO, inScope: false },
  { user: 'editor-450323101', region: DAXU, inScope: true },
  { user: 'editor-450323101', region: YANGSHUO_TOWN, inScope: false },
  { user: 'reviewer-450321', region: YANGSHUO, inScope: true },
  { user: 'reviewer-450321', region: CITY, inScope: false },
];

/** New users: the township cells, and a county-level user created by the city admin and by the county admin. */
const USER_CELLS: Cell[] = [
  ...TOWNSHIP_CELLS,
  { user: 'admin', region: YANGSHUO, inScope: true },
  { user: 'admin-450321', region: YANGSHUO, inScope: true },
];

/** City-wide libraries (materials, data elements): the region is always the city. */
const CITY_CELLS: Cell[] = USERNAMES.map((user) => ({ user, region: CITY, inScope: user === 'admin' }));

/** Routes without a region in the request (a new base item belongs to its creator's region). */
const OWN_REGION_CELLS: Cell[] = USERNAMES.map((user) => ({
  user,
  region: USERS[user].region,
  inScope: true,
}));

// ---------------------------------------------------------------------------------------------------------
// Calling the API

type Json = Record<string, unknown>;

interface Prepared {
  /** The concrete path under /api. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Asserts the answer an allowed role in scope gets. */
  accepted(res: Response): void;
}

interface Builder {
  /** The cells this route is tested with; `scoped` says whether the route must declare a scope. */
  cells: Cell[];
  scoped: boolean;
  /** The region the no-token request acts on. */
  anonymousRegion: string;
  /** The answer an allowed, in-scope request gets (in the test name). */
  success: number;
  /** False for a POST that only computes (a preview): accepted, it must leave the audit log as it was. */
  writes?: false;
  prepare(w: World, region: string): Promise<Prepared>;
}

function send(
  t: TestApp,
  method: RouteSpec['method'],
  path: string,
  options: { headers?: Record<string, string>; body?: unknown } = {},
) {
  let req = t.api[method](`/api${path}`);
  for (const [name, value] of Object.entries(options.headers ?? {})) req = req.set(name, value);
  return options.body === undefined ? req : req.send(options.body as object);
}

/** Setup steps must work; a failing one is a broken test, not a finding. */
function expectStatus(res: Response, status: number, what: string): Json {
  if (res.status !== status)
    throw new Error(`setup ${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Json;
}

const ZH = /[\u4e00-\u9fff]/;

function expectError(res: Response, status: number, code: string): void {
  expect({ status: res.status, body: res.body as unknown }).toEqual({
    status,
    body: { error: { code, message: expect.stringMatching(ZH), details: expect.any(Array) } },
  });
}

// ---------------------------------------------------------------------------------------------------------
// Seeded state, prepared through the API as the city admin

let serial = 0;
const next = () => ++serial;

interface DraftView {
  revision: number;
  status: string;
  publishedVersion: number;
  implementation: Json;
}

class World {
  private readonly used = new Set<string>();
  private readonly lists = new Map<string, { itemCode: string; status: string }[]>();
  private readonly templates = new Map<string, Json>();

  constructor(readonly t: TestApp) {}

  async as(user: Username) {
    return this.t.as(user);
  }

  private async admin(method: RouteSpec['method'], path: string, body?: unknown, headers = {}) {
    return send(this.t, method, path, { headers: { ...(await this.as('admin')), ...headers }, body });
  }

  private authorReady?: Promise<unknown>;

  /**
   * Drafts are written and submitted by a city admin of their own, so that any seeded user may approve them
   * (four eyes: whoever wrote or submitted a draft cannot approve it).
   */
  private async author(method: RouteSpec['method'], path: string, body?: unknown, headers = {}) {
    this.authorReady ??= this.admin('post', '/users', {
      username: AUTHOR,
      displayName: '测试准备',
      role: 'city-admin',
      regionCode: CITY,
      password: DEMO_PASSWORD,
    }).then((res) => expectStatus(res, 201, 'create the author of drafts'));
    await this.authorReady;
    return send(this.t, method, path, { headers: { ...(await this.t.as(AUTHOR)), ...headers }, body });
  }

  /**
   * A published item of the township's seeded list that no earlier case of this app has touched. Regions
   * without seeds borrow a code from 阳朔镇 (nothing is prepared there: every role is out of scope).
   */
  async item(region: string): Promise<string> {
    const source = seededRegion(region) ? region : YANGSHUO_TOWN;
    let list = this.lists.get(source);
    if (!list) {
      list = expectStatus(await this.admin('get', `/townships/${source}/items`), 200, 'list') as unknown as {
        itemCode: string;
        status: string;
      }[];
      this.lists.set(source, list);
    }
    const found = list.find((i) => i.status === 'published' && !this.used.has(`${region}/${i.itemCode}`));
    if (!found) throw new Error(`no unused published item left in ${source}`);
    this.used.add(`${region}/${found.itemCode}`);
    return found.itemCode;
  }

  async draft(region: string, item: string): Promise<DraftView> {
    const source = seededRegion(region) ? region : YANGSHUO_TOWN;
    const view = expectStatus(
      await this.admin('get', `/townships/${source}/items/${item}`),
      200,
      'read draft',
    ) as unknown as DraftView;
    return { ...view, implementation: { ...view.implementation, regionCode: region } };
  }

  async step(region: string, item: string, name: string, body?: unknown): Promise<number> {
    const as = name === 'submit' ? this.author.bind(this) : this.admin.bind(this);
    const res = await as('post', `/townships/${region}/items/${item}/${name}`, body);
    return expectStatus(res, 200, name).revision as number;
  }

  /**
   * An unused item of the township brought to `status` through the API (seeded items are published; saving
   * one unchanged makes it a draft). Regions without seeds get an item code and nothing else.
   */
  async itemIn(
    region: string,
    status: 'published' | 'draft' | 'submitted' | 'approved',
  ): Promise<DraftView & { item: string }> {
    const item = await this.item(region);
    const view = { ...(await this.draft(region, item)), item };
    if (status === 'published' || !seededRegion(region)) return view;
    const saved = expectStatus(
      await this.author('put', `/townships/${region}/items/${item}`, view.implementation, {
        'If-Match': `"${view.revision}"`,
      }),
      200,
      'save draft',
    );
    view.revision = saved.revision as number;
    view.status = 'draft';
    if (status === 'draft') return view;
    view.revision = await this.step(region, item, 'submit');
    view.status = 'submitted';
    if (status === 'submitted') return view;
    view.revision = await this.step(region, item, 'approve', {});
    view.status = 'approved';
    return view;
  }

  /** Sends every approved item of the township back to draft, so a publish publishes only what a case approves. */
  async nothingApproved(region: string): Promise<void> {
    if (!seededRegion(region)) return;
    const list = expectStatus(
      await this.admin('get', `/townships/${region}/items`),
      200,
      'list',
    ) as unknown as {
      itemCode: string;
      status: string;
    }[];
    for (const i of list.filter((x) => x.status === 'approved'))
      await this.step(region, i.itemCode, 'return', { comment: '测试：清空待发布事项' });
  }

  async template(
    kind: 'base-items' | 'materials' | 'data-elements' | 'bundles',
    code: string,
  ): Promise<Json> {
    const key = `${kind}/${code}`;
    if (!this.templates.has(key)) {
      const body = expectStatus(await this.admin('get', `/${kind}/${code}`), 200, `read ${key}`);
      this.templates.set(key, (kind === 'base-items' ? body.baseItem : body.document) as Json);
    }
    return structuredClone(this.templates.get(key)!);
  }

  /** A valid new base item document (a copy of a seeded one under a new code). */
  async newBaseItemDoc(): Promise<Json> {
    const doc = await this.template('base-items', '0117302000');
    const n = next();
    return { ...doc, code: `99${String(n).padStart(8, '0')}`, name: `${doc.name as string}（测试${n}）` };
  }

  /**
   * A draft base item owned by `owner`: created by the admin of that region where one is seeded (the city
   * admin, or admin-450321 for 阳朔县); other owners are set in the database, as no seeded user can create there.
   */
  async baseItemOwnedBy(owner: string): Promise<string> {
    const doc = await this.newBaseItemDoc();
    const creator: Username = owner === YANGSHUO ? 'admin-450321' : 'admin';
    const created = expectStatus(
      await send(this.t, 'post', '/base-items', { headers: await this.as(creator), body: doc }),
      201,
      'create base item',
    );
    if (created.ownerRegion !== owner) {
      const [n] = await this.t.store.models.BaseItem.update(
        { ownerRegion: owner },
        { where: { code: doc.code as string } },
      );
      if (n !== 1) throw new Error('setup: could not move the base item');
    }
    return doc.code as string;
  }

  /** A published base item no township has adopted yet. */
  async publishedBaseItem(): Promise<string> {
    const code = await this.baseItemOwnedBy(CITY);
    expectStatus(
      await this.admin('post', `/base-items/${code}/publish`, { reason: '新增事项' }),
      200,
      'publish base item',
    );
    return code;
  }

  async newBundleDoc(region: string): Promise<Json> {
    const doc = await this.template('bundles', 'NEWBORN');
    const n = next();
    return { ...doc, code: `TEST-${n}`, name: `测试一件事${n}`, regionCode: region };
  }

  /**
   * A stored bundle of `region`: created by admin-450321 for 阳朔县 and by the city admin elsewhere in the city;
   * outside the city it is stored directly, as no seeded user can create there.
   */
  async bundleOf(region: string): Promise<string> {
    const doc = await this.newBundleDoc(region);
    const creator: Username = region === YANGSHUO ? 'admin-450321' : 'admin';
    if (seededRegion(region))
      expectStatus(
        await send(this.t, 'post', '/bundles', { headers: await this.as(creator), body: doc }),
        201,
        'create bundle',
      );
    else
      await this.t.store.models.Bundle.create({
        code: doc.code as string,
        regionCode: region,
        name: doc.name as string,
        status: doc.status as string,
        revision: 1,
        doc,
        updatedAt: new Date(),
      } as never);
    return doc.code as string;
  }
}

// ---------------------------------------------------------------------------------------------------------
// One request builder per write route, keyed `${method} ${path}`

const townshipStep = (
  name: string,
  from: 'published' | 'submitted' | 'draft',
  to: string,
  body?: unknown,
): Builder => ({
  cells: TOWNSHIP_CELLS,
  scoped: true,
  anonymousRegion: YANGSHUO_TOWN,
  success: 200,
  async prepare(w, region) {
    const { item, revision } = await w.itemIn(region, from);
    return {
      path: `/townships/${region}/items/${item}/${name}`,
      body,
      accepted(res) {
        expect(res.status).toBe(200);
        // Every step is one write: the revision goes up by one.
        expect(res.body).toMatchObject({ status: to, revision: revision + 1 });
      },
    };
  },
});

/** The process editor's live previews: any editor or admin, no region (nothing stored is touched). */
const preview = (
  path: string,
  contentType: RegExp,
  body = async (w: World): Promise<Json> => ({ item: await w.template('base-items', '0117302000') }),
): Builder => ({
  cells: OWN_REGION_CELLS,
  scoped: false,
  anonymousRegion: CITY,
  success: 200,
  writes: false,
  async prepare(w) {
    return {
      path,
      body: await body(w),
      accepted(res) {
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(contentType);
      },
    };
  },
});

const libraryBuilders = (
  path: '/materials' | '/data-elements' | '/bundles',
  newDoc: (w: World, region: string) => Promise<Json>,
  stored: (w: World, region: string) => Promise<string>,
  cells: Cell[],
  anonymousRegion: string,
): Record<string, Builder> => ({
  [`post ${path}`]: {
    cells,
    scoped: true,
    anonymousRegion,
    success: 201,
    async prepare(w, region) {
      const doc = await newDoc(w, region);
      return {
        path,
        body: doc,
        accepted(res) {
          expect(res.status).toBe(201);
          expect(res.body).toEqual({ revision: 1, document: doc });
        },
      };
    },
  },
  [`put ${path}/:code`]: {
    cells,
    scoped: true,
    anonymousRegion,
    success: 200,
    async prepare(w, region) {
      const code = await stored(w, region);
      const current = expectStatus(
        await send(w.t, 'get', `${path}/${code}`, { headers: await w.as('admin') }),
        200,
        `read ${path}/${code}`,
      );
      return {
        path: `${path}/${code}`,
        body: current.document,
        headers: { 'If-Match': `"${current.revision as number}"` },
        accepted(res) {
          expect(res.status).toBe(200);
          expect(res.body).toEqual({
            revision: (current.revision as number) + 1,
            document: current.document,
          });
        },
      };
    },
  },
});

/** Webhook subscriptions: the city admin's, whatever the region (no scope); each case makes its own. */
const webhookBuilders = (): Record<string, Builder> => {
  const request = { url: 'http://127.0.0.1:9/hook', secret: 'rbac-webhook-secret' };
  const stored = async (w: World) =>
    expectStatus(
      await send(w.t, 'post', '/admin/webhooks', { headers: await w.as('admin'), body: request }),
      201,
      'create webhook',
    ).id as number;
  const base = { cells: OWN_REGION_CELLS, scoped: false, anonymousRegion: CITY } as const;
  return {
    'post /admin/webhooks': {
      ...base,
      success: 201,
      async prepare() {
        return {
          path: '/admin/webhooks',
          body: request,
          accepted(res) {
            expect(res.status).toBe(201);
            expect(res.body).toMatchObject({ url: request.url, active: true });
          },
        };
      },
    },
    'put /admin/webhooks/:id': {
      ...base,
      success: 200,
      async prepare(w) {
        const id = await stored(w);
        return {
          path: `/admin/webhooks/${id}`,
          body: { ...request, active: false },
          accepted(res) {
            expect(res.status).toBe(200);
            expect(res.body).toMatchObject({ id, active: false });
          },
        };
      },
    },
    'delete /admin/webhooks/:id': {
      ...base,
      success: 200,
      async prepare(w) {
        const id = await stored(w);
        return {
          path: `/admin/webhooks/${id}`,
          accepted(res) {
            expect(res.status).toBe(200);
            expect(res.body).toMatchObject({ id });
          },
        };
      },
    },
  };
};

const BUILDERS: Record<string, Builder> = {
  'post /townships/:code/items': {
    cells: TOWNSHIP_CELLS,
    scoped: true,
    anonymousRegion: YANGSHUO_TOWN,
    success: 201,
    async prepare(w, region) {
      const baseCode = await w.publishedBaseItem();
      return {
        path: `/townships/${region}/items`,
        body: { baseCode },
        accepted(res) {
          expect(res.status).toBe(201);
          expect(res.headers.etag).toBe('"1"');
          expect(res.body).toMatchObject({
            regionCode: region,
            itemCode: baseCode,
            status: 'draft',
            publishedVersion: 0,
            revision: 1,
          });
        },
      };
    },
  },
  'put /townships/:code/items/:itemCode': {
    cells: TOWNSHIP_CELLS,
    scoped: true,
    anonymousRegion: YANGSHUO_TOWN,
    success: 200,
    async prepare(w, region) {
      const view = await w.itemIn(region, 'published');
      return {
        path: `/townships/${region}/items/${view.item}`,
        body: view.implementation,
        headers: { 'If-Match': `"${view.revision}"` },
        accepted(res) {
          expect(res.status).toBe(200);
          expect(res.headers.etag).toBe(`"${view.revision + 1}"`);
          expect(res.body).toMatchObject({ revision: view.revision + 1, status: 'draft' });
        },
      };
    },
  },
  'put /townships/:code/booking-settings': {
    cells: TOWNSHIP_CELLS,
    scoped: true,
    anonymousRegion: YANGSHUO_TOWN,
    success: 200,
    async prepare(_w, region) {
      // Test hours, not the township's: the seeds hold none.
      const settings = { weekdays: { mon: [{ from: '09:00', to: '12:00' }] }, slotMinutes: 30, capacity: 1 };
      return {
        path: `/townships/${region}/booking-settings`,
        body: settings,
        accepted(res) {
          expect(res.status).toBe(200);
          expect(res.body).toMatchObject({ region, settings });
        },
      };
    },
  },
  'post /townships/:code/items/:itemCode/submit': townshipStep('submit', 'draft', 'submitted'),
  'post /townships/:code/items/:itemCode/approve': townshipStep('approve', 'submitted', 'approved', {
    comment: '同意',
  }),
  'post /townships/:code/items/:itemCode/return': townshipStep('return', 'submitted', 'draft', {
    comment: '请补充办理地点的说明',
  }),
  'post /townships/:code/items/:itemCode/withdraw': townshipStep('withdraw', 'published', 'withdrawn', {
    reason: '暂停受理',
  }),
  'post /townships/:code/items/:itemCode/cancel': townshipStep('cancel', 'published', 'cancelled', {
    reason: '事项已取消',
  }),
  'post /townships/:code/publish': {
    cells: TOWNSHIP_CELLS,
    scoped: true,
    anonymousRegion: YANGSHUO_TOWN,
    success: 200,
    async prepare(w, region) {
      await w.nothingApproved(region);
      const { item, publishedVersion } = await w.itemIn(region, 'approved');
      return {
        path: `/townships/${region}/publish`,
        body: { reason: '调整办理要素' },
        accepted(res) {
          expect(res.status).toBe(200);
          expect(res.body).toMatchObject({
            published: [{ itemCode: item, version: publishedVersion + 1 }],
          });
        },
      };
    },
  },

  'post /townships/:code/items/import': {
    cells: TOWNSHIP_CELLS,
    scoped: true,
    anonymousRegion: YANGSHUO_TOWN,
    success: 200,
    async prepare(w, region) {
      // The township's own export with one cell of an unused item changed; a region without seeds sends
      // 阳朔镇's (every role is out of scope there, so it is never read).
      const item = await w.item(region);
      const source = seededRegion(region) ? region : YANGSHUO_TOWN;
      const exported = await send(w.t, 'get', `/townships/${source}/items.xlsx`, {
        headers: await w.as('admin'),
      })
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expectStatus(exported, 200, 'export');
      const workbook = new Workbook();
      await workbook.xlsx.load(exported.body as ArrayBuffer);
      const sheet = workbook.getWorksheet('事项')!;
      const header = (name: string) => (sheet.getRow(1).values as unknown[]).indexOf(name);
      const row = sheet.getColumn(header('事项编码')).values.indexOf(item);
      sheet.getCell(row, header('办理时间')).value = `测试导入 ${next()}`;
      return {
        path: `/townships/${region}/items/import`,
        body: Buffer.from(await workbook.xlsx.writeBuffer()),
        headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        accepted(res) {
          expect(res.status).toBe(200);
          expect(res.body).toMatchObject({ written: true, refused: [], accepted: [{ itemCode: item }] });
        },
      };
    },
  },
  'post /townships/:code/submissions/:reference/status': {
    cells: TOWNSHIP_CELLS,
    scoped: true,
    anonymousRegion: YANGSHUO_TOWN,
    success: 200,
    async prepare(w, region) {
      // An application waiting in the township, stored as the public route would store it.
      const reference = `${region}-20261126-${String(9000 + (submissionCounter += 1)).padStart(4, '0')}`;
      const now = new Date();
      await w.t.store.models.Submission.create({
        reference,
        regionCode: region,
        status: 'submitted',
        items: [],
        data: {},
        phoneDigest: '-',
        history: [{ status: 'submitted', at: now.toISOString() }],
        createdAt: now,
        updatedAt: now,
      });
      return {
        path: `/townships/${region}/submissions/${reference}/status`,
        body: { status: 'accepted', note: '材料齐全，予以受理' },
        accepted(res) {
          expect(res.status).toBe(200);
          expect(res.body).toEqual({ reference, status: 'accepted' });
        },
      };
    },
  },

  'post /preview/flowchart.svg': preview('/preview/flowchart.svg', /^image\/svg\+xml/),
  'post /preview/guide.html': preview('/preview/guide.html', /^text\/html/),
  'post /preview/form-checks.js': preview('/preview/form-checks.js', /^text\/javascript/, async (w) => ({
    form: (await w.template('base-items', '0117302000')).form,
  })),

  'post /base-items': {
    cells: OWN_REGION_CELLS,
    scoped: false,
    anonymousRegion: CITY,
    success: 201,
    async prepare(w, region) {
      const doc = await w.newBaseItemDoc();
      return {
        path: '/base-items',
        body: doc,
        accepted(res) {
          expect(res.status).toBe(201);
          // No region in the request: the new item belongs to the creator's own region.
          expect(res.body).toMatchObject({
            code: doc.code,
            ownerRegion: region,
            status: 'draft',
            publishedVersion: 0,
            revision: 1,
          });
        },
      };
    },
  },
  'put /base-items/:code': {
    cells: OWNER_CELLS,
    scoped: true,
    anonymousRegion: CITY,
    success: 200,
    async prepare(w, region) {
      const code = await w.baseItemOwnedBy(region);
      const view = expectStatus(
        await send(w.t, 'get', `/base-items/${code}`, { headers: await w.as('admin') }),
        200,
        'read base item',
      );
      const revision = view.revision as number;
      return {
        path: `/base-items/${code}`,
        body: view.baseItem,
        headers: { 'If-Match': `"${revision}"` },
        accepted(res) {
          expect(res.status).toBe(200);
          expect(res.body).toEqual({ revision: revision + 1, status: 'draft' });
        },
      };
    },
  },
  'post /base-items/:code/publish': {
    cells: OWNER_CELLS,
    scoped: true,
    anonymousRegion: CITY,
    success: 200,
    async prepare(w, region) {
      const code = await w.baseItemOwnedBy(region);
      return {
        path: `/base-items/${code}/publish`,
        body: { effectiveDate: '2030-01-01', reason: '新增事项' },
        accepted(res) {
          expect(res.status).toBe(200);
          expect(res.body).toEqual({ code, version: 1, effectiveDate: '2030-01-01' });
        },
      };
    },
  },
  'post /base-items/:code/retire': {
    cells: OWNER_CELLS,
    scoped: true,
    anonymousRegion: CITY,
    success: 200,
    async prepare(w, region) {
      const code = await w.baseItemOwnedBy(region);
      return {
        path: `/base-items/${code}/retire`,
        body: { reason: '上级取消该事项' },
        accepted(res) {
          expect(res.status).toBe(200);
          expect(res.body).toMatchObject({ code, status: 'cancelled' });
        },
      };
    },
  },

  ...libraryBuilders(
    '/materials',
    async (w) => {
      const doc = await w.template('materials', 'ID-CARD');
      const n = next();
      return { ...doc, code: `TEST-MATERIAL-${n}`, name: `测试材料${n}` };
    },
    async () => 'ID-CARD',
    CITY_CELLS,
    CITY,
  ),
  ...libraryBuilders(
    '/data-elements',
    async (w) => {
      const doc = await w.template('data-elements', 'applicantName');
      const n = next();
      return { ...doc, code: `testField${n}`, name: `测试字段${n}` };
    },
    async () => 'applicantName',
    CITY_CELLS,
    CITY,
  ),
  ...libraryBuilders(
    '/bundles',
    (w, region) => w.newBundleDoc(region),
    (w, region) => w.bundleOf(region),
    OWNER_CELLS,
    CITY,
  ),

  ...webhookBuilders(),
  'post /users': {
    cells: USER_CELLS,
    scoped: true,
    anonymousRegion: YANGSHUO_TOWN,
    success: 201,
    async prepare(_w, region) {
      const user = {
        username: `rbac-user-${next()}`,
        displayName: '测试用户',
        role: region.length === 9 ? 'township-editor' : 'reviewer',
        regionCode: region,
        password: 'rbac-test-password',
      };
      return {
        path: '/users',
        body: user,
        accepted(res) {
          expect(res.status).toBe(201);
          // The answer names the new user and never echoes the password.
          expect(res.body).toEqual({
            username: user.username,
            displayName: user.displayName,
            role: user.role,
            regionCode: region,
          });
        },
      };
    },
  },
};

// ---------------------------------------------------------------------------------------------------------
// The matrix

const keyOf = (r: RouteSpec) => `${r.method} ${r.path}`;
const LOGIN = 'post /auth/login';
// The writes anyone may make: signing in, and a citizen's application (validated, not authorised).
const PUBLIC_WRITES = [
  LOGIN,
  'post /public/submissions',
  'post /public/bookings',
  'post /public/bookings/:code/cancel',
];
const WRITE_ROUTES = apiRoutes().filter((r) => r.method !== 'get' && !PUBLIC_WRITES.includes(keyOf(r)));
let submissionCounter = 0;

const allows = (route: RouteSpec, role: Role) =>
  route.access === 'signed-in' || (route.access !== 'public' && route.access.includes(role));

interface Case {
  name: string;
  user?: Username;
  region: string;
  expected: 'unauthorized' | 'role' | 'scope' | 'accepted';
}

function casesOf(route: RouteSpec, builder: Builder): Case[] {
  const label = `${route.method.toUpperCase()} ${route.path}`;
  const cases: Case[] = [
    { name: `${label} × no token → 401`, region: builder.anonymousRegion, expected: 'unauthorized' },
  ];
  for (const cell of builder.cells) {
    const { role } = USERS[cell.user];
    const expected = !allows(route, role) ? 'role' : cell.inScope ? 'accepted' : 'scope';
    const where = builder.scoped
      ? `${cell.region} ${cell.inScope ? 'in scope' : 'out of scope'}`
      : `own region ${cell.region}`;
    const status = expected === 'accepted' ? builder.success : 403;
    cases.push({
      name: `${label} × ${role} (${cell.user}) × ${where} → ${status}`,
      user: cell.user,
      region: cell.region,
      expected,
    });
  }
  return cases;
}

const auditCount = (t: TestApp) => t.store.models.AuditEntry.count();

/** Which seeded app a route's cases run on. */
function groupOf(route: RouteSpec): string {
  if (!route.path.startsWith('/townships/')) return 'catalogue, libraries and users';
  return /\/(submit|approve|return)$|\/publish$/.test(route.path)
    ? 'township lists: review and publish'
    : 'township lists: editing';
}

describe(`RBAC matrix of the write routes (${DB_LABEL})`, () => {
  describe('coverage', () => {
    it('finds the write routes in the route table', () => {
      expect(WRITE_ROUTES.length).toBeGreaterThan(0);
      expect(apiRoutes().some((r) => keyOf(r) === LOGIN && r.access === 'public')).toBe(true);
      const publicWrites = apiRoutes()
        .filter((r) => r.method !== 'get' && r.access === 'public')
        .map(keyOf);
      expect(publicWrites.sort()).toEqual([...PUBLIC_WRITES].sort());
    });

    it.each(WRITE_ROUTES.map((r) => [keyOf(r), r] as const))('%s has a request builder', (key, route) => {
      const builder = BUILDERS[key];
      expect(builder).toBeDefined();
      // A write always needs a signed-in user with a named role.
      expect(Array.isArray(route.access)).toBe(true);
      // Scoped routes are tested in and out of scope; a route without a scope must say so in its builder.
      expect(route.scope !== undefined).toBe(builder!.scoped);
    });

    it('has no builder for a route that does not exist', () => {
      const keys = new Set(WRITE_ROUTES.map(keyOf));
      expect(Object.keys(BUILDERS).filter((k) => !keys.has(k))).toEqual([]);
    });

    it('keeps the city-wide libraries (materials, data elements) to the city admin', () => {
      const library = WRITE_ROUTES.filter((r) => /^\/(materials|data-elements)\b/.test(r.path));
      expect(library.map(keyOf).sort()).toEqual([
        'post /data-elements',
        'post /materials',
        'put /data-elements/:code',
        'put /materials/:code',
      ]);
      for (const r of library) expect(r.access).toEqual(['city-admin']);
    });
  });

  const covered = WRITE_ROUTES.filter((r) => BUILDERS[keyOf(r)] !== undefined);
  const groups = [...new Set(covered.map(groupOf))];

  // One seeded app per group of routes: every case prepares fresh items or documents of its own, so cases do
  // not depend on each other; the review steps get their own app so that township items never run short.
  describe.each(groups)('%s', (group) => {
    let t: TestApp;
    let w: World;
    beforeAll(async () => {
      t = await createTestApp();
      w = new World(t);
    });
    afterAll(() => t.close());

    describe.each(covered.filter((r) => groupOf(r) === group).map((r) => [keyOf(r), r] as const))(
      '%s',
      (key, route) => {
        const builder = BUILDERS[key]!;

        it.each(casesOf(route, builder))('$name', async ({ user, region, expected }) => {
          const prepared = await builder.prepare(w, region);
          const auth = user ? await w.as(user) : {};
          const auditBefore = await auditCount(t);
          const res = await send(t, route.method, prepared.path, {
            headers: { ...prepared.headers, ...auth },
            body: prepared.body,
          });

          if (expected === 'accepted') {
            // The route's own success answer, not 401/403 nor any other refusal (the body shows its reason).
            expect(`${res.status} ${JSON.stringify(res.body)}`).toMatch(new RegExp(`^${builder.success} `));
            prepared.accepted(res);
            if (builder.writes === false) {
              expect(await auditCount(t)).toBe(auditBefore);
              return;
            }
            // The write is recorded under the user who made it.
            const last = await t.store.models.AuditEntry.findOne({ order: [['id', 'DESC']] });
            expect(await auditCount(t)).toBeGreaterThan(auditBefore);
            expect(last?.username).toBe(user);
            return;
          }
          if (expected === 'unauthorized') {
            expectError(res, 401, 'unauthorized');
            expect(res.headers['www-authenticate']).toBe('Bearer');
          } else {
            expectError(res, 403, 'forbidden');
          }
          // A rejected write changes nothing.
          expect(await auditCount(t)).toBe(auditBefore);
        });
      },
    );
  });
});
