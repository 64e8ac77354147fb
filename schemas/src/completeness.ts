import { isComplaintChannel, isConsultChannel } from './contacts';
import type { Completeness, Item, ItemType } from './generated/types';

/** One element of the national element set of a service item (GB/T 39046-2020 and the 办事指南 sections). */
export interface ElementDefinition {
  /** The item's property that holds the element. */
  key: keyof Item;
  label: string;
  /** Item types that must state it; every type when absent. */
  types?: readonly ItemType[];
  stated(item: Item): boolean;
}

const has = (value: unknown): boolean =>
  value !== undefined &&
  value !== null &&
  (typeof value !== 'string' || value.trim() !== '') &&
  (!Array.isArray(value) || value.length > 0);

const element = (
  key: keyof Item,
  label: string,
  rest: Partial<ElementDefinition> = {},
): ElementDefinition => ({
  key,
  label,
  stated: (item) => has(item[key]),
  ...rest,
});

/** The element set a complete guide states, in the order of an implementation list. */
export const ELEMENT_SET: readonly ElementDefinition[] = [
  element('type', '事项类型'),
  element('legalBasis', '设定依据'),
  element('exerciseLevel', '行使层级'),
  element('powerSource', '权力来源'),
  element('implementingBody', '实施主体', { stated: (item) => has(item.implementingBody?.name) }),
  element('serviceObjects', '服务对象'),
  element('acceptanceConditions', '受理条件'),
  element('materials', '申请材料'),
  element('process', '办理流程'),
  element('statutoryLimit', '法定办结时限'),
  element('promisedLimit', '承诺办结时限'),
  element('caseType', '办件类型'),
  element('handlingForms', '办理形式'),
  element('visits', '到办事现场次数'),
  element('online', '网上办理'),
  element('inHall', '是否进驻政务服务大厅'),
  element('handlingScope', '通办范围'),
  element('fees', '收费'),
  element('benefitStandard', '给付标准', { types: ['05'] }),
  element('result', '办理结果'),
  element('place', '办理地点'),
  element('hours', '办理时间'),
  element('contacts', '咨询方式', { stated: (item) => (item.contacts ?? []).some(isConsultChannel) }),
  element('contacts', '监督投诉方式', {
    stated: (item) => (item.contacts ?? []).some(isComplaintChannel),
  }),
];

// 给付标准 applies to 行政给付; while the type itself is unstated, nothing type-specific is asked for.
const applies = (definition: ElementDefinition, item: Item) =>
  !definition.types || (item.type !== undefined && definition.types.includes(item.type));

/**
 * How much of the national element set an item states. An element a guide leaves out is a warning for the
 * editor to find out, never a reason to refuse the item, and never filled in for them.
 */
export function assessCompleteness(item: Item): Completeness {
  const applicable = ELEMENT_SET.filter((definition) => applies(definition, item));
  const missing = applicable
    .filter((definition) => !definition.stated(item))
    .map(({ key, label }) => ({
      path: `/${key}`,
      label,
      message: `未载明${label}（全国政务服务事项基本要素要求）`,
    }));
  const total = applicable.length;
  const stated = total - missing.length;
  return { score: total === 0 ? 1 : stated / total, stated, total, missing };
}
