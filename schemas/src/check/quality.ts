import { isComplaintChannel } from '../contacts';
import type { StepStage } from '../generated/types';
import { isOnlineAvailable } from '../tags';
import { toWorkdays } from '../timeLimit';
import type { Rule, Violation } from './rule';
import { basePath } from './rule';

const LICENCE = '01';
// 受理、审查、决定、办结、送达: the steps a 行政许可 must show (行政许可标准化指引).
const LICENCE_STAGES: readonly [StepStage, string][] = [
  ['accept', '受理'],
  ['review', '审查'],
  ['decide', '决定'],
  ['issue', '办结'],
  ['deliver', '送达'],
];
const CATCH_ALL = /法律[、，,]?法规规定的其他(条件|情形)/;

const when = (broken: boolean, violation: Violation): Violation[] => (broken ? [violation] : []);
const digits = (phone: string) => phone.replace(/\D/g, '');

/**
 * (b) the quality rules of real platforms, on the element values the applicant will see. Errors are for what
 * is wrong or contradictory; what a good guide should also say is a warning. A rule only reads what the item
 * states: an element left unstated never fires a rule (the completeness score reports it instead), so no rule
 * can push an editor into inventing a value.
 */
export const QUALITY_RULES: readonly Rule[] = [
  {
    id: 'quality.immediate-case-limit',
    severity: 'error',
    title: '即办件的承诺时限应为即办',
    check: (impl) =>
      when(
        impl.caseType === '1' && impl.promisedLimit !== undefined && impl.promisedLimit.none !== 'immediate',
        { path: '/promisedLimit', message: '办件类型为即办件，承诺办结时限应为即办' },
      ),
  },
  {
    id: 'quality.zero-limit-is-immediate',
    severity: 'warning',
    title: '承诺时限为即办的事项宜标为即办件',
    check: (impl) =>
      when(impl.promisedLimit?.none === 'immediate' && impl.caseType !== undefined && impl.caseType !== '1', {
        path: '/caseType',
        message: '承诺办结时限为即办，办件类型宜为即办件',
      }),
  },
  {
    id: 'quality.full-online-zero-visits',
    severity: 'error',
    title: '全程网办事项到现场次数应为 0',
    check: (impl) =>
      when(impl.online?.available === true && impl.online.depth === '4' && (impl.visits ?? 0) > 0, {
        path: '/visits',
        message: '网上办理深度为全程网办，到现场次数应为 0',
      }),
  },
  {
    id: 'quality.zero-visits-channel',
    severity: 'error',
    title: '零跑动且不能网办的事项须提供快递申请',
    check: (impl) =>
      when(
        impl.visits === 0 &&
          impl.online !== undefined &&
          !isOnlineAvailable(impl) &&
          impl.handlingForms !== undefined &&
          !impl.handlingForms.includes('4'),
        {
          path: '/handlingForms',
          message: '到现场次数为 0 且不能网上办理，办理形式中应包含快递申请',
        },
      ),
  },
  {
    id: 'quality.visit-reason',
    severity: 'warning',
    title: '需要到现场的事项宜说明原因',
    check: (impl) =>
      when((impl.visits ?? 0) > 0 && !impl.visitReason?.trim(), {
        path: '/visitReason',
        message: `到现场次数为 ${impl.visits ?? 0}，宜说明必须现场办理的原因`,
      }),
  },
  {
    id: 'quality.online-address',
    severity: 'warning',
    title: '可网办的事项宜提供网办地址和办理深度',
    check: (impl) =>
      impl.online?.available
        ? [
            ...when(!impl.online.url, { path: '/online/url', message: '可网上办理的事项宜写明网办地址' }),
            ...when(!impl.online.depth, {
              path: '/online/depth',
              message: '可网上办理的事项宜写明网上办理深度',
            }),
          ]
        : [],
  },
  {
    id: 'quality.fee-items-uncharged',
    severity: 'error',
    title: '不收费的事项不能列出收费项目',
    check: (impl, base) => {
      const fees = impl.fees ?? base.fees;
      const at = impl.fees ? '/fees' : basePath('/fees');
      return when(fees?.charged === false && (fees.items?.length ?? 0) > 0, {
        path: `${at}/items`,
        message: '事项不收费，不应列出收费项目',
      });
    },
  },
  {
    id: 'quality.fee-basis',
    severity: 'warning',
    title: '收费事项宜列明收费项目、标准和依据',
    check: (impl, base) => {
      const fees = impl.fees ?? base.fees;
      const at = impl.fees ? '/fees' : basePath('/fees');
      if (!fees?.charged) return [];
      const items = fees.items ?? [];
      if (items.length === 0) return [{ path: `${at}/items`, message: '收费事项宜列出收费项目和标准' }];
      return items.flatMap((f, i) =>
        when(!f.basis?.trim(), {
          path: `${at}/items/${i}/basis`,
          message: `收费项目“${f.name}”宜写明收费依据`,
        }),
      );
    },
  },
  {
    id: 'quality.fee-online-payment',
    severity: 'warning',
    title: '可网办的收费事项宜支持网上支付',
    check: (impl, base) =>
      when(
        (impl.fees ?? base.fees)?.charged === true && isOnlineAvailable(impl) && impl.onlinePayment === false,
        {
          path: '/onlinePayment',
          message: '事项收费且可网上办理，宜支持网上支付',
        },
      ),
  },
  {
    id: 'quality.contacts-differ',
    severity: 'warning',
    title: '咨询电话与监督投诉电话宜不同',
    check: (impl) => {
      const contacts = impl.contacts ?? [];
      const consult = new Set(
        contacts.filter((c) => c.kind === 'consult' && c.phone).map((c) => digits(c.phone!)),
      );
      return contacts.flatMap((c, i) =>
        when(isComplaintChannel(c) && c.phone !== undefined && consult.has(digits(c.phone)), {
          path: `/contacts/${i}/phone`,
          message: '监督投诉电话与咨询电话相同，宜由不同机构受理投诉',
        }),
      );
    },
  },
  {
    id: 'quality.licence-steps',
    severity: 'warning',
    title: '行政许可事项宜有受理、审查、决定、办结、送达等至少 5 个环节',
    check: (_impl, base) => {
      const process = base.process ?? [];
      if (base.type !== LICENCE || process.length === 0) return [];
      const stages = new Set(process.map((s) => s.stage));
      const missing = LICENCE_STAGES.filter(([stage]) => !stages.has(stage)).map(([, label]) => label);
      const problems = [
        ...(process.length < 5 ? [`至少应有 5 个办理环节，现有 ${process.length} 个`] : []),
        ...(missing.length > 0 ? [`缺少${missing.join('、')}环节`] : []),
      ];
      return when(problems.length > 0, {
        path: basePath('/process'),
        message: `行政许可事项${problems.join('；')}`,
      });
    },
  },
  {
    id: 'quality.licence-faq',
    severity: 'warning',
    title: '行政许可事项宜有常见问题',
    check: (impl, base) =>
      when(base.type === LICENCE && (base.faq?.length ?? 0) + (impl.faq?.length ?? 0) === 0, {
        path: '/faq',
        message: '行政许可事项宜提供至少 1 条常见问题解答',
      }),
  },
  {
    id: 'quality.result-sample',
    severity: 'warning',
    title: '有名称的审批结果宜提供样本',
    check: (_impl, base) =>
      when(base.result?.name !== undefined && base.result.type !== '4' && !base.result.sample, {
        path: basePath('/result/sample'),
        message: `审批结果“${base.result?.name ?? ''}”宜提供结果样本`,
      }),
  },
  {
    id: 'quality.no-catch-all-condition',
    severity: 'warning',
    title: '受理条件不应使用“法律法规规定的其他条件”等兜底表述',
    check: (_impl, base) =>
      (base.acceptanceConditions ?? []).flatMap((text, i) =>
        when(CATCH_ALL.test(text), {
          path: basePath(`/acceptanceConditions/${i}`),
          message: '受理条件不应使用“法律法规规定的其他条件”等兜底表述，应逐项列明',
        }),
      ),
  },
  {
    id: 'quality.in-hall',
    severity: 'warning',
    title: '依申请事项应进驻政务服务大厅（应进必进）',
    check: (impl) =>
      when(impl.inHall === false, { path: '/inHall', message: '依申请政务服务事项应进驻政务服务大厅办理' }),
  },
  {
    id: 'quality.promise-shortened',
    severity: 'warning',
    title: '承诺时限宜比法定时限压缩',
    check: (impl, base) => {
      const statutory = toWorkdays(base.statutoryLimit);
      return when(statutory !== undefined && statutory > 0 && toWorkdays(impl.promisedLimit) === statutory, {
        path: '/promisedLimit',
        message: '承诺办结时限与法定时限相同，宜进一步压缩',
      });
    },
  },
  {
    id: 'quality.proxy-contact',
    severity: 'warning',
    title: '提供帮办代办的事项宜公布代办联系方式',
    check: (impl) =>
      when(impl.proxy?.available === true && !impl.proxy.contact, {
        path: '/proxy/contact',
        message: '提供帮办代办服务，宜公布代办员或联系方式',
      }),
  },
];
