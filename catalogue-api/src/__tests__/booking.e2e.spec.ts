import type { Page } from 'playwright-core';
import { openDay, TEST_HOURS } from './bookingFixtures';
import type { BrowserApp } from './browserApp';
import { seriousViolations, signIn, startBrowserApp } from './browserApp';
import { DB_LABEL } from './testApp';

// 预约办理 in the built apps and Debian's Chromium: a citizen books a slot on a phone (375 px) and cancels it;
// the hall's staff see the day's bookings in the designer. Screenshots go to out/e2e/booking.

const TOWNSHIP = '450321100'; // 阳朔镇
const ITEM = '0117302000';
const CODE = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp('booking');
  const editor = await app.client('editor-450321100');
  await editor.put('/townships/:code/booking-settings', { params: { code: TOWNSHIP }, body: TEST_HOURS });
}, 60_000);
afterAll(() => app?.close());

const overflowsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/** Books the first free slot of `date` through the portal's item page; answers the code shown. */
async function bookThroughPortal(page: Page, date: string, name: string): Promise<string> {
  await page.goto(`${app.base}/regions/${TOWNSHIP}/items/${ITEM}`);
  await page.getByRole('button', { name: '预约办理' }).click();
  await page.getByRole('heading', { level: 1, name: '预约办理' }).waitFor();
  const [month, dayOfMonth] = [Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  await page
    .getByRole('radiogroup', { name: '日期' })
    .getByRole('radio', { name: new RegExp(`^${month}月${dayOfMonth}日`) })
    .click();
  await page
    .getByRole('radiogroup', { name: '时段' })
    .getByRole('radio', { name: /^08:30—09:00/ })
    .click();
  await page.getByLabel('姓名', { exact: true }).fill(name);
  await page.getByLabel(/接收预约确认和提醒/).fill('13907735678');
  await page.getByRole('button', { name: /^确认预约/ }).click();
  await page.getByText('预约成功').waitFor();
  return (await page.locator('.os-booking-code').first().textContent()) ?? '';
}

describe(`预约办理 (${DB_LABEL})`, () => {
  const date = openDay(1);
  let code = '';

  it('a citizen books a slot on a phone: day, slot, name and phone, then the code shown large', async () => {
    const page = await app.page({ width: 375, height: 740 });
    await page.goto(`${app.base}/regions/${TOWNSHIP}/items/${ITEM}`);
    await page.getByRole('button', { name: '预约办理' }).click();
    await page.getByRole('radiogroup', { name: '时段' }).waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    await app.shot(page, '01-slots-375');

    code = await bookThroughPortal(page, date, '莫桂芳');
    expect(code).toMatch(CODE);
    // Large enough to read out at the window: at least twice the body text.
    const size = await page
      .locator('.os-booking-code')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(32);
    expect(await page.getByText(/08:30—09:00/).count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await overflowsSideways(page)).toBe(false);
    await app.shot(page, '02-booked-375');
    await page.close();
  }, 60_000);

  it('the booked slot shows one seat fewer to the next citizen (1366 × 768)', async () => {
    const page = await app.page({ width: 1366, height: 768 });
    await page.goto(`${app.base}/regions/${TOWNSHIP}/items/${ITEM}/booking`);
    const month = Number(date.slice(5, 7));
    await page
      .getByRole('radiogroup', { name: '日期' })
      .getByRole('radio', { name: new RegExp(`^${month}月${Number(date.slice(8, 10))}日`) })
      .click();
    await page.getByRole('radio', { name: /^08:30—09:00\s*余 1$/ }).waitFor();
    await app.shot(page, '03-slots-1366');
    await page.close();
  }, 60_000);

  it('the staff see the booking under its slot in the designer', async () => {
    const page = await app.page({ width: 1366, height: 768 });
    await signIn(page, app.base, 'editor-450321100');
    await page.goto(`${app.base}/designer/townships/${TOWNSHIP}/bookings?date=${date}`);
    await page.getByRole('heading', { name: /预约办理/ }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(code) });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/08:30—09:00.*莫桂芳.*13907735678/);
    await app.shot(page, '04-staff-day-1366');
    await page.close();
  }, 60_000);

  it('the citizen finds the booking by code and phone and cancels it', async () => {
    const page = await app.page({ width: 375, height: 740 });
    await page.goto(`${app.base}/regions/${TOWNSHIP}/items/${ITEM}/booking`);
    await page.getByLabel('预约码').fill(code.toLowerCase());
    await page.getByLabel('预约时填写的手机号码').fill('13907735678');
    await page.getByRole('button', { name: '查询预约' }).click();
    await page.getByText('预约成功').waitFor();
    await page.getByRole('button', { name: '取消预约' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '取消预约' }).click();
    await page.getByText('预约已取消').waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    await app.shot(page, '05-cancelled-375');
    await page.close();
  }, 60_000);
});
