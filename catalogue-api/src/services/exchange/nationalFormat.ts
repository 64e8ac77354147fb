import type { ExchangeList } from '@oneseal/schemas';

/**
 * The exchange file's own frame around the items: which format and which list it is, and for a township's
 * list, which township. The JSON file holds these as its top-level members; the workbook as the rows of its
 * first sheet. No export time is written, so exporting the same catalogue twice gives the same file.
 */
export const FORMAT_NAME = 'OneSeal 政务服务事项交换（GB/T 39046-2020 要素）';
export const FORMAT_VERSION = 1;

export const FRAME = {
  format: '交换格式',
  formatVersion: '交换格式版本',
  list: '清单类型',
  regionCode: '乡镇（街道）代码',
  regionName: '乡镇（街道）名称',
  items: '事项',
} as const;

export const LIST_NAMES: Record<ExchangeList, string> = { implementation: '实施清单', base: '基本目录' };

export const EXCHANGE_SHEETS = { frame: '交换信息', items: '事项', materials: '申请材料' } as const;

/** The column of the materials sheet that names the row's item (基本编码 in both lists). */
export const MATERIAL_ITEM_COLUMN = '基本编码';

export type NationalFormat = 'national-json' | 'national-xlsx';
export const NATIONAL_FORMATS: readonly NationalFormat[] = ['national-json', 'national-xlsx'];

export const JSON_TYPE = 'application/json';
