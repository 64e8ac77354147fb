import type { Item } from '@oneseal/schemas';
import { formFieldEntries } from '@oneseal/schemas';
import type { Page } from 'playwright-core';
import type { BrowserApp } from './browserApp';
import { fillHomesteadApplication, startBrowserApp } from './browserApp';
import { applicant } from './homesteadApplication';
import { DB_LABEL } from './testApp';

// Issue 10: the portal under its own CSP (no 'unsafe-eval': the page is NOT opened with bypassCSP) still checks
// every field in Chinese with the checks the server compiled; a catastrophic pattern stored in an old database
// cannot freeze the page; an editor's `{{…}}` is shown, never run. Screenshots in out/e2e/portal-csp.

const YANGSHUO = '450321100';
const HOMESTEAD = '0117302000';
const HOSTILE = '^(a+)+$';
const EXPRESSION = '{{window.pwned = true}}';
// The shared applicant's ID number with a wrong check character.
const BAD_ID = applicant.idNumber.slice(0, 17) + (applicant.idNumber.endsWith('1') ? '2' : '1');

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp('portal-csp');
  // An old database: the published homestead item holds a catastrophic pattern and an editor's expression.
  const row = await app.t.store.models.PublishedItem.findOne({
    where: { regionCode: YANGSHUO, itemCode: HOMESTEAD },
  });
  const item = JSON.parse(row!.item) as Item;
  const form = item.form;
  if (!form) throw new Error(`published item ${HOMESTEAD} states no form`);
  const field = (key: string) => formFieldEntries(form).find((e) => e.path.endsWith(key))!.field;
  field('reason').pattern = HOSTILE;
  field('siteLocation').description = EXPRESSION;
  await row!.update({ item: JSON.stringify(item) });
});

afterAll(() => app?.close());

/** A phone-sized page under the server's CSP, recording every violation and every page error. */
async function strictPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await app.browser.newPage({ viewport: { width: 375, height: 740 }, locale: 'zh-CN' });
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => problems.push(`CSP: ${text}`));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation(t: string): void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    ),
  );
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('422')) problems.push(`console: ${m.text()}`);
  });
  return { page, problems };
}

/** How long the page takes to run a trivial script: a frozen page cannot. */
async function roundTrip(page: Page): Promise<number> {
  const start = performance.now();
  await page.evaluate(() => document.title);
  return performance.now() - start;
}

describe(`the portal under a CSP without eval (${DB_LABEL})`, () => {
  it('checks each field in Chinese with the server’s compiled checks, survives a hostile pattern, and submits', async () => {
    const { page, problems } = await strictPage();
    const response = await page.goto(app.base);
    expect(response!.headers()['content-security-policy']).not.toContain('unsafe-eval');
    await page.getByLabel('搜索乡镇（名称或拼音）').fill('yangshuo');
    await page.getByRole('link', { name: '阳朔镇' }).click();
    await page.getByLabel('搜索事项（名称、别名或拼音）').fill('宅基地');
    await page.getByRole('link', { name: /宅基地和建房/ }).click();
    await page.getByRole('button', { name: '在线申请' }).click();
    await page.getByRole('heading', { name: '填写申请信息' }).waitFor();

    const expectMessage = async (label: string, value: string, message: string) => {
      await page.getByLabel(label).fill(value);
      await page.getByLabel(label).blur();
      await page.getByText(message).first().waitFor();
    };
    await expectMessage('申请人姓名', '莫', '不应少于 2 个字符');
    await expectMessage('公民身份号码', BAD_ID, '不是有效的公民身份号码');
    await expectMessage('手机号码', '12345', '不是有效的手机号码');
    await expectMessage('拟申请宅基地面积', '151', '应当为 <= 150');
    await app.shot(page, '01-field-checks');

    // The editor's expression is text on the page, not code that ran.
    await page.getByText(EXPRESSION).waitFor();
    expect(await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();

    // The stored pattern would take the page minutes on this value; the browser's checks leave it to the server.
    const reason = page.getByLabel('申请理由');
    const typed = performance.now();
    await reason.fill(`${'a'.repeat(2000)}!`);
    await reason.blur();
    await page.getByText('不应多于 500 个字符').waitFor();
    const typing = performance.now() - typed;
    const idle = await roundTrip(page);
    console.log(
      `hostile pattern in the portal: typing and checking ${typing.toFixed(0)} ms, then ${idle.toFixed(0)} ms`,
    );
    expect(typing).toBeLessThan(1000);
    expect(idle).toBeLessThan(1000);
    await app.shot(page, '02-long-hostile-value');

    // Within the length, against the stored pattern: only the server (on RE2) can say, and it names the field.
    await fillHomesteadApplication(page, `${'a'.repeat(40)}!`);
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('应当匹配模式 "^(a+)+$"').waitFor();
    expect(await roundTrip(page)).toBeLessThan(1000);
    await app.shot(page, '03-server-verdict');

    await reason.fill('aaaa');
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('申请已提交').waitFor();
    await app.shot(page, '04-receipt');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the API documentation under its own CSP, with no violation', async () => {
    const { page, problems } = await strictPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const response = await page.goto(`${app.base}/api/docs`);
    expect(response!.headers()['content-security-policy']).toContain("default-src 'none'");
    await page
      .getByRole('heading', { name: /OneSeal/ })
      .first()
      .waitFor();
    await page.getByText('/api/public/regions/{code}/form-checks.js').first().waitFor();
    await app.shot(page, '05-api-docs');
    expect(problems).toEqual([]);
    await page.close();
  });
});
