import type { Item, ItemImplementation, ResolvedItem } from '@oneseal/schemas';
import { formatTimeLimit } from '@oneseal/schemas';
import { PdfPrinter } from '@oneseal/runtime';
import { loadSeedCatalogue } from '@oneseal/seeds';
import request from 'supertest';
import type { Response } from 'supertest';
import { contentsEntries, PdfFile, squash, tempDir } from '../../../runtime/src/pdf/__tests__/pdf.helpers';
import { parseXml } from '../../../runtime/src/flowchart/__tests__/xml';
import { createApp } from '../app';
import { readConfig } from '../config';
import { countedLimit } from './countedLimit';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';
import { Op } from 'sequelize';

const YANGSHUO = '450321100';
const HOMESTEAD = '0117302000';
const seeds = loadSeedCatalogue();
/** The seeded township with the fewest items: its book prints fastest. */
const SMALL = seeds.implementations
  .map((i) => i.regionCode)
  .sort(
    (a, b) =>
      seeds.implementations.filter((i) => i.regionCode === a).length -
      seeds.implementations.filter((i) => i.regionCode === b).length,
  )[0]!;

const KINDS = {
  'guide.html': 'text/html',
  'guide.pdf': 'application/pdf',
  'notice.html': 'text/html',
  'notice.pdf': 'application/pdf',
  'flowchart.svg': 'image/svg+xml',
  'blank-form.html': 'text/html',
  'blank-form.pdf': 'application/pdf',
} as const;
type Kind = keyof typeof KINDS;
const KIND_NAMES = Object.keys(KINDS) as Kind[];

const INSTALL = 'apt-get install chromium fonts-noto-cjk';

let t: TestApp;
const tmp = tempDir('oneseal-api-docs-');
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
  tmp.remove();
});

const docPath = (region: string, code: string, kind: string) =>
  `/api/public/regions/${region}/items/${code}/${kind}`;
const bookPath = (region: string) => `/api/public/regions/${region}/book.pdf`;

/** The response body as bytes, whatever the content type. */
const getBytes = (agent: TestApp['api'], path: string, headers: Record<string, string> = {}) =>
  agent.get(path).set(headers).responseType('blob');
const bytes = (res: Response) => res.body as Buffer;

async function publishedItem(region: string, code: string): Promise<ResolvedItem> {
  const res = await t.api.get(`/api/public/regions/${region}/items/${code}`);
  expect(res.status).toBe(200);
  return res.body as ResolvedItem;
}

// Kept rows are keyed region/item/vN/kind@<base-address tag>: look them up by what names the document.
const cachedRow = (prefix: string) =>
  t.store.models.RenderedDocument.findOne({ where: { key: { [Op.like]: `${prefix}@%` } } });
const itemKey = (item: Item, kind: Kind) => `${item.regionCode}/${item.code}/v${item.version}/${kind}`;

function expectDocument(kind: Kind, item: Item, res: Response) {
  const body = bytes(res);
  if (kind.endsWith('.pdf')) {
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = PdfFile.write(tmp.dir, `${item.code}-v${item.version}-${kind}`, body);
    const text = squash(pdf.text);
    expect(text).toContain(squash(item.name));
    for (const m of item.materials) expect(text).toContain(squash(m.name));
  } else if (kind.endsWith('.svg')) {
    const svg = parseXml(body.toString('utf8'));
    expect(svg.name).toBe('svg');
    expect(body.toString('utf8')).toContain(item.name);
  } else {
    const html = body.toString('utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain(item.name);
    for (const m of item.materials) expect(html).toContain(m.name);
  }
}

describe(`without Chromium on the server (${DB_LABEL})`, () => {
  // The same database, served by an app whose printer points at no browser.
  let missing: ReturnType<typeof request>;
  let printer: PdfPrinter;
  let item: ResolvedItem;
  beforeAll(async () => {
    printer = new PdfPrinter('/nonexistent/chromium');
    missing = request(
      createApp(t.store, { ...readConfig({}), loadSeeds: false }, 'test-secret', printer).callback(),
    );
    const list = await t.api.get(`/api/public/regions/${YANGSHUO}/items`);
    const code = (list.body.items as { code: string }[]).find((i) => i.code !== HOMESTEAD)!.code;
    item = await publishedItem(YANGSHUO, code);
  });
  afterAll(() => printer.close());

  it.each(KIND_NAMES.filter((k) => k.endsWith('.pdf')))(
    'answers %s with 503 naming the packages to install, and keeps nothing',
    async (kind) => {
      const res = await missing.get(docPath(YANGSHUO, item.code, kind));
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('chromium-missing');
      expect(res.body.error.message).toContain(INSTALL);
      expect(res.body.error.message).toContain('Chromium');
      const english = await missing.get(docPath(YANGSHUO, item.code, kind)).set('Accept-Language', 'en');
      expect(english.status).toBe(503);
      expect(english.body.error.message).toContain(INSTALL);
      expect(await cachedRow(itemKey(item, kind))).toBeNull();
    },
  );

  it('answers the book with 503 naming the packages to install', async () => {
    const before = await t.store.models.RenderedDocument.count();
    const res = await missing.get(bookPath(SMALL));
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({
      code: 'chromium-missing',
      message: expect.stringContaining(INSTALL),
    });
    expect(await t.store.models.RenderedDocument.count()).toBe(before);
  });

  it.each(KIND_NAMES.filter((k) => !k.endsWith('.pdf')))('still serves %s', async (kind) => {
    const res = await getBytes(missing, docPath(YANGSHUO, item.code, kind));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain(KINDS[kind]);
    expectDocument(kind, item, res);
  });
});

describe(`item documents, rendered once per published version (${DB_LABEL})`, () => {
  let item: Item;
  const first = new Map<Kind, Response>();
  beforeAll(async () => {
    item = await publishedItem(YANGSHUO, HOMESTEAD);
    for (const kind of KIND_NAMES) first.set(kind, await getBytes(t.api, docPath(YANGSHUO, HOMESTEAD, kind)));
  }, 60_000);

  it.each(KIND_NAMES)('serves %s with its content type, the item and its materials', (kind) => {
    const res = first.get(kind)!;
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain(KINDS[kind]);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    if (kind.endsWith('.pdf'))
      expect(res.headers['content-disposition']).toContain(encodeURIComponent(`${HOMESTEAD}-${kind}`));
    expectDocument(kind, item, res);
  });

  it.each(KIND_NAMES)('names the published version and the document in the ETag of %s', (kind) => {
    const etag = first.get(kind)!.headers.etag as string;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(etag).toContain(`v${item.version}`);
    expect(etag).toContain(HOMESTEAD);
    expect(etag).toContain(kind);
  });

  it.each(KIND_NAMES)('keeps %s in rendered_documents and serves the same bytes again', async (kind) => {
    const row = await cachedRow(itemKey(item, kind));
    expect(row).not.toBeNull();
    expect(Buffer.from(row!.content).equals(bytes(first.get(kind)!))).toBe(true);
    const print = jest.spyOn(t.printer, 'print');
    try {
      const again = await getBytes(t.api, docPath(YANGSHUO, HOMESTEAD, kind));
      expect(again.status).toBe(200);
      expect(bytes(again).equals(bytes(first.get(kind)!))).toBe(true);
      expect(again.headers.etag).toBe(first.get(kind)!.headers.etag);
      expect(print).not.toHaveBeenCalled();
    } finally {
      print.mockRestore();
    }
  });

  it('serves the kept row itself, not a fresh rendering', async () => {
    const row = (await cachedRow(itemKey(item, 'guide.html')))!;
    const key = row.key;
    const original = Buffer.from(row.content);
    const marked = Buffer.concat([original, Buffer.from('<!-- kept -->')]);
    await t.store.models.RenderedDocument.update({ content: marked }, { where: { key } });
    try {
      const res = await getBytes(t.api, docPath(YANGSHUO, HOMESTEAD, 'guide.html'));
      expect(bytes(res).equals(marked)).toBe(true);
    } finally {
      await t.store.models.RenderedDocument.update({ content: original }, { where: { key } });
    }
  });

  it.each(KIND_NAMES)('answers 304 without a body to If-None-Match with the ETag of %s', async (kind) => {
    const etag = first.get(kind)!.headers.etag as string;
    const res = await t.api.get(docPath(YANGSHUO, HOMESTEAD, kind)).set('If-None-Match', etag);
    expect(res.status).toBe(304);
    expect(res.headers.etag).toBe(etag);
    expect(res.text ?? '').toBe('');
  });

  it('answers 404 for an item the township has not published', async () => {
    const res = await t.api.get(docPath(YANGSHUO, '9999999999', 'guide.html'));
    expect(res.status).toBe(404);
  });
});

describe(`a new published version (${DB_LABEL})`, () => {
  const itemPath = `/api/townships/${YANGSHUO}/items/${HOMESTEAD}`;

  it('gives the guide the new promised limit under a new ETag; the old ETag no longer matches', async () => {
    const before = await publishedItem(YANGSHUO, HOMESTEAD);
    const oldHtml = await getBytes(t.api, docPath(YANGSHUO, HOMESTEAD, 'guide.html'));
    const oldPdf = await getBytes(t.api, docPath(YANGSHUO, HOMESTEAD, 'guide.pdf'));
    expect(oldPdf.status).toBe(200);

    // A promise within the statutory limit that differs from the current one.
    const statutory = countedLimit(before.statutoryLimit);
    const promisedBefore = countedLimit(before.promisedLimit);
    const value = promisedBefore.value === statutory.value - 1 ? statutory.value - 2 : statutory.value - 1;
    const promised = { value, unit: statutory.unit };
    expect(formatTimeLimit(promised)).not.toBe(formatTimeLimit(promisedBefore));

    const editor = await t.as(`editor-${YANGSHUO}`);
    const reviewer = await t.as(`reviewer-${YANGSHUO.slice(0, 6)}`);
    const draft = await t.api.get(itemPath).set(editor);
    expect(draft.status).toBe(200);
    const implementation = draft.body.implementation as ItemImplementation;
    implementation.promisedLimit = promised;
    const saved = await t.api
      .put(itemPath)
      .set(editor)
      .set('If-Match', `"${draft.body.revision}"`)
      .send(implementation);
    expect(saved.status).toBe(200);
    expect((await t.api.post(`${itemPath}/submit`).set(editor)).status).toBe(200);
    expect((await t.api.post(`${itemPath}/approve`).set(reviewer).send({ comment: '同意' })).status).toBe(
      200,
    );
    const published = await t.api
      .post(`/api/townships/${YANGSHUO}/publish`)
      .set(editor)
      .send({ reason: '调整办理时间' });
    expect(published.status).toBe(200);

    const after = await publishedItem(YANGSHUO, HOMESTEAD);
    expect(after.version).toBe(before.version + 1);
    expect(after.promisedLimit).toEqual(promised);

    const html = await getBytes(t.api, docPath(YANGSHUO, HOMESTEAD, 'guide.html'));
    expect(html.status).toBe(200);
    expect(html.headers.etag).not.toBe(oldHtml.headers.etag);
    expect(html.headers.etag).toContain(`v${after.version}`);
    const text = bytes(html).toString('utf8');
    expect(text).toContain(`<th>承诺办结时限</th><td>${formatTimeLimit(promised)}</td>`);
    expect(text).toContain(`第 ${after.version} 版`);
    expect(text).not.toContain(`<th>承诺办结时限</th><td>${formatTimeLimit(promisedBefore)}`);

    const pdf = await getBytes(t.api, docPath(YANGSHUO, HOMESTEAD, 'guide.pdf'));
    expect(pdf.headers.etag).not.toBe(oldPdf.headers.etag);
    const printed = PdfFile.write(tmp.dir, 'guide-new-version.pdf', bytes(pdf));
    expect(squash(printed.text)).toContain(`承诺办结时限${formatTimeLimit(promised)}`);
    expect(squash(printed.header(1))).toContain(`第${after.version}版`);

    // A client holding the old version gets the new one, not 304.
    const revalidated = await getBytes(t.api, docPath(YANGSHUO, HOMESTEAD, 'guide.html'), {
      'If-None-Match': oldHtml.headers.etag as string,
    });
    expect(revalidated.status).toBe(200);
    expect(bytes(revalidated).equals(bytes(html))).toBe(true);
    expect(await cachedRow(itemKey(after, 'guide.html'))).not.toBeNull();
  }, 60_000);
});

describe(`the township book (${DB_LABEL})`, () => {
  let first: Response;
  let names: string[];
  beforeAll(async () => {
    const rows = await t.store.models.PublishedItem.findAll({
      where: { regionCode: SMALL },
      order: [
        ['sortOrder', 'ASC'],
        ['itemCode', 'ASC'],
      ],
    });
    names = rows.map((r) => r.name);
    first = await getBytes(t.api, bookPath(SMALL));
  }, 60_000);

  it('is a PDF whose cover and contents name every published item', () => {
    expect(names.length).toBeGreaterThan(0);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toContain('application/pdf');
    expect(bytes(first).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const region = seeds.regions.find((r) => r.code === SMALL)!;
    const book = PdfFile.write(tmp.dir, 'book.pdf', bytes(first));
    expect(squash(book.pageByItself(1))).toContain(region.name);
    expect(squash(book.pageByItself(1))).toContain(`事项数${names.length}项`);
    let contents = '';
    for (let p = 2; p <= 4; p++) contents += book.pageByItself(p);
    expect(contentsEntries(contents).map((e) => e.name)).toEqual(names.map(squash));
  });

  it('is kept per set of published versions: same bytes, no printing, same ETag, then 304', async () => {
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[^"]+"$/);
    const kept = await t.store.models.RenderedDocument.findAll({ where: { regionCode: SMALL } });
    expect(
      kept.filter((r) => r.key.includes('book')).map((r) => Buffer.from(r.content).equals(bytes(first))),
    ).toEqual([true]);
    const print = jest.spyOn(t.printer, 'print');
    try {
      const again = await getBytes(t.api, bookPath(SMALL));
      expect(again.status).toBe(200);
      expect(again.headers.etag).toBe(etag);
      expect(bytes(again).equals(bytes(first))).toBe(true);
      expect(print).not.toHaveBeenCalled();
    } finally {
      print.mockRestore();
    }
    const notModified = await t.api.get(bookPath(SMALL)).set('If-None-Match', etag);
    expect(notModified.status).toBe(304);
  });

  it('answers 404 for a region that is not known', async () => {
    expect((await t.api.get(bookPath('450399999'))).status).toBe(404);
  });
});

describe(`the paper form (${DB_LABEL})`, () => {
  it('prints the options the online form offers for a choice bound to a data element, as the element now has them', async () => {
    const code = '0520005000'; // 高龄补贴: 代理人与申请人关系 is bound to the data element agentRelationship
    const path = docPath(YANGSHUO, code, 'blank-form.html');
    const before = (await t.api.get(path)).text;
    expect(before).toContain('□ 其他亲属');
    // The city narrows the element's options: the online form offers only what both the field and the element
    // allow, and so does the paper form, at once (the kept paper form was made with the old element).
    const admin = await t.as('admin');
    const stored = await t.api.get('/api/data-elements/agentRelationship').set(admin);
    expect(stored.status).toBe(200);
    const element = stored.body.document as { options: { label: string; value: string }[] };
    const narrowed = { ...element, options: element.options.filter((o) => o.value !== 'relative') };
    const saved = await t.api
      .put('/api/data-elements/agentRelationship')
      .set({ ...admin, 'If-Match': `"${stored.body.revision}"` })
      .send(narrowed);
    expect(saved.status).toBe(200);
    const after = (await t.api.get(path)).text;
    expect(after).not.toContain('□ 其他亲属');
    expect(after).toContain('□ 子女');
  });
});
