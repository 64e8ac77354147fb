import { idCardCheckChar } from '@oneseal/schemas';
import type { Page } from 'playwright-core';
import { bareBaseItem, publishInYangshuo } from './bareItem';
import type { BrowserApp } from './browserApp';
import { fillHomesteadApplication, seriousViolations, startBrowserApp } from './browserApp';
import { DB_LABEL } from './testApp';

// The citizen's path through the built portal in Debian's Chromium, at phone width. Screenshots of each step
// go to out/e2e/portal for a person to look at.

const valid = (first17: string) => first17 + idCardCheckChar(first17);
const GOOD_ID = valid('45032119700312002');
// The same number with a wrong check character.
const BAD_ID = GOOD_ID.slice(0, 17) + (GOOD_ID.endsWith('1') ? '2' : '1');
const MOBILE = '13907731234';

let app: BrowserApp;
let base = '';

beforeAll(async () => {
  app = await startBrowserApp('portal');
  base = app.base;
});

afterAll(() => app?.close());

const phonePage = () => app.page({ width: 375, height: 740 });
const shot = (page: Page, name: string) => app.shot(page, name);

/** Nothing wider than the screen: a phone user never scrolls sideways. */
const overflowsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe(`the citizen portal (${DB_LABEL})`, () => {
  let reference = '';
  let queryCode = '';

  it('finds 阳朔镇, its 宅基地 item, refuses a wrong ID number in Chinese, and takes the corrected application', async () => {
    const page = await phonePage();
    await page.goto(base);
    await page.getByLabel('搜索乡镇（名称或拼音）').fill('yangshuo');
    await page.getByRole('link', { name: '阳朔镇' }).click();
    await page.waitForURL(/\/regions\/450321100$/);
    await shot(page, '01-township');

    await page.getByLabel('搜索事项（名称、别名或拼音）').fill('宅基地');
    await page.getByRole('link', { name: /宅基地和建房/ }).click();
    await page.getByRole('heading', { level: 1, name: /宅基地和建房/ }).waitFor();
    expect(await page.getByRole('img', { name: /办理流程图/ }).count()).toBe(1);
    await shot(page, '02-item');

    await page.getByRole('button', { name: '在线申请' }).click();
    await page.getByRole('heading', { name: '填写申请信息' }).waitFor();
    await page.getByLabel('申请人姓名').fill('莫桂芳');
    await page.getByLabel('公民身份号码').fill(BAD_ID);
    await page.getByLabel('公民身份号码').blur();
    const error = page.getByText('不是有效的公民身份号码');
    await error.waitFor();
    await shot(page, '03-invalid-id');

    await page.getByLabel('公民身份号码').fill(GOOD_ID);
    await error.waitFor({ state: 'detached' });
    await fillHomesteadApplication(page);
    expect(await overflowsSideways(page)).toBe(false);
    await page.getByRole('button', { name: '提交申请' }).click();

    await page.getByText('申请已提交').waitFor();
    reference = (await page.locator('.os-reference').textContent()) ?? '';
    expect(reference).toMatch(/^450321100-\d{8}-\d{4}$/);
    queryCode = (await page.locator('.os-query-code').textContent()) ?? '';
    expect(queryCode).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await overflowsSideways(page)).toBe(false);
    await shot(page, '04-receipt');

    // The filled application behind the receipt's link is the applicant's own, with the full ID number.
    const href = await page.getByRole('link', { name: /申请表（PDF）/ }).getAttribute('href');
    const html = await page.request.get(base + href!.replace('application.pdf', 'application.html'));
    expect(await html.text()).toContain(GOOD_ID);
    await page.close();
  });

  it('opens the whole application on another device with reference and 查询码, from the 办件查询 menu', async () => {
    // A new page is a fresh browser context: nothing of the submitting tab (its session storage) is there.
    const page = await phonePage();
    await page.goto(base);
    await page.getByRole('navigation', { name: '站点' }).getByRole('link', { name: '办件查询' }).click();
    await page.getByRole('heading', { level: 1, name: '办件查询' }).waitFor();
    await page.getByLabel('受理编号').fill(reference);
    // Typed as people do: lower case, a space instead of the hyphen.
    await page.getByRole('textbox', { name: '查询码' }).fill(queryCode.toLowerCase().replace('-', ' '));
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('已提交', { exact: true }).first().waitFor();
    // The full application: the whole ID number and the phone, and the documents to download.
    await page.getByText(GOOD_ID).waitFor();
    await page.getByText(MOBILE).waitFor();
    const href = await page.getByRole('link', { name: '下载申请表（PDF）' }).getAttribute('href');
    const html = await page.request.get(base + href!.replace('application.pdf', 'application.html'));
    expect(await html.text()).toContain(queryCode);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await overflowsSideways(page)).toBe(false);
    await shot(page, '05-track-query-code');
    await page.close();
  });

  it('looks the application up with reference and phone: progress, numbers masked', async () => {
    const page = await phonePage();
    await page.goto(`${base}/track`);
    await page.getByText('手机号码', { exact: true }).click();
    await page.getByLabel('受理编号').fill(reference);
    await page.getByLabel('申请时填写的手机号码').fill(MOBILE);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('已提交', { exact: true }).first().waitFor();
    await page.getByText('莫桂芳').waitFor();
    // Identity numbers are masked for whoever holds a reference and a phone number.
    expect(await page.getByText(GOOD_ID).count()).toBe(0);
    await page.getByText(`450***********${GOOD_ID.slice(-4)}`).waitFor();
    expect(await page.getByRole('link', { name: '下载申请表（PDF）' }).count()).toBe(0);
    await shot(page, '05-track-phone');
    await page.close();
  });

  it('asks the ID number once in a one-table form of three items, and says which items each field serves', async () => {
    const page = await phonePage();
    await page.goto(`${base}/regions/450321100`);
    for (const name of ['农村村民宅基地和建房（规划许可）审批', '乡村建设规划许可证核发', '农村危房改造'])
      await page.getByLabel(`选择“${name}”一起申请`).check();
    await page.getByRole('button', { name: '一表申请' }).click();
    await page.getByRole('heading', { name: '填写申请信息' }).waitFor();
    expect(await page.getByLabel('公民身份号码').count()).toBe(1);
    expect(await page.getByLabel('手机号码').count()).toBe(1);
    // Under the shared fields, the items each one serves (the material list says the same, folded away).
    await page
      .locator('.ant-formily-item-extra', {
        hasText: '用于：农村村民宅基地和建房（规划许可）审批、乡村建设规划许可证核发、农村危房改造',
      })
      .first()
      .waitFor();
    // Each item's own questions stay under its title.
    for (const name of ['乡村建设规划许可证核发', '农村危房改造'])
      await page.getByRole('heading', { level: 2, name }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await overflowsSideways(page)).toBe(false);
    await shot(page, '06-one-table');
    await page.close();
  });

  it('turns a 一件事 into one form: the answers choose the items and drop the materials that do not apply', async () => {
    const page = await phonePage();
    await page.goto(`${base}/regions/450321100`);
    await page.locator('.ant-card', { hasText: '农村建房一件事' }).getByRole('link').click();
    await page.getByText('申请新的宅基地建房').click();
    await page.getByText('是', { exact: true }).click();
    await page.getByRole('button', { name: '开始填写（一表申请）' }).click();
    await page.getByRole('heading', { level: 1, name: '农村建房一件事' }).waitFor();
    // The danger-house answer adds 农村危房改造; a new plot needs no proof of the old one.
    await page.getByText('本表同时申请 3 个事项').waitFor();
    await page.getByText('农村危房改造', { exact: false }).first().waitFor();
    expect(
      await page.locator('.os-checklist').getByText('原宅基地不动产权证书或土地权属来源证明').count(),
    ).toBe(0);
    expect(await page.getByLabel('公民身份号码').count()).toBe(1);
    await shot(page, '08-bundle');
    await page.close();
  });

  it('has no serious accessibility violations and fits a phone, in normal and large-text mode', async () => {
    const page = await phonePage();
    for (const large of [false, true]) {
      for (const path of ['/', '/regions/450321100', '/regions/450321100/items/0117302000', '/track']) {
        await page.goto(base + path);
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect({ path, large, violations: await seriousViolations(page) }).toEqual({
          path,
          large,
          violations: [],
        });
        expect({ path, large, overflows: await overflowsSideways(page) }).toEqual({
          path,
          large,
          overflows: false,
        });
      }
      if (!large) await page.getByRole('switch', { name: '大字模式' }).click();
      else await shot(page, '07-large-text');
    }
    const size = await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).fontSize);
    expect(parseFloat(size)).toBeGreaterThan(28);
    await page.close();
  });

  it('takes a birth date typed or picked on a phone, its calendar on the screen, in both text sizes', async () => {
    for (const large of [false, true]) {
      // A touch screen, as a phone: taps, no pointer hovering over the calendar.
      const page = await app.browser.newPage({
        viewport: { width: 375, height: 740 },
        hasTouch: true,
        isMobile: true,
        locale: 'zh-CN',
        bypassCSP: true,
      });
      // 老年人优待证办理 asks the applicant's birth date.
      await page.goto(`${base}/regions/450321100/items/2020011000`);
      if (large) await page.getByRole('switch', { name: '大字模式' }).tap();
      await page.getByRole('button', { name: '在线申请' }).tap();
      await page.getByRole('heading', { name: '填写申请信息' }).waitFor();
      const birthDate = page.getByLabel('出生日期');

      await birthDate.tap();
      await birthDate.pressSequentially('2020-05-01');
      await page.getByLabel('申请人姓名').tap();
      expect(await birthDate.inputValue()).toBe('2020-05-01');
      // A phone's number pad has no hyphen: the digits alone are a date too.
      await birthDate.tap();
      await birthDate.fill('');
      await birthDate.pressSequentially('19700312');
      await page.getByLabel('申请人姓名').tap();
      expect(await birthDate.inputValue()).toBe('1970-03-12');

      await birthDate.tap();
      const calendar = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
      await calendar.waitFor();
      // The opening animation ends before the box is measured.
      await page.waitForFunction(
        () =>
          document.querySelector('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)')?.getAnimations()
            .length === 0,
      );
      const box = (await calendar.boundingBox())!;
      expect({ large, left: box.x >= 0, top: box.y >= 0 }).toEqual({ large, left: true, top: true });
      expect({ large, right: box.x + box.width <= 375, bottom: box.y + box.height <= 740 }).toEqual({
        large,
        right: true,
        bottom: true,
      });
      await shot(page, `10-birth-date-calendar${large ? '-large' : ''}`);
      await calendar.locator('td[title="1970-03-20"]').tap();
      expect(await birthDate.inputValue()).toBe('1970-03-20');
      // antd's own names are Chinese (its locale), and its English-named icons are not announced.
      const english = await page.evaluate(() =>
        [...document.querySelectorAll('[aria-label]')]
          .filter((e) => !e.closest('[aria-hidden="true"]'))
          .map((e) => e.getAttribute('aria-label')!)
          // zh-CN antd names a key as it is printed on the keyboard: 上一年 (Control键加左方向键).
          .filter((label) => /[A-Za-z]{3,}/.test(label.replace(/Control键/g, ''))),
      );
      expect(english).toEqual([]);
      expect(await overflowsSideways(page)).toBe(false);
      await page.close();
    }
  });

  it('has an icon: /favicon.ico is an icon for the portal and the designer, not the page', async () => {
    for (const path of ['/favicon.ico', '/designer/favicon.ico']) {
      const res = await fetch(base + path);
      expect({ path, type: res.headers.get('content-type') }).toEqual({ path, type: 'image/x-icon' });
      // An ICO file starts with reserved 0, then type 1 (icon).
      expect([...new Uint8Array(await res.arrayBuffer()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    }
  });

  it('can be used from the keyboard: the skip link, then tabbing to the search field', async () => {
    const page = await phonePage();
    await page.goto(`${base}/regions/450321100`);
    await page.getByRole('link', { name: /宅基地和建房/ }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    await page.keyboard.press('Enter');
    const search = '搜索事项（名称、别名或拼音）';
    const focused = () =>
      page.evaluate(() => {
        const active = document.activeElement;
        return { tag: active?.tagName, label: active?.getAttribute('aria-label') };
      });
    // From the skip link's target the search field is a few presses of Tab away, not behind the whole page.
    for (let presses = 0; presses < 5 && (await focused()).label !== search; presses++)
      await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ tag: 'INPUT', label: search });
    // Typing goes into it and narrows the list (共 N 项) to what matches: zjd, the 拼音 initials of 宅基地.
    const total = page.getByText(/^共 \d+ 项$/);
    const count = async () => Number((await total.textContent())!.match(/\d+/)![0]);
    const before = await count();
    await page.keyboard.type('zjd');
    expect(await page.getByLabel(search).inputValue()).toBe('zjd');
    await page.getByText(new RegExp(`^共 (?!${before} )\\d+ 项$`)).waitFor();
    expect(await count()).toBeLessThan(before);
    await page.getByRole('link', { name: /宅基地和建房/ }).waitFor();
    await page.close();
  });

  it('lists an item that states little by what it states, and takes its application (it states no form)', async () => {
    await publishInYangshuo(app.t, bareBaseItem('0529904000', '百岁老人长寿保健金'), (draft) => {
      draft.online = { available: true, depth: '4' };
    });
    const page = await phonePage();
    await page.goto(`${base}/regions/450321100`);
    await page.getByLabel('搜索事项（名称、别名或拼音）').fill('长寿保健金');
    const entry = page.locator('.ant-list-item', {
      has: page.getByRole('link', { name: '百岁老人长寿保健金' }),
    });
    await entry.waitFor();
    // The township's body, which the entry states; no number of visits, which it does not.
    expect(await entry.locator('.os-muted').textContent()).toBe('阳朔县阳朔镇人民政府');
    await shot(page, '08-bare-item-listed');
    await entry.getByRole('link', { name: '百岁老人长寿保健金' }).click();
    await page.getByRole('button', { name: '在线申请' }).click();
    await page.getByRole('heading', { name: '填写申请信息' }).waitFor();
    await page.getByLabel('手机号码').fill(MOBILE);
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('申请已提交').waitFor();
    await shot(page, '09-bare-item-receipt');
    await page.close();
  });
});
