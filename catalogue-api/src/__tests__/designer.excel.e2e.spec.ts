import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserApp } from './browserApp';
import { signIn, startBrowserApp } from './browserApp';
import { DB_LABEL } from './testApp';

// The Excel round trip as an editor does it in the designer, in Debian's Chromium: export, change a cell in the
// workbook, import, see the change in the report and in the item; a broken row is refused and nothing changes.
const TOWNSHIP = '450321100';
const ITEM = '0117302000';

let app: BrowserApp;
let dir: string;

beforeAll(async () => {
  app = await startBrowserApp('designer-excel');
  dir = mkdtempSync(join(tmpdir(), 'oneseal-excel-'));
});

afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The export's workbook with the item's promised limit set to `value` (saved under `name`). */
async function edited(exported: string, value: number | string, name: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(exported);
  const sheet = book.getWorksheet('事项')!;
  const headers = sheet.getRow(1).values as string[];
  const codeColumn = headers.indexOf('事项编码');
  const limitColumn = headers.indexOf('承诺办结时限');
  sheet.eachRow((row, n) => {
    if (n > 1 && row.getCell(codeColumn).text === ITEM) row.getCell(limitColumn).value = value;
  });
  const path = join(dir, name);
  await book.xlsx.writeFile(path);
  return path;
}

const storedLimit = async () =>
  (
    await (
      await app.client('editor-450321100')
    ).get('/townships/:code/items/:itemCode', { params: { code: TOWNSHIP, itemCode: ITEM } })
  ).implementation.promisedLimit?.value;

describe(`Excel round trip in the designer (${DB_LABEL})`, () => {
  it('exports, takes an edited cell back, and refuses a broken row without changing anything', async () => {
    const page = await app.page();
    await signIn(page, app.base, 'editor-450321100');
    await page.getByRole('button', { name: 'Excel 导入导出' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Excel', exact: true }).click(),
    ]);
    const exported = join(dir, 'export.xlsx');
    await download.saveAs(exported);
    await app.shot(page, '01-export');

    await page.locator('input[type=file]').setInputFiles(await edited(exported, 7, 'good.xlsx'));
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.getByRole('heading', { name: '导入报告' }).waitFor();
    await page.getByText(/已写入的行（1 行）/).waitFor();
    expect(await storedLimit()).toBe(7);
    await app.shot(page, '02-imported');

    // A promised limit above the statutory 20 working days: refused, and the item keeps its 7.
    await page.locator('input[type=file]').setInputFiles(await edited(exported, 45, 'broken.xlsx'));
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.getByText(/未通过检查的行（1 行，未导入）/).waitFor();
    await page
      .getByText(/超过法定办结时限/)
      .first()
      .waitFor();
    expect(await storedLimit()).toBe(7);
    await app.shot(page, '03-refused');
    await page.close();
  });
});
