import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '@oneseal/runtime';
import type { ApiClient } from '@oneseal/schemas';
import { createClient } from '@oneseal/schemas';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { applicant, building } from './homesteadApplication';
import type { TestApp } from './testApp';
import { createTestApp } from './testApp';

const ROOT = join(__dirname, '..', '..', '..');
const AXE = require.resolve('axe-core/axe.min.js');

/** A seeded app served on a port with its built web apps, and Debian's Chromium to drive them. */
export interface BrowserApp {
  t: TestApp;
  base: string;
  browser: Browser;
  /** The typed client over HTTP to this app's /api, signed in as `username` (a seeded user) or anonymous. */
  client(username?: string): Promise<ApiClient>;
  /** A new page; `bypassCSP` only so the tests can inject axe-core. */
  page(viewport?: { width: number; height: number }): Promise<Page>;
  /** A full-page screenshot in out/e2e/<folder>/<name>.png, for a person to look at. */
  shot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startBrowserApp(folder: string): Promise<BrowserApp> {
  for (const app of ['portal/dist', 'designer/dist'])
    if (!existsSync(join(ROOT, app, 'index.html'))) throw new Error(`${app} is not built: npm run build`);
  const shots = join(ROOT, 'out', 'e2e', folder);
  mkdirSync(shots, { recursive: true });
  const t = await createTestApp();
  const server: Server = createServer(t.app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    t,
    base,
    browser,
    async client(username) {
      const token = username ? (await t.as(username)).Authorization.replace(/^Bearer /, '') : undefined;
      return createClient(fetch, { baseUrl: `${base}/api`, token });
    },
    async page(viewport = { width: 1280, height: 900 }) {
      const page = await browser.newPage({ viewport, locale: 'zh-CN', bypassCSP: true });
      page.setDefaultTimeout(15_000);
      return page;
    },
    async shot(page, name) {
      await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await t.close();
    },
  };
}

/** axe-core's serious and critical findings on the page as it stands. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Signs in through the designer's login page. */
export async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/designer/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('oneseal-demo');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出' }).waitFor();
}

/** Fills the portal's application for 宅基地 (0117302000) with the shared answers (homesteadApplication.ts). */
export async function fillHomesteadApplication(page: Page, reason = building.reason): Promise<void> {
  await page.getByLabel('申请人姓名').fill(applicant.applicantName);
  await page.getByLabel('公民身份号码').fill(applicant.idNumber);
  await page.getByLabel('户籍地址').fill(applicant.householdAddress);
  await page.getByLabel('所在村（社区）').fill(applicant.village);
  await page.getByLabel('手机号码').fill(applicant.mobile);
  await page.getByLabel('共同生活家庭人口数').fill(String(applicant.familySize));
  await page.getByRole('group', { name: '建房类型' }).getByText('新建', { exact: true }).click();
  await page.getByLabel('拟用地位置（四至）').fill(building.siteLocation);
  await page.getByLabel('拟申请宅基地面积').fill(String(building.landArea));
  await page.getByLabel('拟建层数').fill(String(building.floors));
  await page.getByLabel('拟建建筑面积').fill(String(building.floorArea));
  await page.getByLabel('申请理由').fill(reason);
}
