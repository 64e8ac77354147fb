import { codeLabel } from '../codeLists';
import type { FeeItem, LegalBasis, MaterialForm, MaterialRequirement } from '../generated/types';
import { exceedsLimit, formatTimeLimit } from '../timeLimit';
import type { Rule, Violation } from './rule';

// How much each material form demands of the applicant: an implementation may only move down this scale.
const FORM_DEMAND: Record<MaterialForm, number> = { '3': 3, '1': 2, '2': 1, '4': 1 };

const basisKey = (b: LegalBasis) => `${b.law.trim()}|${(b.article ?? '').trim()}`;

/** Only what both state is compared: a requirement the base item leaves open cannot be loosened. */
function stricterMaterial(
  selection: Partial<MaterialRequirement>,
  standard: MaterialRequirement,
  at: string,
): Violation[] {
  const out: Violation[] = [];
  // Necessity codes run from the strictest (1 必要) to the most lenient (4 信息免交).
  if (
    selection.necessity !== undefined &&
    standard.necessity !== undefined &&
    Number(selection.necessity) < Number(standard.necessity)
  )
    out.push({
      path: `${at}/necessity`,
      message: `材料必要性“${codeLabel('MaterialNecessity', selection.necessity)}”严于基本目录的“${codeLabel('MaterialNecessity', standard.necessity)}”`,
    });
  if (
    selection.form !== undefined &&
    standard.form !== undefined &&
    FORM_DEMAND[selection.form] > FORM_DEMAND[standard.form]
  )
    out.push({
      path: `${at}/form`,
      message: `材料形式“${codeLabel('MaterialForm', selection.form)}”严于基本目录的“${codeLabel('MaterialForm', standard.form)}”`,
    });
  for (const key of ['originals', 'copies'] as const) {
    const value = selection[key];
    const limit = standard[key];
    if (value !== undefined && limit !== undefined && value > limit)
      out.push({
        path: `${at}/${key}`,
        message: `${key === 'originals' ? '原件' : '复印件'}份数 ${value} 多于基本目录的 ${limit}`,
      });
  }
  return out;
}

/**
 * (a) conformance: an implementation may tighten its base item (ask less of the applicant), never loosen it.
 * Each rule compares what both documents state; an element either leaves unstated cannot contradict the other.
 */
export const CONFORMANCE_RULES: readonly Rule[] = [
  {
    id: 'conformance.base-code',
    severity: 'error',
    title: '实施清单须引用对应的基本目录事项',
    check: (impl, base) =>
      impl.baseCode === base.code
        ? []
        : [{ path: '/baseCode', message: `基本编码 ${impl.baseCode} 与基本目录事项 ${base.code} 不一致` }],
  },
  {
    id: 'conformance.base-active',
    severity: 'error',
    title: '不能实施已取消的基本目录事项',
    check: (_impl, base) =>
      base.status === 'cancelled'
        ? [{ path: '/baseCode', message: `基本目录事项“${base.name}”已取消，不能继续实施` }]
        : [],
  },
  {
    id: 'conformance.same-type',
    severity: 'error',
    title: '事项类型须与基本目录一致',
    check: (impl, base) =>
      impl.type === undefined || base.type === undefined || impl.type === base.type
        ? []
        : [
            {
              path: '/type',
              message: `事项类型“${codeLabel('ItemType', impl.type)}”与基本目录的“${codeLabel('ItemType', base.type!)}”不一致`,
            },
          ],
  },
  {
    id: 'conformance.same-legal-basis',
    severity: 'error',
    title: '设定依据须与基本目录一致',
    check: (impl, base) => {
      if (impl.legalBasis === undefined) return [];
      const own = new Set(impl.legalBasis.map(basisKey));
      const standard = new Set((base.legalBasis ?? []).map(basisKey));
      const same = own.size === standard.size && [...own].every((k) => standard.has(k));
      return same
        ? []
        : [{ path: '/legalBasis', message: '设定依据与基本目录不一致：实施清单不能增减或改写法律依据' }];
    },
  },
  {
    id: 'conformance.promised-within-statutory',
    severity: 'error',
    title: '承诺办结时限不得超过法定办结时限',
    check: (impl, base) =>
      impl.promisedLimit && base.statutoryLimit && exceedsLimit(impl.promisedLimit, base.statutoryLimit)
        ? [
            {
              path: '/promisedLimit',
              message: `承诺办结时限 ${formatTimeLimit(impl.promisedLimit)} 超过法定办结时限 ${formatTimeLimit(base.statutoryLimit)}`,
            },
          ]
        : [],
  },
  {
    id: 'conformance.materials-subset',
    severity: 'error',
    title: '申请材料只能取自基本目录',
    check: (impl, base) => {
      const standard = new Set(base.materials.map((m) => m.material));
      return impl.materials.flatMap((m, i) =>
        standard.has(m.material)
          ? []
          : [
              {
                path: `/materials/${i}/material`,
                message: `材料 ${m.material} 不在基本目录规定的材料中，不能增加材料`,
              },
            ],
      );
    },
  },
  {
    id: 'conformance.materials-not-stricter',
    severity: 'error',
    title: '材料要求不得严于基本目录',
    check: (impl, base) => {
      const standard = new Map(base.materials.map((m) => [m.material, m]));
      return impl.materials.flatMap((m, i) => {
        const requirement = standard.get(m.material);
        return requirement ? stricterMaterial(m, requirement, `/materials/${i}`) : [];
      });
    },
  },
  {
    id: 'conformance.visits-within-base',
    severity: 'error',
    title: '到现场次数不得多于基本目录',
    check: (impl, base) =>
      impl.visits === undefined || base.maxVisits === undefined || impl.visits <= base.maxVisits
        ? []
        : [
            {
              path: '/visits',
              message: `到现场次数 ${impl.visits} 多于基本目录规定的最多 ${base.maxVisits} 次`,
            },
          ],
  },
  {
    id: 'conformance.fees-within-base',
    severity: 'error',
    title: '收费不得超出基本目录的收费项目',
    check: (impl, base) => {
      if (!impl.fees?.charged || base.fees === undefined) return [];
      if (!base.fees.charged)
        return [{ path: '/fees/charged', message: '基本目录事项不收费，实施清单不能收费' }];
      if (base.fees.items === undefined) return [];
      const standard = new Set(base.fees.items.map((f: FeeItem) => f.name));
      return (impl.fees.items ?? []).flatMap((f, i) =>
        standard.has(f.name)
          ? []
          : [{ path: `/fees/items/${i}/name`, message: `收费项目“${f.name}”不在基本目录的收费项目中` }],
      );
    },
  },
];
