// The few things the model cannot say about its own editor, in one place: labels for properties whose schema
// has no description, which text is long, what the server owns. Everything else comes from the JSON Schemas,
// so an element added to the model appears in the editor without new UI code.

/** Set by the server or by the workflow, never typed by an editor. */
export const SERVER_OWNED = new Set([
  'kind',
  'schemaVersion',
  'status',
  'version',
  'effectiveDate',
  'cancelDate',
  'baseVersion',
  'regionCode',
  'baseCode',
]);

/** Labels for properties whose schema carries no description (the description is the label otherwise). */
export const LABELS: Record<string, string> = {
  implementingBody: '实施主体',
  promisedLimit: '承诺办结时限',
  statutoryLimit: '法定办结时限',
  handlingLimit: '办理时限（指南未说明是法定还是承诺时限时填写）',
  none: '无天数（即办、法律未规定）',
  extension: '延长',
  mode: '延长方式',
  phone: '电话（本地号码可不带区号）',
  publication: '公开信息',
  benefitStandard: '给付标准',
  powerSource: '权力来源',
  caseType: '办件类型',
  handlingForms: '办理形式',
  online: '网上办理',
  handlingScope: '通办范围',
  contacts: '咨询、投诉和监督方式',
  proxy: '帮办代办',
  nearby: '就近办',
  fees: '收费',
  materials: '申请材料',
  legalBasis: '设定依据',
  faq: '常见问题',
  riskPoints: '廉洁风险点',
  type: '事项类型',
  name: '名称',
  code: '编码',
  value: '数值',
  unit: '单位',
  note: '备注',
};

/** Free text that deserves more than one line. */
export const LONG_TEXT = new Set([
  'place',
  'hours',
  'visitReason',
  'publicQuery',
  'scope',
  'text',
  'answer',
  'description',
  'note',
  'notes',
]);
