import type { Item } from '@oneseal/schemas';
import { loadSeedCatalogue, resolveSeedItems } from '@oneseal/seeds';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { BookProgress } from '../..';
import { PdfPrinter, renderBlankForm, renderBook, renderFlowchart, renderGuide, renderNotice } from '../..';
import { PAYLOAD, planted } from '../../documents/__tests__/plant';
import { homesteadItem, twelveStepItem } from '../../flowchart/__tests__/fixtures';
import { CHROMIUM_LAUNCH, contentsEntries, footerText, PdfFile, squash, tempDir } from './pdf.helpers';

const YANGSHUO = '450321100';
const HOMESTEAD = '0117302000';
const catalogue = loadSeedCatalogue();
const township = resolveSeedItems(catalogue).filter((i) => i.regionCode === YANGSHUO);
const homestead = township.find((i) => i.code === HOMESTEAD)!;
const region = catalogue.regions.find((r) => r.code === YANGSHUO)!;
const county = catalogue.regions.find((r) => r.code === region.parentCode)!;

/** What every page of a single document, and every page of an item's guide in the book, prints at the top. */
const headerOf = (item: Item) => squash(`${item.name}（${item.regionName}）第 ${item.version} 版`);

const tmp = tempDir('oneseal-pdf-');
const printer = new PdfPrinter();
afterAll(async () => {
  await printer.close();
  tmp.remove();
});

describe('the seed data these tests lean on', () => {
  it('has 阳朔镇 with its 宅基地 item, several materials and its county', () => {
    expect(township.length).toBeGreaterThanOrEqual(12);
    expect(homestead.materials.length).toBeGreaterThan(3);
    expect(region.name).toBe(homestead.regionName);
    expect(county.level).toBe('county');
  });
});

describe('single documents as PDF', () => {
  const documents: [string, () => Promise<string> | string][] = [
    ['guide', () => renderGuide(homestead, { publicBaseUrl: 'https://ys.example.gov.cn' })],
    ['notice', () => renderNotice(homestead)],
    ['blank-form', () => renderBlankForm(homestead, catalogue.dataElements)],
  ];
  const pdfs = new Map<string, PdfFile>();
  beforeAll(async () => {
    for (const [name, render] of documents)
      pdfs.set(name, PdfFile.write(tmp.dir, `${name}.pdf`, await printer.print(await render())));
  });

  it.each(documents.map(([name]) => name))('%s: is a PDF with every font embedded', (name) => {
    const pdf = pdfs.get(name)!;
    const fonts = pdf.fonts;
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
  });

  it.each(documents.map(([name]) => name))(
    '%s: pdftotext gives back the item name and every material name in Chinese',
    (name) => {
      const text = squash(pdfs.get(name)!.text);
      expect(text).toContain(squash(homestead.name));
      for (const m of homestead.materials) expect(text).toContain(squash(m.name));
    },
  );

  it.each(documents.map(([name]) => name))(
    '%s: every page has the item name and version at the top and — x / y — at the foot',
    (name) => {
      const pdf = pdfs.get(name)!;
      const pages = pdf.pageCount;
      expect(pages).toBeGreaterThan(0);
      for (let p = 1; p <= pages; p++) {
        expect([p, squash(pdf.header(p))]).toEqual([p, headerOf(homestead)]);
        expect([p, squash(pdf.footer(p))]).toEqual([p, footerText(p, pages)]);
      }
    },
  );

  it('prints the guide on several pages, split by pdftotext like page-by-page runs', () => {
    const pdf = pdfs.get('guide')!;
    expect(pdf.pageCount).toBeGreaterThan(1);
    for (const p of [1, pdf.pageCount]) expect(pdf.page(p)).toBe(pdf.pageByItself(p));
    // The body starts with the title and the item's own codes.
    const first = squash(pdf.page(1));
    expect(first).toContain(squash(`办事指南${homestead.name}`));
    expect(first).toContain(`基本编码${homestead.code}`);
    expect(first).toContain(`版本第${homestead.version}版`);
  });
});

describe('a guide with a 12-step process', () => {
  const twelve = { ...twelveStepItem(), processRoutes: [] };
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch(CHROMIUM_LAUNCH);
  });
  afterAll(() => browser.close());

  it('prints every flowchart text at 9 pt or more, each flowchart page within the A4 content area', async () => {
    const page = await browser.newPage();
    try {
      // The print layout: A4 less the 18 mm side margins of print.css is 174 mm wide (96 px per inch).
      await page.setViewportSize({ width: Math.ceil((174 / 25.4) * 96), height: 1200 });
      await page.emulateMedia({ media: 'print' });
      await page.setContent(await renderGuide(twelve), { waitUntil: 'load' });
      const figures = await page.evaluate(() =>
        Array.from(document.querySelectorAll<SVGSVGElement>('figure.flowchart svg')).map((svg) => {
          const box = svg.getBoundingClientRect();
          const pxPerUnit = box.width / svg.viewBox.baseVal.width;
          const sizes = Array.from(svg.querySelectorAll('text')).map((t) =>
            Number(t.getAttribute('font-size')),
          );
          return {
            smallestPt: Math.min(...sizes) * pxPerUnit * 0.75, // 1 px = 0.75 pt
            heightMm: (box.height * 25.4) / 96,
            steps: Array.from(svg.querySelectorAll('.node.step')).map((n) => n.getAttribute('data-id')),
          };
        }),
      );
      expect(figures.length).toBeGreaterThan(1);
      for (const figure of figures) {
        expect(figure.smallestPt).toBeGreaterThanOrEqual(8.99);
        // A4 is 297 mm, less the 22 mm and 20 mm margins: a page of the chart is never cut by a page break.
        expect(figure.heightMm).toBeLessThanOrEqual(255);
      }
      expect(figures.flatMap((figure) => figure.steps)).toEqual(
        twelve.process.map((step) => `step:${step.id}`),
      );
    } finally {
      await page.close();
    }
  });

  it('prints every step of the flowchart in the PDF', async () => {
    const pdf = PdfFile.write(tmp.dir, 'twelve-steps.pdf', await printer.print(await renderGuide(twelve)));
    const text = squash(pdf.text);
    for (const step of twelve.process) expect(text).toContain(squash(step.name));
    expect(text).toContain('转A');
    expect(text).toContain('接A');
    // The first page of the chart prints under the section heading, not leaving the heading alone on a page.
    const pages = Array.from({ length: pdf.pageCount }, (_, i) => squash(pdf.page(i + 1)));
    const section = pages.findIndex((page) => /[一二三四五六七八九十]+、办理流程(?!图)/.test(page));
    expect(section).toBeGreaterThanOrEqual(0);
    expect(pages[section]).toContain(squash(`${twelve.name} 办理流程图`));
  });
});

describe('the township guide book', () => {
  // 16 of 阳朔镇's items printed in parts of 5 (5 + 5 + 5 + 1): page numbers must carry across every part.
  const items = township.slice(0, 16);
  const partSize = 5;
  let book: PdfFile;
  const progress: BookProgress[] = [];
  const date = '2026-03-01';
  beforeAll(async () => {
    const pdf = await renderBook(items, printer, {
      region: { name: region.name, parentName: county.name },
      date,
      partSize,
      onProgress: (p) => progress.push(p),
    });
    book = PdfFile.write(tmp.dir, 'book.pdf', pdf);
  }, 60_000);

  /** The pages before the one stamped — 1 / N —: the cover and the contents. */
  const frontPages = () => {
    const pages = book.pageCount;
    for (let p = 1; p <= pages; p++) if (squash(book.footer(p)).startsWith('—1/')) return p - 1;
    throw new Error('no page is stamped — 1 / N —');
  };
  const contents = () => {
    const front = frontPages();
    let text = '';
    for (let p = 2; p <= front; p++) text += `${book.page(p)}\n`;
    return contentsEntries(text);
  };

  // Fails today: stampPageNumbers (pdf/pages.ts) draws — n / N — in pdf-lib's StandardFonts.Helvetica, a
  // standard-14 font that is referenced, not embedded (pdffonts: Helvetica Type 1 WinAnsi emb no).
  it('embeds every font, the stamped page numbers’ too', () => {
    const fonts = book.fonts;
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
  });

  it('opens with a cover naming the township, its county, the number of items and the date', () => {
    const cover = squash(book.page(1));
    for (const text of [region.name, `所属${county.name}`, `事项数${items.length}项`, `编印日期${date}`])
      expect(cover).toContain(text);
  });

  it('lists every item in the contents, in order, with rising page numbers from 1', () => {
    const front = frontPages();
    // The cover, then only contents pages: each holds entries.
    expect(front).toBeGreaterThanOrEqual(2);
    for (let p = 2; p <= front; p++) expect(contentsEntries(book.page(p)).length).toBeGreaterThan(0);
    const entries = contents();
    expect(entries.map((e) => [e.index, e.name])).toEqual(items.map((item, i) => [i + 1, squash(item.name)]));
    expect(entries[0]!.page).toBe(1);
    for (const [i, e] of entries.entries()) if (i > 0) expect(e.page).toBeGreaterThan(entries[i - 1]!.page);
  });

  it('starts each guide on the page the contents give, the page before it ending the previous guide', () => {
    const front = frontPages();
    const entries = contents();
    expect(entries).toHaveLength(items.length);
    for (const [i, entry] of entries.entries()) {
      const item = items[i]!;
      const start = front + entry.page;
      const lines = book.lines(start);
      // Header names the item; under it the guide's own title block, with its codes.
      expect([item.code, squash(lines[0]!)]).toEqual([item.code, headerOf(item)]);
      const title = lines.slice(
        1,
        lines.findIndex((l) => l.startsWith('实施主体')),
      );
      expect([item.code, squash(title.join(''))]).toEqual([item.code, squash(`办事指南${item.name}`)]);
      expect(squash(book.page(start))).toContain(`基本编码${item.code}`);
      // The page before is the previous guide's last page (or, for the first guide, the contents).
      const before = squash(book.header(start - 1));
      if (i === 0) expect(contentsEntries(book.page(start - 1)).length).toBeGreaterThan(0);
      else expect([item.code, before]).toEqual([item.code, headerOf(items[i - 1]!)]);
    }
  });

  it('carries the name and version of its own item in the header of every guide page', () => {
    const front = frontPages();
    const entries = contents();
    const pages = book.pageCount;
    for (const [i, entry] of entries.entries()) {
      const end = i + 1 < entries.length ? front + entries[i + 1]!.page - 1 : pages;
      for (let p = front + entry.page; p <= end; p++)
        expect([p, squash(book.header(p))]).toEqual([p, headerOf(items[i]!)]);
    }
  });

  it('stamps — n / N — on every guide page, n from 1 on the first guide, and nothing on the front pages', () => {
    const front = frontPages();
    const pages = book.pageCount;
    const body = pages - front;
    expect(body).toBeGreaterThanOrEqual(items.length);
    for (let p = 1; p <= front; p++) expect(book.page(p)).not.toContain('—');
    for (let n = 1; n <= body; n++)
      expect([n, squash(book.footer(front + n))]).toEqual([n, footerText(n, body)]);
  });

  it('reports its progress, part by part, up to done', () => {
    expect(progress.filter((p) => p.phase === 'guides')).toHaveLength(items.length);
    const printed = progress.filter((p) => p.phase === 'printed').map((p) => p.done);
    expect(printed).toHaveLength(Math.ceil(items.length / partSize));
    expect(Math.max(...printed)).toBe(items.length);
    expect(progress.at(-1)).toEqual({ phase: 'done', done: items.length, total: items.length });
  });
});

describe('planted markup (<script>, onerror=, {{, </style>) in every text field', () => {
  const bad = planted(homestead);
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch(CHROMIUM_LAUNCH);
  });
  afterAll(() => browser.close());

  it('comes back from the guide PDF as literal text', async () => {
    const pdf = PdfFile.write(tmp.dir, 'planted-guide.pdf', await printer.print(await renderGuide(bad)));
    const text = pdf.text;
    expect(text).toContain('<script>window.__xss=1</script>');
    expect(squash(text)).toContain(squash(PAYLOAD));
    // The title itself, with the payload, under the kicker of the first page.
    expect(squash(pdf.rawPage(1))).toContain(squash(`办事指南${bad.name}`));
    expect(pdf.fonts.filter((f) => !f.embedded)).toEqual([]);
  });

  /** The document with its own Content-Security-Policy removed: only escaping stands between payload and page. */
  const withoutCsp = (html: string) => {
    const stripped = html.replace(/<meta\s+http-equiv=['"]Content-Security-Policy['"][^>]*>/i, '');
    expect(stripped).not.toMatch(/Content-Security-Policy/i);
    return stripped;
  };

  async function open(html: string) {
    const page = await browser.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      return await page.evaluate(() => ({
        xss: (window as unknown as { __xss?: unknown }).__xss,
        scripts: document.querySelectorAll('script').length,
        images: document.querySelectorAll('img').length,
        handlers: Array.from(document.querySelectorAll('*')).flatMap((e) =>
          Array.from(e.attributes)
            .filter((a) => a.name.startsWith('on'))
            .map((a) => `${e.tagName} ${a.name}`),
        ),
        text: document.body.innerText,
      }));
    } finally {
      await page.close();
    }
  }

  it('would run if it were not escaped (the check below can fail)', async () => {
    const html = withoutCsp(renderNotice(homestead)).replace('</body>', `${PAYLOAD}</body>`);
    const opened = await open(html);
    expect(opened.xss).toBeDefined();
    expect(opened.scripts + opened.images).toBeGreaterThan(0);
  });

  it.each([
    ['guide', () => renderGuide(bad)],
    [
      'notice',
      async () =>
        renderNotice(bad, {
          missing: [bad.materials[0]!.material],
          deadline: '2026-12-10',
          refusal: { reason: `材料不实${PAYLOAD}` },
        }),
    ],
    ['blank form', async () => renderBlankForm(bad, catalogue.dataElements)],
  ])('runs nothing in the %s opened in Chromium, and shows the payload as text', async (_name, render) => {
    const opened = await open(withoutCsp(await render()));
    expect(opened.xss).toBeUndefined();
    expect(opened.scripts).toBe(0);
    expect(opened.images).toBe(0);
    expect(opened.handlers).toEqual([]);
    expect(opened.text).toContain('<script>window.__xss=1</script>');
    expect(opened.text).toContain('onerror="window.__xss=2"');
    expect(opened.text).toContain('{{constructor}}');
    expect(opened.text).toContain('</style>');
    expect(opened.text).toContain(bad.name);
  });

  it('runs nothing in the flowchart SVG opened in Chromium, and shows the payload as text', async () => {
    // The same seed item, typed as one that states its process (what a flowchart needs).
    const svg = await renderFlowchart(planted(homesteadItem()));
    const page = await browser.newPage();
    try {
      await page.goto(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`);
      const opened = await page.evaluate(() => ({
        root: document.documentElement.localName,
        parseErrors: document.getElementsByTagName('parsererror').length,
        xss: (window as unknown as { __xss?: unknown }).__xss,
        active: document.querySelectorAll('script, img, image, foreignObject, iframe').length,
        handlers: Array.from(document.querySelectorAll('*')).flatMap((e) =>
          Array.from(e.attributes)
            .filter((a) => a.name.startsWith('on'))
            .map((a) => `${e.tagName} ${a.name}`),
        ),
        text: document.documentElement.textContent ?? '',
      }));
      expect(opened).toMatchObject({ root: 'svg', parseErrors: 0, active: 0, handlers: [] });
      expect(opened.xss).toBeUndefined();
      expect(squash(opened.text)).toContain(squash(`<script>window.__xss=1</script>`));
      expect(opened.text).toContain('{{');
    } finally {
      await page.close();
    }
  });
});
