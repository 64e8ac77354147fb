import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { BrowserApp } from './browserApp';
import { signIn, startBrowserApp } from './browserApp';
import { DB_LABEL } from './testApp';

// Every page of the designer, for every demo user, reached by clicking only: the menu entries, every tab, and the
// links of the first row of every list (or the first township of a tree). Each page must load without a console
// error, an uncaught error or an error boundary, and must speak Chinese: no English word outside a short
// allow-list and outside <code> (where identifiers such as material codes may show), and no JSON path. A
// screenshot of each page goes to out/e2e/crawl. One browser; one context (page) per user.

const USERS = ['admin', 'admin-450321', 'editor-450321100', 'editor-450323101', 'reviewer-450321'];
/**
 * Words a person may read untranslated: the product's name, file kinds and ID; and two that the seeds' real texts
 * use as Chinese does — GB (国家标准, “GB 11643”) and App (“手机App”).
 */
const ALLOWED_WORDS = new Set(['PDF', 'Excel', 'ID', 'OneSeal', 'GB', 'App']);
/** At most this many pages per user, so a bug that links pages in a circle cannot make the crawl endless. */
const MAX_PAGES = 40;

let app: BrowserApp;
const SHOTS = join(__dirname, '..', '..', '..', 'out', 'e2e', 'crawl');

beforeAll(async () => {
  app = await startBrowserApp('crawl');
});

afterAll(() => app?.close());

/**
 * What a person reads on the page: visible text, placeholders and the values of text boxes — outside <code> and
 * translate="no", HTML's marks of text that is an identifier rather than words.
 */
function readableText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const shown = (el: Element) =>
      // Identifiers (material codes, element keys, step numbers) are set as code or marked not to be translated.
      !el.closest('code, [translate="no"], script, style, noscript, [aria-hidden="true"]') &&
      (el as HTMLElement).checkVisibility?.({ visibilityProperty: true, opacityProperty: true }) !== false;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (text && parent && shown(parent)) out.push(text);
    }
    for (const el of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
      if (!shown(el) || el.type === 'hidden' || el.type === 'password') continue;
      if (el.placeholder) out.push(el.placeholder);
      if (el.value) out.push(el.value);
    }
    return out;
  });
}

/** The English words and JSON paths in what a person reads; web addresses and e-mail addresses are data. */
export function untranslated(texts: string[]): string[] {
  const found = new Set<string>();
  for (const raw of texts) {
    const text = raw.replace(/\b(https?:\/\/|www\.)\S*/g, '').replace(/\S+@\S+\.\S+/g, '');
    for (const path of text.match(/(?:^|[\s(（:：])(\/[A-Za-z][\w-]*(?:\/[\w-]+)*)/g) ?? [])
      found.add(`JSON 路径 ${path.trim()}`);
    for (const word of text.match(/[A-Za-z][A-Za-z]+/g) ?? []) if (!ALLOWED_WORDS.has(word)) found.add(word);
  }
  return [...found];
}

interface Problem {
  page: string;
  problem: string;
}

/** Waits until the page has settled: no loading spinner, no request for a moment. */
/** Requests of each page still waiting for an answer (a single-page app never reaches "networkidle" again). */
const inFlight = new WeakMap<Page, Set<unknown>>();

function trackRequests(page: Page): void {
  const open = new Set<unknown>();
  inFlight.set(page, open);
  page.on('request', (r) => open.add(r));
  page.on('requestfinished', (r) => open.delete(r));
  page.on('requestfailed', (r) => open.delete(r));
}

/** Waits until the page has settled: no request in flight for a moment, no loading spinner. */
async function settle(page: Page): Promise<void> {
  const open = inFlight.get(page);
  for (let quiet = 0, waited = 0; quiet < 3 && waited < 100; waited++) {
    await page.waitForTimeout(100);
    // A long render holds back the effects that start the next requests: wait for the main thread to idle too.
    await page.evaluate(() => new Promise((done) => requestIdleCallback(done, { timeout: 2000 })));
    quiet = open && open.size > 0 ? 0 : quiet + 1;
  }
  await page
    .locator('.ant-spin-spinning, .ds-loading')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
}

/** In-app paths the page's main area links to: those outside lists, and the first row's links of each list. */
function linksToFollow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const main = document.querySelector('.ds-content') ?? document.body;
    const paths: string[] = [];
    for (const a of main.querySelectorAll<HTMLAnchorElement>('a[href^="/designer/"]')) {
      const row = a.closest('.ant-table-tbody > tr, .ant-list-item');
      if (
        row &&
        row.parentElement?.querySelector(':scope > tr:not(.ant-table-measure-row), :scope > li') !== row
      )
        continue;
      if (a.target === '_blank') continue;
      paths.push(new URL(a.href).pathname + new URL(a.href).search);
    }
    return paths;
  });
}

async function crawl(username: string): Promise<{ visited: string[]; problems: Problem[] }> {
  const page = await app.page({ width: 1366, height: 768 });
  trackRequests(page);
  const problems: Problem[] = [];
  let where = 'login';
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push({ page: where, problem: `console error: ${msg.text()}` });
  });
  page.on('pageerror', (err) => problems.push({ page: where, problem: `uncaught: ${err.message}` }));
  await signIn(page, app.base, username);

  const visited: string[] = [];
  const check = async (label: string) => {
    where = label;
    await settle(page);
    const boundary = page.locator('.error-boundary').or(page.getByText('Unexpected Application Error'));
    if (await boundary.count())
      problems.push({ page: label, problem: `error boundary: ${await boundary.first().innerText()}` });
    for (const word of untranslated(await readableText(page))) problems.push({ page: label, problem: word });
    const name = `${username}-${String(visited.length).padStart(2, '0')}-${label.replace(/[/\s›?&=:]+/g, '_')}`;
    // What a person sees at 1366×768 (a full-page shot of the longest editors takes too long).
    await page.screenshot({ path: join(SHOTS, `${name.slice(0, 120)}.png`) });
    visited.push(label);
  };

  const menu = await page
    .locator('nav[aria-label="主菜单"] a')
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).textContent ?? ''));
  const seen = new Set<string>();
  const here = () => new URL(page.url()).pathname + new URL(page.url()).search;
  const tabs = page.locator('.ds-content [role="tab"]');

  /** Checks the page shown, each of its tabs, then goes down every link it offers and back, depth first. */
  const visitHere = async (): Promise<void> => {
    const path = here();
    if (seen.has(path) || seen.size >= MAX_PAGES) return;
    seen.add(path);
    await check(path);
    const links: { tab?: number; href: string }[] = (await linksToFollow(page)).map((href) => ({ href }));
    const tabCount = await tabs.count();
    for (let tab = 1; tab < tabCount; tab++) {
      if (
        !(await tabs.nth(tab).isVisible()) ||
        (await tabs.nth(tab).getAttribute('aria-disabled')) === 'true'
      )
        continue;
      const tabName = (await tabs.nth(tab).innerText()).trim();
      await tabs.nth(tab).click();
      await check(`${path} › ${tabName}`);
      for (const href of await linksToFollow(page)) links.push({ tab, href });
    }
    // A tree of regions (the township picker): open its first branches down to the first township.
    const leaf = page.locator('.ds-content .ant-tree-treenode-leaf .ant-tree-node-content-wrapper').first();
    const closed = page.locator('.ds-content .ant-tree-switcher_close').first();
    for (let depth = 0; depth < 3 && !(await leaf.count()) && (await closed.count()); depth++)
      await closed.click();
    if (await leaf.count()) {
      await leaf.click();
      await page.waitForURL((url) => url.pathname !== path);
      await visitHere();
      await back(path);
    }
    // The first row's own button (a library entry, a region of the dashboard): a drawer, or another view.
    const rowButton = page
      .locator('.ds-content .ant-table-tbody > tr.ant-table-row')
      .first()
      .locator('td')
      .first()
      .locator('button.ant-btn-link')
      .first();
    const drawerOpen = async () => (await page.locator('.ant-drawer-open').count()) > 0;
    if (tabCount === 0 && !(await drawerOpen()) && (await rowButton.count())) {
      await rowButton.click();
      await settle(page);
      if (here() !== path) {
        await visitHere();
        await back(path);
      } else if (await drawerOpen()) {
        await check(`${path} › 第一行`);
        await page.keyboard.press('Escape');
        await page
          .locator('.ant-drawer-open')
          .waitFor({ state: 'detached' })
          .catch(() => undefined);
      }
    }
    for (const { tab, href } of links) {
      if (seen.has(href) || seen.size >= MAX_PAGES) continue;
      if (tab !== undefined) await tabs.nth(tab).click();
      await page.locator(`.ds-content a[href="${href}"]`).first().click();
      await page.waitForURL((url) => url.pathname + url.search !== path);
      await visitHere();
      await back(path);
    }
  };
  const back = async (path: string) => {
    await page.goBack();
    await page.waitForURL((url) => url.pathname + url.search === path);
    await settle(page);
  };

  for (const entry of menu) {
    await page.locator('nav[aria-label="主菜单"]').getByRole('link', { name: entry }).click();
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await visitHere();
  }
  await page.context().close();
  return { visited, problems };
}

describe(`every designer page, clicked through by every demo user (${DB_LABEL})`, () => {
  it.each(USERS)(
    '%s: every page loads and speaks Chinese',
    async (username) => {
      const { visited, problems } = await crawl(username);
      expect(visited.length).toBeGreaterThan(3);
      // Each problem once, with the pages it was seen on.
      const pagesOf = new Map<string, string[]>();
      for (const { page, problem } of problems) pagesOf.set(problem, [...(pagesOf.get(problem) ?? []), page]);
      expect(
        [...pagesOf].map(([problem, pages]) => `${problem} — ${[...new Set(pages)].join(', ')}`),
      ).toEqual([]);
    },
    240_000,
  );
});

describe(`the dashboard hides no township (${DB_LABEL})`, () => {
  it('lists 阳朔县’s townships that publish nothing as not meeting, city → county → township one click each', async () => {
    const page = await app.page({ width: 1366, height: 768 });
    await signIn(page, app.base, 'admin');
    const county = page.locator('.dash-table .ant-table-row', { hasText: '阳朔县' });
    // In the city's table: 阳朔县 publishes in 1 of its townships, so it cannot say 全部达标.
    await county.getByText(/^1\/\d+（\d+(\.\d)?%）$/).waitFor();
    expect(await county.getByText('全部达标', { exact: true }).count()).toBe(0);
    await county.getByText('未全部达标', { exact: true }).waitFor();
    await app.shot(page, 'dashboard-1-city');

    await county.getByRole('button', { name: /^阳朔县/ }).click();
    await page.waitForURL(/county=450321/);
    const townships = await (
      await app.client()
    ).get('/public/regions', {
      query: { parent: '450321', level: 'township' },
    });
    const rows = page.locator('.dash-table .ant-table-row');
    await expect(rows.count()).resolves.toBe(townships.length);
    // Every township but 阳朔镇 publishes nothing, and says so as not meeting.
    for (const t of townships.filter((r) => r.code !== '450321100'))
      await rows.filter({ hasText: t.name }).getByText('未发布事项，不达标').waitFor();
    await page.locator('.dash-summary').getByText(`1/${townships.length}`, { exact: false }).waitFor();
    await app.shot(page, 'dashboard-2-county');

    await rows
      .filter({ hasText: '阳朔镇' })
      .getByRole('button', { name: /^阳朔镇/ })
      .click();
    await page.locator('.ant-drawer-title', { hasText: '阳朔镇 · 事项明细' }).waitFor();
    await app.shot(page, 'dashboard-3-township');
    await page.context().close();
  });
});

describe(`a township editor's preview (${DB_LABEL})`, () => {
  it('shows the draft’s guide as the public will see it, updated while editing, with its form and flowchart', async () => {
    const page = await app.page({ width: 1366, height: 768 });
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('response', async (r) => {
      if (r.status() >= 400) errors.push(`${r.status()} ${r.url()} ${await r.text()}`);
    });
    await signIn(page, app.base, 'editor-450321100');
    await page.getByRole('link', { name: /宅基地和建房/ }).click();
    // The materials are chosen by name: the picker shows the library's name, not the code.
    await page
      .locator('.ds-material-picker')
      .first()
      .getByText('农村宅基地和建房（规划许可）申请表')
      .waitFor();
    const place = page.locator('.ant-formily-item', {
      has: page.locator('.ant-formily-item-label', { hasText: /^办理地点$/ }),
    });
    await place.locator('textarea').fill('阳朔镇便民服务中心二号窗口');
    await page.getByRole('button', { name: '预览群众看到的样子' }).click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer
      .getByRole('heading', { name: /办公地址和时间/ })
      .first()
      .waitFor();
    await drawer.getByText('阳朔镇便民服务中心二号窗口').first().waitFor();
    await app.shot(page, 'preview-1-guide');
    expect(errors).toEqual([]);
    await drawer.getByRole('tab', { name: '申请表' }).click();
    await drawer.getByText('户主姓名').first().waitFor();
    await app.shot(page, 'preview-2-form');
    await drawer.getByRole('tab', { name: '流程图' }).click();
    await drawer.locator('img.ds-flowchart-preview').waitFor();
    await app.shot(page, 'preview-3-flowchart');
    await page.context().close();
  });
});
