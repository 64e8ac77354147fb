import type { FormField, FormFields, Item } from '@oneseal/schemas';
import { evaluateCondition, FIELD_TYPES, formatTimeLimit, isConsultChannel } from '@oneseal/schemas';
import type { MergedForm } from '../forms';
import { materialUse } from '../forms/mergeMaterials';
import { formatQueryCode } from '../queryCode';
import type { MaterialColumns, MaterialRow } from './guideView';
import { materialColumns, materialRow } from './guideView';
import { contactRows } from './text';

/** A submitted application: the items at the versions it was made on, their merged form and the answers. */
export interface SubmittedApplication {
  reference: string;
  /** YYYY-MM-DD, China time. */
  date: string;
  townshipName: string;
  items: readonly Item[];
  merged: MergedForm;
  data: Record<string, unknown>;
  /** Printed on the applicant's own copy; staff printing from their list do not know it (it is kept hashed). */
  queryCode?: string;
}

export interface AnswerGroup {
  title: string;
  rows: { label: string; value: string }[];
}

export interface ApplicationView {
  reference: string;
  /** ABCDE-FGHJK, when the applicant asked with it. */
  queryCode?: string;
  date: string;
  township: string;
  items: {
    name: string;
    /** "阳朔县阳朔镇人民政府 · 第 2 版": what the item states of its body and version. */
    source: string;
    /** Where to bring the materials, the promised limit and the phone to ask: what the item states of them. */
    where: string;
  }[];
  groups: AnswerGroup[];
  materials: MaterialRow[];
  columns: MaterialColumns;
}

function answerText(field: FormField, value: unknown): string {
  if (value === undefined || value === null || value === '') return '（未填写）';
  const label = (v: unknown) => field.enum?.find((o) => o.value === v)?.label ?? String(v);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) {
    if (value.length === 0) return '（未填写）';
    if (field.items?.type === 'object') {
      const columns = Object.entries(field.items.properties ?? {});
      return value
        .map((row, i) => {
          const cells = columns.map(
            ([key, column]) =>
              `${column.title}：${answerText(column, (row as Record<string, unknown>)[key])}`,
          );
          return `${i + 1}. ${cells.join('，')}`;
        })
        .join('；');
    }
    return value.map(label).join('、');
  }
  return label(value);
}

/**
 * Walks the merged form as the applicant saw it: a field whose condition did not hold was not shown, so it is
 * not printed; a section becomes a group of label–answer rows.
 */
function collect(
  fields: FormFields,
  values: Record<string, unknown>,
  root: Record<string, unknown>,
  group: AnswerGroup,
  groups: AnswerGroup[],
  within = '',
): void {
  for (const [key, field] of Object.entries(fields)) {
    if (field['x-visible-when'] && !evaluateCondition(field['x-visible-when'], root)) continue;
    // Inside an item's part of a one-table form, a section is named with its item: 乡村建设规划许可证核发 · 申请人信息.
    const title = within ? `${within} · ${field.title}` : field.title;
    if (field.type === 'void') {
      const inner = { title, rows: [] };
      collect(field.properties ?? {}, values, root, inner, groups, within);
      if (inner.rows.length > 0) groups.push(inner);
    } else if (field.type === 'object') {
      const inner = { title, rows: [] };
      groups.push(inner);
      const nested = (values[key] as Record<string, unknown>) ?? {};
      collect(field.properties ?? {}, nested, root, inner, groups, title);
    } else if (FIELD_TYPES[field['x-component']].answered)
      group.rows.push({ label: field.title, value: answerText(field, values[key]) });
  }
}

/** The filled application form and the merged 一次性告知 of a submission, as the printed documents lay them out. */
export function applicationView(application: SubmittedApplication): ApplicationView {
  const names = new Map(application.items.map((i) => [i.code, i.name]));
  const groups: AnswerGroup[] = [];
  const loose: AnswerGroup = { title: '申请信息', rows: [] };
  collect(application.merged.form.properties, application.data, application.data, loose, groups);
  if (loose.rows.length > 0) groups.unshift(loose);
  const materials = application.merged.materials.map((m, i) => {
    if (application.items.length === 1) return materialRow(m, i + 1);
    // Each item's own name, necessity, situation and exemption go with the item in the "用于" note.
    const row = materialRow({ ...m, when: undefined }, i + 1);
    row.notes = [materialUse(m, (c) => names.get(c) ?? c), ...row.notes];
    return row;
  });
  return {
    reference: application.reference,
    ...(application.queryCode ? { queryCode: formatQueryCode(application.queryCode) } : {}),
    date: application.date,
    township: application.townshipName,
    items: application.items.map((i) => ({
      name: i.name,
      source: [i.implementingBody?.name, i.version === undefined ? undefined : `第 ${i.version} 版`]
        .filter(Boolean)
        .join(' · '),
      where: [
        i.place,
        i.promisedLimit ? `承诺时限 ${formatTimeLimit(i.promisedLimit)}` : undefined,
        ...contactRows((i.contacts ?? []).filter(isConsultChannel), i.regionCode).map(
          (r) => `${r.label} ${r.value}`,
        ),
      ]
        .filter(Boolean)
        .join('；'),
    })),
    // Sections of items with no own fields print nothing; the groups keep the merged form's order.
    groups: groups.filter((g) => g.rows.length > 0),
    materials,
    columns: materialColumns(materials),
  };
}
