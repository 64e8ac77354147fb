import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { BrowserApp } from './browserApp';
import { signIn, startBrowserApp } from './browserApp';
import { DB_LABEL } from './testApp';

// The form designer of a base item, in Debian's Chromium: an editor drags a 手机号码 control from the palette
// onto the application form with the mouse, binds it to the 手机号码 data element, and the live preview — the
// portal's own renderer — refuses "12345" in Chinese and takes a real number. Screenshots go to
// out/e2e/designer-form.
const ITEM = '0530012000';
const ITEM_NAME = '在乡复员军人定期定量生活补助'; // its form asks for a 联系电话 but not for a 手机号码
const MOBILE = '13907731234';
const SHOTS = join(__dirname, '..', '..', '..', 'out', 'e2e', 'designer-form');

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp('designer-form');
});

afterAll(() => app?.close());

/** The paths of the cards in a container of the canvas, in order. */
const cardsIn = (page: Page, container: string) =>
  page
    .locator(`.fd-zone[data-zone="${container}"] > .fd-card`)
    .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-path')));

/** Drags with real pointer moves (dnd-kit starts a drag only after the pointer has moved a few pixels). */
async function drag(page: Page, from: Locator, to: Locator, at: { x: number; y: number }) {
  const start = (await from.boundingBox())!;
  const end = (await to.boundingBox())!;
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2 + 12, start.y + start.height / 2 + 4, { steps: 4 });
  await page.mouse.move(end.x + end.width * at.x, end.y + end.height * at.y, { steps: 20 });
}

describe(`the form designer (${DB_LABEL})`, () => {
  it('drags a mobile field onto the form, binds it to 手机号码, and the preview refuses 12345 in Chinese', async () => {
    const page = await app.page({ width: 1600, height: 1200 });
    await signIn(page, app.base, 'admin');
    // As an editor gets there: 基本目录 in the menu, the item found by name in the list, its 申请表 tab.
    await page.getByRole('menuitem', { name: '基本目录' }).click();
    await page.getByLabel('查找事项').fill(ITEM_NAME);
    const link = page.getByRole('link', { name: ITEM_NAME, exact: true });
    await link.waitFor();
    await app.shot(page, '00-catalogue');
    await link.click();
    await page.waitForURL(`**/designer/catalogue/${ITEM}`);
    await page.getByRole('tab', { name: '申请表' }).click();
    const phone = page.locator('.fd-card[data-path="applicant/phone"]');
    await phone.waitFor();
    expect(await cardsIn(page, 'applicant')).toEqual([
      'applicant/applicantName',
      'applicant/idNumber',
      'applicant/birthDate',
      'applicant/phone',
      'applicant/householdAddress',
    ]);
    await app.shot(page, '01-opened');

    // Drag 手机号码 from the palette into the 申请人信息 section, onto the lower half of 联系电话: it lands after it.
    const palette = page
      .getByRole('navigation', { name: '控件' })
      .getByRole('button', { name: '手机号码', exact: true });
    await drag(page, palette, phone.locator('> .fd-card-head'), { x: 0.5, y: 0.8 });
    await page.locator('.fd-card.fd-drop-after[data-path="applicant/phone"]').waitFor();
    await page.locator('.fd-overlay', { hasText: '手机号码' }).waitFor();
    // Mid-drag the window must keep its size (a resize cancels the drag): a screenshot of the viewport only.
    await page.screenshot({ path: join(SHOTS, '02-dragging.png') });
    await page.mouse.up();
    const added = page.locator('.fd-card[data-path="applicant/mobile_1"]');
    await added.waitFor();
    expect(await cardsIn(page, 'applicant')).toEqual([
      'applicant/applicantName',
      'applicant/idNumber',
      'applicant/birthDate',
      'applicant/phone',
      'applicant/mobile_1',
      'applicant/householdAddress',
    ]);
    await app.shot(page, '03-dropped');

    // Select it and bind it to the 手机号码 data element: it takes the element's name, control and format, and
    // the element's code as its key.
    await added.locator('.fd-card-main').click();
    await page
      .locator('.fd-props')
      .getByRole('heading', { name: /手机号码属性/ })
      .waitFor();
    const element = page.getByLabel('数据元');
    const bound = page.locator('.fd-card[data-path="applicant/mobile"]');
    await element.click();
    await element.fill('手机');
    // antd's dropdown slides open (ant-slide-up-*) and is aligned to its field after it first paints; a click
    // while it still moves lands where the option was a frame ago — on its neighbour or outside, which closes
    // the list. So the option is clicked once its list has come to rest.
    const settled = page.locator(
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden):not(.ant-slide-up-appear):not(.ant-slide-up-enter)',
    );
    await settled.locator('.ant-select-item-option[title="手机号码（mobile）"]').click();
    await bound.waitFor();
    await bound.locator('.ant-tag', { hasText: '手机号码' }).waitFor();
    expect(await page.getByLabel('字段名').inputValue()).toBe('mobile');
    await app.shot(page, '04-bound');

    // The preview validates as the citizen's form will: 12345 is refused in Chinese, a real number is taken.
    const preview = page.locator('.fd-preview');
    const answer = preview.getByLabel('手机号码', { exact: true });
    await answer.fill('12345');
    await answer.blur();
    const error = preview.getByText('不是有效的手机号码');
    await error.waitFor();
    await app.shot(page, '05-invalid');
    await answer.fill(MOBILE);
    await error.waitFor({ state: 'detached' });
    await app.shot(page, '06-valid');

    // Undo takes the binding back (the generated key returns), redo restores it.
    await page.locator('.fd-canvas').click({ position: { x: 4, y: 4 } });
    await page.keyboard.press('Control+Z');
    await page.locator('.fd-card[data-path="applicant/mobile_1"]').waitFor();
    await page.keyboard.press('Control+Shift+Z');
    await bound.waitFor();

    // The designer edits the item the page saves: the stored form carries the bound field.
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.locator('.ant-message-success').waitFor();
    const saved = await (await app.client('admin')).get('/base-items/:code', { params: { code: ITEM } });
    const form = saved.baseItem.form!;
    expect(Object.keys(form.properties.applicant!.properties!)).toEqual([
      'applicantName',
      'idNumber',
      'birthDate',
      'phone',
      'mobile',
      'householdAddress',
    ]);
    expect(form.properties.applicant!.properties!.mobile).toEqual({
      type: 'string',
      title: '手机号码',
      format: 'cn-mobile',
      'x-component': 'mobile',
      'x-data-element': 'mobile',
    });
    await app.shot(page, '07-saved');
    await page.close();
  });
});
