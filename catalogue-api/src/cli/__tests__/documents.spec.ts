import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Item } from '@oneseal/schemas';
import { PdfPrinter } from '@oneseal/runtime';
import { DATA_DIR, loadSeedCatalogue } from '@oneseal/seeds';
import request from 'supertest';
import { contentsEntries, PdfFile, squash, tempDir } from '../../../../runtime/src/pdf/__tests__/pdf.helpers';
import { parseXml, textContent } from '../../../../runtime/src/flowchart/__tests__/xml';
import { createApp } from '../../app';
import { readConfig } from '../../config';
import { openStore } from '../../server';
import type { runCli } from '../run';
import { runCaptured } from './runCaptured';

const YANGSHUO = '450321100';
/** The seeded township with the fewest items: the quickest to fail over. */
const SMALL = (() => {
  const counts = new Map<string, number>();
  for (const i of loadSeedCatalogue().implementations)
    counts.set(i.regionCode, (counts.get(i.regionCode) ?? 0) + 1);
  return [...counts].sort((a, b) => a[1] - b[1])[0]![0];
})();
const HOMESTEAD = '0117302000';
const INSTALL = 'apt-get install chromium fonts-noto-cjk';

const tmp = tempDir('oneseal-cli-docs-');
const dbUrl = `sqlite:${join(tmp.dir, 'oneseal.sqlite')}`;
const at = (name: string) => join(tmp.dir, name);
const write = (name: string, content: unknown) => {
  writeFileSync(at(name), typeof content === 'string' ? content : JSON.stringify(content));
  return at(name);
};

const run = (...args: string[]) => runCaptured(args);

const bin = join(__dirname, '..', '..', '..', 'bin', 'oneseal.js');
/** The installed executable, with its own environment (CHROMIUM_PATH is read when the runtime loads). */
const exec = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

let item: Item;
let itemFile: string;
/** Names of 阳朔镇's published items, in list order. */
let published: string[];

beforeAll(async () => {
  // A seeded SQLite database, and the item exactly as the public API serves it.
  const config = { ...readConfig({}), dbUrl, loadSeeds: true };
  const store = await openStore(config);
  try {
    const api = request(
      createApp(store, config, 'cli-test-secret', new PdfPrinter('/nonexistent')).callback(),
    );
    const res = await api.get(`/api/public/regions/${YANGSHUO}/items/${HOMESTEAD}`);
    expect(res.status).toBe(200);
    itemFile = write('item.json', res.text);
    item = JSON.parse(res.text) as Item;
    const rows = await store.models.PublishedItem.findAll({
      where: { regionCode: YANGSHUO },
      order: [
        ['sortOrder', 'ASC'],
        ['itemCode', 'ASC'],
      ],
    });
    published = rows.map((r) => r.name);
  } finally {
    await store.sequelize.close();
  }
}, 60_000);
afterAll(() => tmp.remove());

/** The part of a notice that lists what is still missing. */
const missingSection = (html: string) =>
  html.slice(html.indexOf('需要补正的材料'), html.indexOf('</section>', html.indexOf('需要补正的材料')));

function expectPdfOf(file: string) {
  expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pdf = new PdfFile(file);
  const text = squash(pdf.text);
  expect(text).toContain(squash(item.name));
  expect(pdf.fonts.filter((f) => !f.embedded)).toEqual([]);
  return { pdf, text };
}

describe('oneseal guide | notice | flowchart | blank-form', () => {
  it('reads the item the public API serves', () => {
    expect(item).toMatchObject({ kind: 'item', code: HOMESTEAD, regionCode: YANGSHUO });
    expect(item.materials.length).toBeGreaterThan(2);
  });

  it('guide --format html writes the 办事指南 with the item and its materials', async () => {
    const out = at('guide.html');
    const result = await run('guide', itemFile, '--format', 'html', '-o', out);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain(out);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain(`<title>${item.name} 办事指南</title>`);
    for (const m of item.materials) expect(html).toContain(m.name);
  });

  it('guide --format pdf writes a PDF whose text gives back the item and its materials', async () => {
    const out = at('guide.pdf');
    expect((await run('guide', itemFile, '--format', 'pdf', '-o', out)).code).toBe(0);
    const { text } = expectPdfOf(out);
    for (const m of item.materials) expect(text).toContain(squash(m.name));
  });

  it('notice --missing lists just the missing materials, with the deadline', async () => {
    const [a, b, ...rest] = item.materials;
    const out = at('notice.html');
    const result = await run(
      'notice',
      itemFile,
      '--missing',
      `${a!.material}, ${b!.material}`,
      '--deadline',
      '2026-12-10',
      '-o',
      out,
    );
    expect(result.code).toBe(0);
    const section = missingSection(readFileSync(out, 'utf8'));
    expect(section).toContain('2026-12-10');
    expect(section).toContain(a!.name);
    expect(section).toContain(b!.name);
    for (const m of rest) expect(section).not.toContain(`data-material="${m.material}"`);
  });

  it('notice to OUT.pdf prints the missing materials and the refusal reason', async () => {
    const missing = item.materials.at(-1)!;
    const out = at('notice.pdf');
    const reason = '申请人不属于本集体经济组织成员';
    expect(
      (await run('notice', itemFile, '--missing', missing.material, '--refusal', reason, '-o', out)).code,
    ).toBe(0);
    const { text } = expectPdfOf(out);
    expect(text).toContain(squash(`需要补正的材料`));
    expect(text).toContain(squash(missing.name));
    expect(text).toContain(reason);
  });

  it('notice without --missing has no missing section', async () => {
    const out = at('notice-plain.html');
    expect((await run('notice', itemFile, '-o', out)).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain(item.name);
    expect(html).not.toContain('需要补正的材料');
  });

  it('flowchart writes an SVG that parses, titled with the item, with every step', async () => {
    const out = at('flowchart.svg');
    expect((await run('flowchart', itemFile, '-o', out)).code).toBe(0);
    const svg = parseXml(readFileSync(out, 'utf8'));
    expect(svg.name).toBe('svg');
    const text = squash(textContent(svg));
    expect(text).toContain(squash(item.name));
    expect(item.process?.length).toBeGreaterThan(0);
    for (const step of item.process!) expect(text).toContain(squash(step.name));
  });

  it('blank-form writes the paper form as HTML and as PDF', async () => {
    const html = at('form.html');
    expect((await run('blank-form', itemFile, '--format', 'html', '-o', html)).code).toBe(0);
    const source = readFileSync(html, 'utf8');
    expect(source).toMatch(/^<!doctype html>/i);
    expect(source).toContain(item.name);
    const pdf = at('form.pdf');
    expect((await run('blank-form', itemFile, '--format', 'pdf', '-o', pdf)).code).toBe(0);
    const { text } = expectPdfOf(pdf);
    for (const m of item.materials) expect(text).toContain(squash(m.name));
  });
});

describe('bad input', () => {
  it('exits 1 for a --missing material the item does not ask for, naming it, and writes nothing', async () => {
    const out = at('unknown-missing.html');
    const result = await run(
      'notice',
      itemFile,
      '--missing',
      `${item.materials[0]!.material},NOT-A-MATERIAL`,
      '-o',
      out,
    );
    expect(result.code).toBe(1);
    expect(result.err).toContain('NOT-A-MATERIAL');
    expect(existsSync(out)).toBe(false);
  });

  it('exits 1 for a file that is not an item, or an item that is not valid', async () => {
    const out = at('not-an-item.html');
    const baseItem = join(DATA_DIR, 'base-items', `${HOMESTEAD}.json`);
    const notItem = await run('guide', baseItem, '-o', out);
    expect(notItem.code).toBe(1);
    expect(notItem.err).toContain('/kind');
    const nameless: Partial<Item> = { ...item };
    delete nameless.name;
    const invalid = await run('guide', write('nameless.json', nameless), '-o', out);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toContain('/name');
    expect((await run('flowchart', write('bundle.json', { kind: 'bundle' }), '-o', out)).code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 for a file that cannot be read or is not JSON, and for usage errors', async () => {
    const out = at('unusable.html');
    const unreadable = await run('guide', at('no-such-item.json'), '-o', out);
    expect(unreadable.code).toBe(2);
    expect(unreadable.err).toContain('无法读取');
    const notJson = await run('guide', write('broken.json', '{"kind": "item",'), '-o', out);
    expect(notJson.code).toBe(2);
    expect(notJson.err).toContain('不是有效的 JSON');
    expect((await run('guide', itemFile)).code).toBe(2); // no -o
    expect((await run('guide', '-o', out)).code).toBe(2); // no FILE
    expect((await run('guide', itemFile, '--format', 'docx', '-o', out)).code).toBe(2);
    expect((await run('book', '-o', out)).code).toBe(2); // no --region
    expect(existsSync(out)).toBe(false);
  });
});

describe('oneseal book', () => {
  it('writes the township book from DB_URL, its contents listing every published item', async () => {
    const out = at('book.pdf');
    const saved = process.env.DB_URL;
    process.env.DB_URL = dbUrl;
    // The progress bar draws on stderr.
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    let result;
    try {
      result = await run('book', '--region', YANGSHUO, '-o', out);
    } finally {
      stderr.mockRestore();
      if (saved === undefined) delete process.env.DB_URL;
      else process.env.DB_URL = saved;
    }
    expect(result.code).toBe(0);
    expect(result.out).toContain(`${published.length} 个事项`);
    expect(published.length).toBeGreaterThanOrEqual(12);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const book = new PdfFile(out);
    // The contents follow the cover, up to the first guide's page, stamped — 1 / N —.
    let contents = '';
    let front = 1;
    for (; front < 10; front++) {
      const page = book.pageByItself(front + 1);
      if (squash(page).includes('—1/')) break;
      contents += `${page}\n`;
    }
    const entries = contentsEntries(contents);
    expect(entries.map((e) => e.name)).toEqual(published.map(squash));
    expect(entries.map((e) => e.index)).toEqual(published.map((_, i) => i + 1));
    // The last guide starts where the contents say, right after the one before it.
    const last = entries.at(-1)!;
    const header = (p: number) => squash(book.pageByItself(p).trim().split('\n')[0]!);
    expect(header(front + last.page)).toContain(squash(`${published.at(-1)}（`));
    expect(squash(book.pageByItself(front + last.page))).toContain(squash(`办事指南${published.at(-1)}`));
    expect(header(front + last.page - 1)).toContain(squash(`${published.at(-2)}（`));
  }, 60_000);

  it('exits 1 for a region with nothing published', async () => {
    const saved = process.env.DB_URL;
    process.env.DB_URL = dbUrl;
    try {
      const result = await run('book', '--region', '450399999', '-o', at('none.pdf'));
      expect(result.code).toBe(1);
      expect(result.err).toContain('450399999');
    } finally {
      if (saved === undefined) delete process.env.DB_URL;
      else process.env.DB_URL = saved;
    }
    expect(existsSync(at('none.pdf'))).toBe(false);
  });
});

describe('without Chromium', () => {
  const chromiumPath = join(tmp.dir, 'no-chromium');
  /** runCli from a fresh copy of the modules, loaded while CHROMIUM_PATH names no browser. */
  let runWithout: typeof runCli;
  beforeAll(() => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = chromiumPath;
    try {
      jest.isolateModules(() => {
        runWithout = jest.requireActual<typeof import('../run')>('../run').runCli;
      });
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });
  const runMissing = (...args: string[]) => runCaptured(args, runWithout);

  it.each(['guide', 'notice', 'blank-form'])(
    '%s --format pdf exits 1 naming the packages to install, and writes nothing',
    async (command) => {
      const out = at(`no-chromium-${command}.pdf`);
      const result = await runMissing(command, itemFile, '--format', 'pdf', '-o', out);
      expect(result.code).toBe(1);
      expect(result.err).toContain(INSTALL);
      expect(result.err).toContain(chromiumPath);
      expect(existsSync(out)).toBe(false);
    },
  );

  it('the oneseal executable: book exits 1 naming the packages to install, and writes nothing', () => {
    // A process of its own: a second copy of Sequelize in this one cannot open the database.
    const out = at('no-chromium-book.pdf');
    const result = exec({ CHROMIUM_PATH: chromiumPath, DB_URL: dbUrl }, 'book', '--region', SMALL, '-o', out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(INSTALL);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    ['guide', 'guide.html'],
    ['notice', 'notice.html'],
    ['blank-form', 'form.html'],
    ['flowchart', 'flowchart.svg'],
  ])('%s still writes %s', async (command, name) => {
    const out = at(`no-chromium-${name}`);
    expect((await runMissing(command, itemFile, '-o', out)).code).toBe(0);
    const written = readFileSync(out, 'utf8');
    if (name.endsWith('.svg')) expect(parseXml(written).name).toBe('svg');
    else expect(written).toMatch(/^<!doctype html>/i);
    expect(written).toContain(item.name);
  });
});
