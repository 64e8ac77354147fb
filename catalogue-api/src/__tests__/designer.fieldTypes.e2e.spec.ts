import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserApp } from './browserApp';
import { signIn, startBrowserApp } from './browserApp';
import { DB_LABEL } from './testApp';

// Every field type of the code list, added from the form designer's palette by clicking, shows in the live preview
// (the citizen's renderer) with its own control; a repeating table takes a column and a row. The names come from
// the code list file, not from the registry under test. Screenshots go to out/e2e/designer-field-types.
const ITEM = '0530012000';
const codes = JSON.parse(
  readFileSync(join(__dirname, '../../../schemas/json/codes.schema.json'), 'utf8'),
) as { $defs: { FieldComponent: { enum: string[]; 'x-labels': Record<string, string> } } };
const LABELS = codes.$defs.FieldComponent['x-labels'];
const LAYOUTS = ['section', 'step', 'table'];

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp('designer-field-types');
});

afterAll(() => app?.close());

describe(`every field type in the form designer (${DB_LABEL})`, () => {
  it('adds one of each from the palette, and the preview draws each with its control', async () => {
    const page = await app.page({ width: 1600, height: 1200 });
    await signIn(page, app.base, 'admin');
    // By address: the 基本目录 list's rows are another helper's fix (issue 17, response shapes).
    await page.goto(`${app.base}/designer/catalogue/${ITEM}`);
    await page.getByRole('tab', { name: '申请表' }).click();
    const palette = page.getByRole('navigation', { name: '控件' });
    await palette.waitFor();
    // Leaves first (each goes after the one before, at the top level), then 分组, 分步 (only at the top level) and
    // 重复表格 (into the 分步 selected before it), and a 单行文本 into the table as its column.
    const order = [
      ...codes.$defs.FieldComponent.enum.filter((c) => !LAYOUTS.includes(c)),
      'section',
      'step',
      'table',
      'text',
    ];
    for (const code of order) {
      await palette.getByRole('button', { name: LABELS[code], exact: true }).click();
      await page
        .locator('.fd-props')
        .getByRole('heading', { name: `${LABELS[code]}属性` })
        .waitFor();
    }
    const preview = page.locator('.fd-preview');
    for (const code of codes.$defs.FieldComponent.enum) {
      if (code === 'section' || code === 'step')
        await preview.locator(`section[aria-label="${LABELS[code]}"]`).waitFor();
      else
        await preview
          .locator('label', { hasText: new RegExp(`^${LABELS[code]}$`) })
          .first()
          .waitFor();
    }
    // Each draws its own control, as the citizen sees it.
    await preview.getByRole('textbox', { name: '身份证号', exact: true }).fill('450321197003120029');
    await preview.getByRole('combobox', { name: '下拉选择', exact: true }).waitFor();
    await preview.getByRole('group', { name: '单选', exact: true }).getByText('选项一').waitFor();
    await preview.getByText('此项材料请在受理时提交原件或复印件').waitFor();
    // The table shows its column and takes a row.
    const table = preview.locator('.ant-formily-array-table');
    await table.locator('th', { hasText: '单行文本' }).waitFor();
    await preview.getByRole('button', { name: '添加一行' }).click();
    await table.locator('tbody input').first().waitFor();
    expect(await table.locator('tbody input').count()).toBe(1);
    await app.shot(page, '01-every-type');
    await page.close();
  });
});
