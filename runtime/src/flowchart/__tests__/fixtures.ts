// Items for the flowchart tests: resolved seed items and a synthetic worst case.

import type { ProcessStep, ResolvedItem, SpecialProcedure } from '@oneseal/schemas';
import { loadSeedCatalogue, resolveSeedItems } from '@oneseal/seeds';
import type { FlowchartInput } from '..';

/** An item that states its process: what the flowchart draws (model v2 lets an item leave the process unstated). */
export type ChartedItem = ResolvedItem & { process: ProcessStep[] };

/** The item as charted; a fixture without a process is a broken fixture, not a case to skip. */
function charted(item: ResolvedItem): ChartedItem {
  const { process } = item;
  if (!process) throw new Error(`fixture item ${item.regionCode} / ${item.code} states no process`);
  return { ...item, process };
}

let seeds: ChartedItem[] | undefined;

export function seedItems(): ChartedItem[] {
  seeds ??= resolveSeedItems(loadSeedCatalogue()).map(charted);
  return seeds;
}

/** One resolved item per base item (implementations of one base share their process). */
export function distinctSeedItems(): ChartedItem[] {
  const seen = new Set<string>();
  return seedItems().filter((item) => !seen.has(item.code) && seen.add(item.code));
}

/** 阳朔镇 农村村民宅基地和建房（规划许可）审批: 6 steps, 补正 / 不予受理 / 不予批准, 2 special procedures. */
export function homesteadItem(): ChartedItem {
  const item = seedItems().find(
    (candidate) => candidate.regionCode === '450321100' && candidate.code === '0117302000',
  );
  if (!item) throw new Error('seed item 450321100 / 0117302000 is missing');
  return item;
}

const LONG = '（本环节名称故意写得很长，用于检验中文长标签的自动换行、节点尺寸计算以及各节点互不重叠）';

/**
 * Long Chinese labels (40+ characters), Latin words and numbers, a fork and a join, loops to the
 * same and to earlier steps, several ending branches, four special procedures.
 */
export function syntheticItem(): ChartedItem {
  const process: ProcessStep[] = [
    {
      id: 'apply',
      name: `申请人通过广西数字政务一体化平台或者乡镇便民服务中心窗口提交申请材料${LONG}`,
      stage: 'apply',
      post: '申请人或其委托代理人（须持有经公证的授权委托书及代理人有效身份证件原件）',
      next: ['accept'],
    },
    {
      id: 'accept',
      name: '窗口受理与材料完整性、规范性初审',
      stage: 'accept',
      post: '乡镇便民服务中心综合受理窗口工作人员（首问负责制、一次性告知制责任人）',
      timeLimit: { value: 1, unit: 'workday' },
      documents: ['受理通知书', '材料接收凭证（含 ISO/IEC 27001:2013 Annex A 编号）'],
      next: ['review'],
      branches: [
        {
          kind: 'correct',
          label: '申请材料不齐全或者不符合法定形式，需要一次性告知申请人补正的全部内容',
          document: '一次性告知补正材料通知书',
          to: 'accept',
          timeLimit: { value: 5, unit: 'day' },
        },
        {
          kind: 'refuse',
          label: '申请事项依法不属于本行政机关职权范围或者不属于本事项受理范围的',
          document: '不予受理决定书（告知申请人向有关行政机关申请）',
        },
      ],
    },
    {
      id: 'review',
      name: '材料审查',
      stage: 'review',
      post: '乡镇农业农村、自然资源、规划建设、生态环境、应急管理等相关岗位联合审查人员',
      timeLimit: { value: 10, unit: 'workday', note: '联审' },
      documents: ['联合审查意见表', 'GB/T 50180-2018 符合性审查记录'],
      next: ['investigate', 'expert'],
      branches: [
        { kind: 'return', label: '材料内容与实际情况不符，退回受理环节重新核对', to: 'accept' },
        { kind: 'deny', label: '经审查不符合法定条件', document: '不予许可决定书' },
      ],
    },
    {
      id: 'investigate',
      name: '实地核查',
      stage: 'investigate',
      post: '乡镇规划建设岗',
      timeLimit: { value: 3, unit: 'workday' },
      next: ['decide'],
    },
    {
      id: 'expert',
      name: '专家论证（涉及公共安全、生态保护红线或者永久基本农田的）',
      stage: 'review',
      post: '县级主管部门组织的专家组',
      timeLimit: { value: 15, unit: 'day' },
      documents: ['专家论证意见'],
      next: ['decide'],
    },
    {
      id: 'decide',
      name: '审批决定',
      stage: 'decide',
      post: '乡镇人民政府分管领导',
      timeLimit: { value: 0, unit: 'workday' },
      next: ['issue'],
      branches: [
        {
          kind: 'deny',
          label: '集体研究不予批准',
          document: '不予批准决定书',
          timeLimit: { value: 2, unit: 'workday' },
        },
        { kind: 'return', to: 'review' },
        { kind: 'refuse' },
      ],
    },
    {
      id: 'issue',
      name: '制证',
      stage: 'issue',
      post: '乡镇便民服务中心',
      timeLimit: { value: 1, unit: 'workday' },
      documents: [
        '批准文件',
        '许可证正本',
        '许可证副本',
        '电子证照（同步推送至广西数字政务一体化平台电子证照库）',
      ],
      next: ['deliver'],
    },
    {
      id: 'deliver',
      name: '送达',
      stage: 'deliver',
      post: '乡镇便民服务中心、村（社区）代办员',
      timeLimit: { value: 1, unit: 'workday' },
    },
  ];
  const specialProcedures: SpecialProcedure[] = [
    {
      kind: '1',
      name: '听证（申请人、利害关系人依法要求听证的，组织听证会）',
      timeLimit: { value: 20, unit: 'day' },
      countsInLimit: false,
    },
    { kind: '5', name: '专家评审', timeLimit: { value: 15, unit: 'day' }, countsInLimit: false },
    {
      kind: '6',
      name: '审批结果在本村（社区）公示栏和乡镇人民政府门户网站同步公示',
      timeLimit: { value: 5, unit: 'workday' },
      countsInLimit: true,
    },
    { kind: '7', name: '现场勘查', timeLimit: { value: 3, unit: 'workday' }, countsInLimit: true },
  ];
  return {
    ...homesteadItem(),
    name: `乡村建设规划许可与农村公共场所临时建筑设施审批（含听证、专家评审、公示等特别程序）${LONG}`,
    process,
    specialProcedures,
  };
}

/**
 * 临时救助 in twelve steps, worded after real guides (N01: 乡镇临时救助工作流程, 广东政务服务网 一般程序): a
 * condition on the arrow out of 受理 and 审批, and three process routes — 一般程序, 急难型 先行救助 and 不予受理.
 */
export function twelveStepItem(): ChartedItem {
  const step = (id: string, name: string, post: string, extra: Partial<ProcessStep> = {}): ProcessStep => ({
    id,
    name,
    stage: 'review',
    post,
    ...extra,
  });
  const town = '乡镇人民政府（街道办事处）';
  const process: ProcessStep[] = [
    step('apply', '申请', '申请人或其代理人、村（居）民委员会', { stage: 'apply', next: ['check'] }),
    step('check', '发起信息核对', town, {
      description: '申请人签署居民家庭经济状况核对授权书后开展经济状况信息化核对',
      next: ['accept'],
    }),
    step('accept', '受理', town, {
      stage: 'accept',
      timeLimit: { value: 1, unit: 'workday' },
      documents: ['受理告知书'],
      next: ['survey'],
      nextLabel: '材料齐全并符合法定形式',
      branches: [
        { kind: 'correct', label: '材料不齐全', to: 'accept' },
        { kind: 'refuse', label: '不符合条件的', document: '不予受理通知书' },
      ],
    }),
    step('survey', '入户调查', `${town}、村（居）民委员会协助`, { stage: 'investigate', next: ['appraise'] }),
    step('appraise', '民主评议', '村（居）民委员会', { description: '视情组织', next: ['audit'] }),
    step('audit', '审核', town, { timeLimit: { value: 9, unit: 'workday' }, next: ['publicize'] }),
    step('publicize', '公示', '村（居）民委员会', {
      stage: 'publicize',
      timeLimit: { value: 5, unit: 'workday' },
      next: ['report'],
    }),
    step('report', '报县级民政部门审批', town, { next: ['approve'] }),
    step('approve', '审批', '县（市、区）民政部门', {
      stage: 'decide',
      timeLimit: { value: 5, unit: 'workday' },
      next: ['amount'],
      nextLabel: '符合条件的予以批准',
      branches: [{ kind: 'deny', label: '不符合条件的', document: '不予批准通知书' }],
    }),
    step('amount', '确定救助方式和金额', '县（市、区）民政部门', { next: ['announce'] }),
    step('announce', '结果公示', '户籍地或经常居住地乡镇（街道）和村（居）委', {
      stage: 'publicize',
      next: ['pay'],
    }),
    step('pay', '资金打卡发放', '县（市、区）民政部门', { stage: 'deliver' }),
  ];
  return {
    ...homesteadItem(),
    name: '临时救助',
    process,
    specialProcedures: [],
    processRoutes: [
      {
        id: 'general',
        name: '一般程序',
        situation: '支出型救助对象',
        steps: [
          'apply',
          'check',
          'accept',
          'survey',
          'appraise',
          'audit',
          'publicize',
          'report',
          'approve',
          'amount',
          'announce',
          'pay',
        ],
      },
      {
        id: 'urgent',
        name: '紧急程序',
        situation: '情况紧急、需立即采取措施的，先行救助，事后补齐手续',
        steps: ['apply', 'accept', 'approve', 'pay'],
      },
      { id: 'refuse', name: '不予受理', steps: ['apply', 'check', 'accept'] },
    ],
  };
}

export const XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{constructor}}',
  '</style>',
] as const;

/** The homestead item with XSS payloads planted in every text the flowchart shows. */
export function hostileItem(): ChartedItem {
  const base = homesteadItem();
  const payload = (index: number): string => XSS[index % XSS.length] as string;
  let n = 0;
  const plant = (text: string): string => `${text}${payload(n++)}`;
  return {
    ...base,
    name: XSS.join(''),
    promisedLimit: { ...base.promisedLimit, note: XSS.join('') },
    statutoryLimit: { ...base.statutoryLimit, note: XSS.join('') },
    process: base.process.map((step): ProcessStep => ({
      ...step,
      name: plant(step.name),
      ...(step.post !== undefined ? { post: plant(step.post) } : {}),
      documents: [...(step.documents ?? []), ...XSS],
      branches: (step.branches ?? []).map((branch) => ({
        ...branch,
        label: plant(branch.label ?? ''),
        document: plant(branch.document ?? ''),
      })),
    })),
    specialProcedures: (base.specialProcedures ?? []).map((procedure) => ({
      ...procedure,
      name: XSS.join(''),
    })),
  };
}

/** Counts the flowchart must show for an item. */
export function expectedCounts(item: FlowchartInput): {
  steps: number;
  transitions: number;
  ends: number;
  specials: number;
} {
  return {
    steps: item.process.length,
    transitions: item.process.reduce(
      (sum, step) => sum + (step.next ?? []).length + (step.branches ?? []).length,
      0,
    ),
    ends: item.process.reduce(
      (sum, step) => sum + (step.branches ?? []).filter((branch) => branch.to === undefined).length,
      0,
    ),
    specials: (item.specialProcedures ?? []).length,
  };
}
