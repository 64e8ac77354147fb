// The answer of POST /api/townships/:code/items/import: the model's ImportReport (results.schema.json).
import type { ImportChange, ImportReason, ImportReport } from '@oneseal/schemas';

/** The API's limit for an uploaded workbook. */
export const MAX_BYTES = 5 * 1024 * 1024;

export type ImportMode = ImportReport['mode'];
export type Reason = ImportReason;
export type Change = ImportChange;
export type { ImportReport };

/** A report as the 422 of mode=all carries it in error.report (ApiProblem.extra.report). */
export function reportOf(extra: Record<string, unknown>): ImportReport | undefined {
  const report = extra.report as ImportReport | undefined;
  return report && Array.isArray(report.accepted) && Array.isArray(report.refused) ? report : undefined;
}

/** A cell value before or after, as the editor reads it. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
    return value.join('、') || '（空）';
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/** What happened, in one sentence: the first thing an editor must know is whether anything was written. */
export function outcome(report: ImportReport): {
  type: 'success' | 'warning' | 'info' | 'error';
  text: string;
} {
  const accepted = report.accepted.length;
  const refused = report.refused.length;
  if (report.written)
    return refused > 0
      ? {
          type: 'warning',
          text: `已写入 ${accepted} 个事项的修改（保存为草稿）；${refused} 行未通过检查，没有导入。`,
        }
      : { type: 'success', text: `已写入 ${accepted} 个事项的修改，保存为草稿。` };
  if (refused > 0)
    return report.mode === 'all'
      ? {
          type: 'error',
          text: `没有写入任何内容：${refused} 行未通过检查，而所选方式要求全部校验通过才写入。`,
        }
      : { type: 'error', text: `没有写入任何内容：${refused} 行未通过检查，没有校验通过且有修改的行。` };
  return { type: 'info', text: '没有写入任何内容：导入的文件与清单一致，没有需要保存的修改。' };
}
