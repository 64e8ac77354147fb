import type { Cell, Worksheet } from 'exceljs';
import { Workbook } from 'exceljs';
import { badRequest } from '../../http/errors';
import type { CellValue, Column, Role } from './columns';
import { normalizeHeader } from './columns';

/** The most a workbook may unpack to (as its zip directory declares), and the most files it may hold. */
const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
const MAX_ENTRIES = 2000;
/** Rows and cells per row exceljs may read from a sheet. */
const MAX_ROWS = 20000;
const MAX_COLUMNS = 500;
/**
 * Parts of a sheet the import never reads. Besides being useless here, data validations, merges and
 * conditional formats name ranges that exceljs expands cell by cell: A1:XFD1048576 would take the process down.
 */
const IGNORED_NODES = [
  'dataValidations',
  'mergeCells',
  'conditionalFormatting',
  'extLst',
  'hyperlinks',
  'drawing',
  'picture',
  'tableParts',
  'rowBreaks',
];

const notXlsx = (why: string) =>
  badRequest({
    zh: `上传的文件不是有效的 Excel 工作簿（.xlsx）：${why}。请上传由“导出”得到并修改后的文件`,
    en: `The body is not a valid .xlsx workbook (${why})`,
  });

/**
 * Reads the zip directory of an .xlsx without unpacking anything: it must be a zip that holds a workbook and
 * does not declare more than MAX_UNPACKED_BYTES.
 */
function checkZip(data: Buffer): void {
  if (data.length < 22 || data.readUInt32LE(0) !== 0x04034b50)
    throw notXlsx('不是 zip 格式（.xlsx 文件本身）');
  // End of central directory: 22 bytes plus a comment of up to 64 KiB, at the end of the file.
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--)
    if (data.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) throw notXlsx('文件不完整');
  const entries = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  if (entries > MAX_ENTRIES) throw notXlsx('包含的文件过多');
  let unpacked = 0;
  let workbook = false;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== 0x02014b50) throw notXlsx('zip 目录已损坏');
    const size = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    if (size === 0xffffffff) throw notXlsx('文件过大');
    unpacked += size;
    if (name === 'xl/workbook.xml') workbook = true;
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  if (unpacked > MAX_UNPACKED_BYTES) throw notXlsx('解压后过大');
  if (!workbook) throw notXlsx('其中没有工作簿（可能是 Word 文档或其他 zip 文件）');
}

/** The uploaded bytes as a workbook, or a 400 with a zh message. */
export async function readWorkbook(data: Buffer): Promise<Workbook> {
  if (data.length === 0)
    throw badRequest({
      zh: '请求体为空：请上传 Excel 工作簿（.xlsx）文件本身',
      en: 'The body is empty; send the .xlsx file',
    });
  checkZip(data);
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(
      data as unknown as ArrayBuffer,
      {
        ignoreNodes: IGNORED_NODES,
        maxRows: MAX_ROWS,
        maxCols: MAX_COLUMNS,
      } as { ignoreNodes: string[] },
    );
  } catch (error) {
    const text = String((error as Error).message ?? error);
    throw notXlsx(/max.*exceeded/i.test(text) ? '行数或列数过多' : '内容无法读取，文件可能已损坏');
  }
  return workbook;
}

export type ReadCell = { value: CellValue } | { error: string };

/** A cell as text, number or boolean: rich text joined, formulas by their cached result, dates as YYYY-MM-DD. */
export function readCell(cell: Cell): ReadCell {
  return normalize(cell.value, 0);
}

function normalize(value: unknown, depth: number): ReadCell {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === 'string') {
    const text = value.trim();
    return { value: text === '' ? null : text };
  }
  if (typeof value === 'number')
    return Number.isFinite(value) ? { value } : { error: '单元格不是有效的数字' };
  if (typeof value === 'boolean') return { value };
  if (value instanceof Date) return { value: value.toISOString().slice(0, 10) };
  if (typeof value === 'object' && depth < 3) {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return normalize((v.richText as { text?: string }[]).map((r) => r.text ?? '').join(''), depth + 1);
    if (typeof v.error === 'string') return { error: `单元格的值是错误 ${v.error}` };
    if ('formula' in v || 'sharedFormula' in v)
      return v.result === undefined
        ? { error: '公式没有计算结果，请在 Excel 中打开并保存后再导入' }
        : normalize(v.result, depth + 1);
    if ('text' in v) return normalize(v.text, depth + 1);
  }
  return { error: '无法识别单元格的内容' };
}

export interface SheetRow<Col> {
  /** The row number in the sheet (the header is row 1). */
  row: number;
  /** The cells of the known columns present in the sheet. */
  cells: Map<Col, ReadCell>;
}

export interface ReadSheet<Col> {
  name: string;
  /** Known columns by role, when the sheet has them. */
  byRole: Map<Role, Col>;
  /** Headers the table does not know, or that appear twice: every row of the workbook is refused for them. */
  badHeaders: { column: string; message: string }[];
  rows: SheetRow<Col>[];
}

/**
 * The header row matched against the column table (unknown or repeated headers are noted), then every row
 * holding a value, its known cells read. A column the table marks with a role in `required` must be there.
 */
export function readSheet<T, C>(
  sheet: Worksheet,
  columns: readonly Column<T, C>[],
  required: readonly Role[],
): ReadSheet<Column<T, C>> {
  const name = sheet.name;
  const byNumber = new Map<number, Column<T, C>>();
  const badHeaders: ReadSheet<Column<T, C>>['badHeaders'] = [];
  sheet.getRow(1).eachCell((cell, number) => {
    const read = readCell(cell);
    const header = 'value' in read && read.value !== null ? normalizeHeader(String(read.value)) : '';
    if (!header) return;
    const column = columns.find((c) => normalizeHeader(c.header) === header);
    if (!column)
      badHeaders.push({
        column: header,
        message: `“${name}”工作表中的列“${header}”无法识别：请使用导出文件中的列名，不要增加或改名`,
      });
    else if ([...byNumber.values()].includes(column))
      badHeaders.push({ column: header, message: `“${name}”工作表中的列“${header}”出现了两次` });
    else byNumber.set(number, column);
  });
  const byRole = new Map<Role, Column<T, C>>();
  for (const column of byNumber.values()) if (column.role) byRole.set(column.role, column);
  for (const role of required)
    if (!byRole.has(role)) {
      const header = columns.find((c) => c.role === role)?.header ?? role;
      throw badRequest({
        zh: `“${name}”工作表缺少“${header}”列（第 1 行应为列名）。请使用导出的文件修改后再导入`,
        en: `Sheet ${name} lacks the column ${header}`,
      });
    }

  const rows: SheetRow<Column<T, C>>[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    let blank = true;
    row.eachCell((cell) => {
      const read = readCell(cell);
      if (!('value' in read) || read.value !== null) blank = false;
    });
    if (blank) return;
    const cells = new Map<Column<T, C>, ReadCell>();
    for (const [n, column] of byNumber) cells.set(column, readCell(row.getCell(n)));
    rows.push({ row: number, cells });
  });
  return { name, byRole, badHeaders, rows };
}

/** The text of a cell of a key column (item code, material code), or undefined when blank or unreadable. */
export function keyText(cell: ReadCell | undefined): string | undefined {
  if (!cell || !('value' in cell) || cell.value === null) return undefined;
  return String(cell.value).trim();
}
