import type { BaseItem, ItemImplementation } from '../index';

/** A base item that states the parts model v2 leaves optional and these tests change. */
export type StatedBaseItem = BaseItem & Required<Pick<BaseItem, 'form' | 'process' | 'result'>>;

/** A small 行政许可 as a county would define it: five standard steps, two materials, one FAQ, no fee. */
export function licenceBase(): StatedBaseItem {
  return {
    kind: 'base-item',
    schemaVersion: 2,
    code: '0117313000',
    name: '在村庄、集镇规划区内公共场所修建临时建筑等设施审批',
    type: '01',
    legalBasis: [{ law: '《村庄和集镇规划建设管理条例》', article: '第三十二条' }],
    exerciseLevel: ['5'],
    serviceObjects: ['1', '2'],
    department: '县住房和城乡建设局',
    acceptanceConditions: ['临时设施不影响村容镇貌和道路交通安全'],
    statutoryLimit: { value: 20, unit: 'workday' },
    process: [
      { id: 'accept', name: '受理', stage: 'accept', post: '受理窗口', next: ['review'] },
      { id: 'review', name: '审查', stage: 'review', post: '规划建设岗', next: ['decide'] },
      { id: 'decide', name: '决定', stage: 'decide', post: '分管领导', next: ['issue'] },
      { id: 'issue', name: '办结', stage: 'issue', post: '受理窗口', next: ['deliver'] },
      { id: 'deliver', name: '送达', stage: 'deliver', post: '受理窗口' },
    ],
    result: { type: '2', name: '临时建设批准文件', sample: { title: '批准文件样本' } },
    form: {
      type: 'object',
      properties: {
        applicantName: {
          type: 'string',
          title: '申请人',
          required: true,
          'x-component': 'text',
          'x-data-element': 'applicantName',
        },
        purpose: { type: 'string', title: '用途', 'x-component': 'textarea' },
      },
    },
    maxVisits: 2,
    materials: [
      {
        material: 'ID-CARD',
        name: '申请人居民身份证',
        form: '3',
        medium: '1',
        originals: 1,
        copies: 1,
        necessity: '1',
        source: '3',
      },
      { material: 'SITE-PLAN', form: '1', medium: '1', originals: 1, copies: 0, necessity: '1', source: '1' },
    ],
    fees: { charged: false, items: [] },
    faq: [{ question: '临时建筑可以使用多久？', answer: '按批准文件载明的期限使用，到期自行拆除。' }],
    riskPoints: [],
    status: 'published',
    version: 3,
  };
}

/** A conformant implementation of `licenceBase()` by 阳朔镇: a shorter promise, one visit, in the hall. */
export function licenceImplementation(): ItemImplementation {
  return {
    kind: 'implementation',
    schemaVersion: 2,
    baseCode: '0117313000',
    regionCode: '450321100',
    implementationCode: '11450321MB1957744C-0117313000',
    implementingBody: { name: '阳朔县阳朔镇人民政府', uscc: '11450321MB1957744C', nature: '1' },
    powerSource: '2',
    promisedLimit: { value: 10, unit: 'workday' },
    caseType: '2',
    handlingForms: ['1', '2'],
    visits: 1,
    visitReason: '需现场核验身份证原件',
    online: { available: true, url: 'https://zwfw.gxzf.gov.cn/', depth: '2' },
    inHall: true,
    appointment: true,
    express: false,
    onlinePayment: false,
    selfServiceTerminal: false,
    handlingScope: '4',
    place: '阳朔县阳朔镇便民服务中心',
    hours: '周一至周五 8:00-12:00，15:00-18:00（法定节假日除外）',
    contacts: [
      { kind: 'consult', phone: '0773-8822001' },
      { kind: 'complaint', phone: '0773-8822345' },
    ],
    materials: [{ material: 'ID-CARD' }, { material: 'SITE-PLAN', necessity: '3' }],
    status: 'published',
    version: 1,
  };
}
