// Checks a form typed as JSON before the designer takes it: JSON syntax, the item-form schema (with the model's own
// ajv, formats and zh-CN messages), then what the schema cannot see. No React, so jest runs it in node.
import type { ItemForm, ValidateFunction } from '@oneseal/schemas';
import { createAjv, SCHEMA_IDS, toIssues } from '@oneseal/schemas';
import type { FormIssue } from './formIssues';
import { formIssues } from './formIssues';

let validator: ValidateFunction | undefined;

function itemFormValidator(): ValidateFunction {
  if (!validator) {
    const compiled = createAjv().getSchema(SCHEMA_IDS['item-form']);
    if (!compiled) throw new Error(`schema ${SCHEMA_IDS['item-form']} is not registered`);
    validator = compiled;
  }
  return validator;
}

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** Where JSON.parse stopped, from its message ("… at position 42" or "… (line 3 column 5)"). */
function syntaxIssue(text: string, error: unknown): FormIssue {
  const message = error instanceof Error ? error.message : String(error);
  const lc = /line (\d+) column (\d+)/.exec(message);
  const position = /position (\d+)/.exec(message);
  const where = lc
    ? { line: Number(lc[1]), column: Number(lc[2]) }
    : position
      ? lineColumn(text, Number(position[1]))
      : undefined;
  if (/Unexpected end of JSON input/i.test(message) || (position && Number(position[1]) >= text.length))
    return { path: '', message: 'JSON 不完整：缺少结尾的括号或引号' };
  return {
    path: '',
    message: where ? `JSON 格式有误：第 ${where.line} 行第 ${where.column} 列附近` : 'JSON 格式有误',
  };
}

/** Either the form (with any warnings about it) or the errors that keep it from being taken. */
export type FormCheck =
  { ok: true; form: ItemForm; issues: FormIssue[] } | { ok: false; issues: FormIssue[] };

/** The form a person typed, or why it cannot be taken (every message in Chinese, each with its JSON Pointer). */
export function checkFormJson(text: string): FormCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [syntaxIssue(text, error)] };
  }
  return checkForm(value);
}

/** A parsed value checked as an ItemForm. */
export function checkForm(value: unknown): FormCheck {
  const validate = itemFormValidator();
  if (!validate(value)) return { ok: false, issues: toIssues(validate.errors) };
  const form = value as ItemForm;
  const issues = formIssues(form);
  return issues.some((i) => i.severity !== 'warning') ? { ok: false, issues } : { ok: true, form, issues };
}
