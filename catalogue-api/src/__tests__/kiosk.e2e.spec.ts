import type { Page } from 'playwright-core';
import type { BrowserApp } from './browserApp';
import { seriousViolations, startBrowserApp } from './browserApp';
import { DB_LABEL } from './testApp';

// Issue 16: the 24-hour self-service terminal at /kiosk, in Chromium on a portrait 1080 × 1920 touch screen.
// Everything is reached by tapping; each screen is checked for a way out, English words and small targets, and
// photographed (out/e2e/kiosk) for a person to look at.

const YANGSHUO = '450321100';
const HOMESTEAD = '0117302000';
const HOMESTEAD_NAME = /宅基地和建房/;

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp('kiosk');
});

afterAll(() => app?.close());

// Script errors of every kiosk page, under the server's CSP (the pages are not opened with bypassCSP).
const pageErrors: string[] = [];

afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

/** A touch screen standing upright; window.print is replaced by a counter (a test has no printer to wait for). */
async function kioskPage(): Promise<Page> {
  const page = await app.browser.newPage({
    viewport: { width: 1080, height: 1920 },
    hasTouch: true,
    locale: 'zh-CN',
  });
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.addInitScript(() => {
    const counted = window as unknown as { printed: number };
    counted.printed = 0;
    window.print = () => {
      counted.printed += 1;
    };
  });
  return page;
}

const printed = (page: Page) => page.evaluate(() => (window as unknown as { printed: number }).printed);

/** What a screen offers that could lead away from the kiosk, or that a finger or a Chinese reader cannot use. */
async function screenProblems(page: Page) {
  return page.evaluate(() => {
    const outside = [...document.querySelectorAll<HTMLAnchorElement>('a[href]')]
      .map((a) => new URL(a.href))
      .filter((url) => url.origin !== location.origin || !/^\/kiosk(\/|$)/.test(url.pathname))
      .map((url) => url.href);
    const newWindows = [...document.querySelectorAll('[target], form')].map((e) => e.outerHTML.slice(0, 80));
    const portalChrome = document.querySelectorAll('.os-header, .os-footer, .os-skip').length;
    const latin = document.body.innerText.match(/[A-Za-z]+/g) ?? [];
    const textInputs = document.querySelectorAll(
      'input:not([type=checkbox]), textarea, [contenteditable]',
    ).length;
    const small = [...document.querySelectorAll<HTMLElement>('a, button, .ant-checkbox-wrapper')]
      .map((e) => ({ text: e.innerText.trim(), box: e.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.width < 64 || box.height < 64))
      .map(({ text, box }) => `${text} ${Math.round(box.width)}×${Math.round(box.height)}`);
    return { outside, newWindows, portalChrome, latin, textInputs, small };
  });
}

const NO_PROBLEMS = { outside: [], newWindows: [], portalChrome: 0, latin: [], textInputs: 0, small: [] };

/** Waits for the screen's heading and data, checks it, photographs it. */
async function screen(page: Page, heading: string | RegExp, shot: string) {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.locator('.os-loading').waitFor({ state: 'detached' });
  expect({ shot, ...(await screenProblems(page)) }).toEqual({ shot, ...NO_PROBLEMS });
  await app.shot(page, shot);
}

describe(`the kiosk (${DB_LABEL})`, () => {
  it('reaches 阳朔镇’s 宅基地 guide by taps alone, prints it and its notice, and never links out', async () => {
    const page = await kioskPage();
    await page.goto(`${app.base}/kiosk`);
    await screen(page, '请选择县（市、区）', '01-counties');
    // The start screen has nothing to go back to: 返回 and 首页 are shown, inactive.
    expect(await page.locator('.kiosk-nav [aria-disabled=true]').count()).toBe(2);

    await page.getByRole('link', { name: '阳朔县' }).tap();
    await screen(page, '请选择乡镇（街道）', '02-townships');
    await page.getByRole('link', { name: '阳朔镇' }).tap();
    await screen(page, '请选择事项类别', '03-categories');
    await page.getByRole('link', { name: /^行政许可 \d+ 项$/ }).tap();
    await screen(page, '行政许可', '04-items');
    await page.getByRole('link', { name: HOMESTEAD_NAME }).tap();
    await screen(page, HOMESTEAD_NAME, '05-guide');
    expect(new URL(page.url()).pathname).toBe(`/kiosk/regions/${YANGSHUO}/items/${HOMESTEAD}`);
    // The guide's sections and its flowchart, without the flowchart's link to the file.
    await page.getByRole('heading', { level: 2, name: /申请材料/ }).waitFor();
    expect(await page.getByRole('img', { name: /办理流程图/ }).count()).toBe(1);

    await page.getByRole('button', { name: '打印办事指南' }).tap();
    expect(await printed(page)).toBe(1);

    await page.getByRole('link', { name: '一次性告知单' }).tap();
    await screen(page, '一次性告知单', '06-notice');
    await page.getByText(/^根据《中华人民共和国行政许可法》第三十二条/).waitFor();
    await page.getByRole('button', { name: '打印一次性告知单' }).tap();
    expect(await printed(page)).toBe(2);

    // On paper: the notice and its materials, without the terminal's bars, buttons and ticks.
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.kiosk-top', '.kiosk-nav', '.kiosk-actions', '.kiosk-ready'])
      expect({ chrome, visible: await page.locator(chrome).first().isVisible() }).toEqual({
        chrome,
        visible: false,
      });
    expect(await page.locator('.kiosk-materials > li').first().isVisible()).toBe(true);
    await app.shot(page, '07-notice-printed');
    await page.emulateMedia({ media: 'screen' });

    // 返回 climbs one screen; 首页 starts over.
    await page.getByRole('link', { name: '返回' }).tap();
    await screen(page, HOMESTEAD_NAME, '05-guide');
    await page.getByRole('link', { name: '首页' }).tap();
    await screen(page, '请选择县（市、区）', '01-counties');
    await page.close();
  });

  it('after the idle time, warns with a countdown, then forgets the ticked materials and the choices and starts over', async () => {
    const page = await kioskPage();
    // Four seconds instead of sixty: the warning counts down the last two.
    await page.goto(`${app.base}/kiosk?idle=4`);
    await page.getByRole('heading', { level: 1, name: '请选择县（市、区）' }).waitFor();
    await page.getByRole('link', { name: '阳朔县' }).tap();
    await page.getByRole('link', { name: '阳朔镇' }).tap();
    await page.getByRole('link', { name: /^行政许可/ }).tap();
    await page.getByRole('link', { name: HOMESTEAD_NAME }).tap();
    await page.getByRole('link', { name: '一次性告知单' }).tap();
    await page.getByRole('heading', { level: 1, name: '一次性告知单' }).waitFor();

    // Half the self-check done: two materials ticked, kept for this visit in session storage.
    const boxes = page.getByRole('checkbox', { name: /^已备好：/ });
    const total = await boxes.count();
    expect(total).toBeGreaterThan(2);
    await boxes.nth(0).tap();
    await boxes.nth(1).tap();
    await page.getByText(`还需准备 ${total - 2} 项`).waitFor();
    const stored = () =>
      page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('oneseal.kiosk.')));
    expect(await stored()).toEqual([`oneseal.kiosk.ready.${YANGSHUO}.${HOMESTEAD}`]);

    // Nobody touches the screen: the countdown, then the start screen.
    const warning = page.getByRole('alertdialog');
    await warning.getByText(/秒后将返回首页/).waitFor();
    await app.shot(page, '08-idle-warning');
    await page.getByRole('heading', { level: 1, name: '请选择县（市、区）' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/kiosk');
    expect(await warning.count()).toBe(0);
    expect(await stored()).toEqual([]);

    // The next person who walks the same path finds nothing ticked.
    await page.getByRole('link', { name: '阳朔县' }).tap();
    await page.getByRole('link', { name: '阳朔镇' }).tap();
    await page.getByRole('link', { name: /^行政许可/ }).tap();
    await page.getByRole('link', { name: HOMESTEAD_NAME }).tap();
    await page.getByRole('link', { name: '一次性告知单' }).tap();
    await page.getByText(`还需准备 ${total} 项`).waitFor();
    expect(await page.getByRole('checkbox', { checked: true }).count()).toBe(0);
    await page.close();
  });

  it('keeps a touch as a reason to stay: tapping during the countdown keeps the screen and what was chosen', async () => {
    const page = await kioskPage();
    await page.goto(`${app.base}/kiosk?idle=4`);
    await page.getByRole('link', { name: '阳朔县' }).tap();
    await page.getByRole('link', { name: '阳朔镇' }).tap();
    await page.getByRole('heading', { level: 1, name: '请选择事项类别' }).waitFor();
    await page.getByRole('alertdialog').waitFor();
    await page.getByRole('button', { name: '继续使用' }).tap();
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe(`/kiosk/regions/${YANGSHUO}`);
    await page.close();
  });

  it('has no serious accessibility violations on any screen, each opened by its address', async () => {
    const page = await app.page({ width: 1080, height: 1920 });
    for (const [path, heading] of [
      ['/kiosk', '请选择县（市、区）'],
      ['/kiosk/counties/450321', '请选择乡镇（街道）'],
      [`/kiosk/regions/${YANGSHUO}`, '请选择事项类别'],
      [`/kiosk/regions/${YANGSHUO}/types/01`, '行政许可'],
      [`/kiosk/regions/${YANGSHUO}/items/${HOMESTEAD}`, HOMESTEAD_NAME],
      [`/kiosk/regions/${YANGSHUO}/items/${HOMESTEAD}/notice`, '一次性告知单'],
    ] as const) {
      await page.goto(app.base + path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.waitForLoadState('networkidle');
      expect({ path, violations: await seriousViolations(page) }).toEqual({ path, violations: [] });
    }
    await page.close();
  });
});
