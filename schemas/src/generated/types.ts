/* Generated from schemas/json/*.schema.json by scripts/generate-types.js. Do not edit: edit the schema. */

/**
 * 409 stale-revision：他人保存的当前内容，供比较
 */
export type StoredDocument = BaseItem | ItemImplementation | Material | DataElement | Bundle;
/**
 * 基本目录事项：由市、县两级定义一次，各乡镇实施清单必须与之一致（同一事项无差别受理、同标准办理）
 */
export type BaseItem = CatalogueFields &
  Lifecycle & {
    kind: 'base-item';
    schemaVersion: SchemaVersion;
    /**
     * 事项基本编码（≤12 位，如 2 位类型 + 5 位主项 + 3 位子项）
     */
    code: string;
    status: ItemStatus;
    version: number;
    /**
     * 标准到办事现场最多次数
     */
    maxVisits?: number;
    /**
     * 标准申请材料
     */
    materials: MaterialRequirement[];
    fees?: Fees;
    faq?: Faq[];
    riskPoints?: RiskPoint[];
  };
/**
 * 事项类型
 */
export type ItemType = '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09' | '10' | '11' | '20';
/**
 * 依据的效力层级
 */
export type LegalLevel = '1' | '2' | '3' | '4' | '5';
/**
 * 行使层级
 */
export type ExerciseLevel = '1' | '2' | '3' | '4' | '5' | '6' | '7';
/**
 * 服务对象
 */
export type ServiceObject = '1' | '2' | '3' | '4' | '5' | '6';
/**
 * 时限单位
 */
export type TimeUnit = 'workday' | 'day' | 'month' | 'year';
/**
 * 没有以天数表示的时限：即办（当场办结），或法律、法规未规定时限
 */
export type NoLimit = 'immediate' | 'not-prescribed';
/**
 * 时限延长的写法：再延长若干天，或延长至若干天
 */
export type ExtensionMode = 'by' | 'to';
/**
 * 特别程序种类
 */
export type SpecialProcedureKind = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '9';
/**
 * 办理环节类别
 */
export type StepStage =
  'apply' | 'accept' | 'review' | 'investigate' | 'publicize' | 'decide' | 'issue' | 'deliver' | 'other';
/**
 * 流程分支类别
 */
export type BranchKind = 'refuse' | 'correct' | 'deny' | 'return';
/**
 * 审批结果类型
 */
export type ResultType = '1' | '2' | '3' | '4';
/**
 * 字段格式（均在 createAjv() 中注册）
 */
export type FieldFormat =
  'cn-id-card' | 'cn-uscc' | 'cn-division-code' | 'cn-mobile' | 'cn-phone' | 'cn-postcode' | 'date' | 'email';
/**
 * 表单字段控件（设计器组件面板、在线表单和纸质表单共用一份）
 */
export type FieldComponent =
  | 'text'
  | 'textarea'
  | 'number'
  | 'select'
  | 'radio'
  | 'checkbox'
  | 'date'
  | 'id-card'
  | 'mobile'
  | 'uscc'
  | 'region'
  | 'address'
  | 'upload'
  | 'table'
  | 'section'
  | 'step';
/**
 * 声明式条件（不含任何脚本）：比较一个字段，或以 all / any / not 组合
 */
export type Condition = Comparison | AllCondition | AnyCondition | NotCondition;
/**
 * 条件运算符
 */
export type ConditionOperator =
  'eq' | 'ne' | 'in' | 'notIn' | 'gt' | 'gte' | 'lt' | 'lte' | 'empty' | 'notEmpty';
/**
 * 事项状态（动态管理）
 */
export type ItemStatus = 'draft' | 'submitted' | 'approved' | 'published' | 'withdrawn' | 'cancelled';
/**
 * 文档所依据的模型版本；模型升级时按版本逐步迁移（migrateDocument）
 */
export type SchemaVersion = 2;
/**
 * 材料形式
 */
export type MaterialForm = '1' | '2' | '3' | '4';
/**
 * 材料载体
 */
export type MaterialMedium = '1' | '2' | '3';
/**
 * 材料计量单位
 */
export type MaterialUnit = '1' | '2' | '3' | '4';
/**
 * 材料必要性，按对申请人的要求从严到宽排列
 */
export type MaterialNecessity = '1' | '2' | '3' | '4';
/**
 * 材料来源渠道
 */
export type MaterialSource = '1' | '2' | '3' | '4' | '9';
/**
 * 实施清单条目：一个乡镇（街道）对一个基本目录事项的实施，只能设定乡镇可以设定的要素，只能收紧不能放宽
 */
export type ItemImplementation = LocalFields &
  Lifecycle & {
    kind: 'implementation';
    schemaVersion: SchemaVersion;
    /**
     * 事项基本编码（≤12 位，如 2 位类型 + 5 位主项 + 3 位子项）
     */
    baseCode: string;
    /**
     * 乡镇（街道）代码，9 位
     */
    regionCode: string;
    status: ItemStatus;
    version: number;
    /**
     * 所依据的基本目录版本
     */
    baseVersion?: number;
    type?: ItemType;
    /**
     * 清单中公布的设定依据，须与基本目录一致
     */
    legalBasis?: LegalBasis[];
    /**
     * 本乡镇收取的材料（基本目录材料的子集）
     */
    materials: MaterialSelection[];
    fees?: Fees;
    /**
     * 本地补充的常见问题
     */
    faq?: Faq[];
    /**
     * 本地补充的廉洁风险点
     */
    riskPoints?: RiskPoint[];
  };
/**
 * 实施主体性质
 */
export type BodyNature = '1' | '2' | '3' | '9';
/**
 * 实施主体层级
 */
export type BodyLevel = '1' | '2' | '3' | '4' | '5' | '6';
/**
 * 权力来源
 */
export type PowerSource = '1' | '2' | '3' | '4' | '5' | '6';
/**
 * 办件类型
 */
export type CaseType = '1' | '2' | '3' | '4';
/**
 * 办理形式
 */
export type HandlingForm = '1' | '2' | '3' | '4' | '9';
/**
 * 网上办理深度：Ⅰ级仅可互联网咨询；Ⅱ级可网上收件、预审；Ⅲ级可网上受理、办理并反馈结果；Ⅳ级全程网办（含电子证照反馈）
 */
export type OnlineDepth = '1' | '2' | '3' | '4';
/**
 * 通办范围
 */
export type HandlingScope = '1' | '2' | '3' | '4' | '5' | '6';
/**
 * 联系方式的用途
 */
export type ContactKind = 'consult' | 'complaint' | 'supervision';
/**
 * 一件事：一组事项和情形问题；情形的回答决定哪些事项、哪些材料纳入办理
 */
export type Bundle = Lifecycle & {
  kind: 'bundle';
  schemaVersion: SchemaVersion;
  status: ItemStatus;
  version: number;
  code: string;
  name: string;
  description?: string;
  /**
   * 行政区划代码：6 位县级及以上（GB/T 2260）或 9 位乡级
   */
  regionCode?: string;
  questions: SituationQuestion[];
  /**
   * @minItems 2
   */
  items: [BundleItem, BundleItem, ...BundleItem[]];
  materialRules?: MaterialRule[];
};
/**
 * 时刻（ISO 8601，UTC）
 */
export type Timestamp = string;
/**
 * 角色：市级管理员、县级管理员、乡镇编辑、审核人员
 */
export type Role = 'city-admin' | 'county-admin' | 'township-editor' | 'reviewer';
export type AuditList = AuditEntry[];
export type BaseItemSummaryList = BaseItemSummary[];
export type BaseItemVersionList = BaseItemVersion[];
/**
 * 北京时间的钟点（时:分，24 小时制），如 08:30
 */
export type ClockTime = string;
/**
 * 一天的办公时段（按时间先后，不重叠）；空数组表示当天不办公
 *
 * @maxItems 6
 */
export type WindowHours = WindowPeriod[];
export type BundleEntryList = BundleEntry[];
export type BundleList = Bundle[];
/**
 * 变更记录（政务公开）的种类
 */
export type ChangeKind = 'publish' | 'withdraw' | 'cancel' | 'base-publish' | 'base-retire';
export type DataElementEntryList = DataElementEntry[];
export type DataElementList = DataElement[];
/**
 * 已合并的事项：实施清单条目与其基本目录事项合并后的完整视图，办事指南、告知单、流程图和在线表单都以它为准
 */
export type Item = CatalogueFields &
  LocalFields &
  Lifecycle & {
    kind: 'item';
    schemaVersion: SchemaVersion;
    regionName?: string;
    baseVersion?: number;
    materials: ResolvedMaterial[];
    fees?: Fees;
    faq?: Faq[];
    riskPoints?: RiskPoint[];
  };
/**
 * 合并后的材料要求：基本目录要求 + 实施清单选用 + 材料库名称
 */
export type ResolvedMaterial = MaterialRequirement & {
  name: string;
};
export type ImplementationVersionList = ImplementationVersionSummary[];
export type MaterialEntryList = MaterialEntry[];
/**
 * 行政区划层级
 */
export type RegionLevel = 'city' | 'county' | 'township' | 'village';
/**
 * 服务标签：马上办、网上办、就近办、一次办
 */
export type ServiceTag = '马上办' | '网上办' | '就近办' | '一次办';
/**
 * 发布、撤回、取消的理由：必须写明（不能只有空白），公开在变更记录（政务公开）中
 */
export type Reason = string;
/**
 * 网上申请的办理状态
 */
export type SubmissionStatus = 'submitted' | 'accepted' | 'correction' | 'refused' | 'completed';
export type ReceivedSubmissionList = ReceivedSubmission[];
/**
 * 行政区划：市、县（市、区）为 6 位 GB/T 2260 代码，乡镇（街道）9 位，村（社区）12 位
 */
export type Region = {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode?: string;
  /**
   * 名称拼音首字母，用于检索
   */
  pinyin?: string;
};
export type RegionList = Region[];
/**
 * 已发布的事项：实施清单与基本目录合并后的完整内容，总带有编码、区划、版本和状态
 */
export type ResolvedItem = Item &
  Required<Pick<Item, 'code' | 'regionCode' | 'regionName' | 'baseVersion' | 'status' | 'version'>>;
export type ReviewQueue = ReviewEntry[];
export type TownshipItemList = TownshipItemRow[];
export type UserList = User[];
export type WebhookList = Webhook[];

/**
 * 认领的基本目录事项
 */
export interface AdoptRequest {
  /**
   * 事项基本编码（≤12 位，如 2 位类型 + 5 位主项 + 3 位子项）
   */
  baseCode: string;
}
/**
 * 所有 4xx/5xx 应答：稳定的 code、中文（或 Accept-Language: en 时英文）说明、按 JSON 路径列出的问题，以及个别错误附带的内容
 */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    details: ValidationIssue[];
    /**
     * 409 stale-revision：当前的 revision
     */
    currentRevision?: number;
    current?: StoredDocument;
    findings?: Finding[];
    report?: ImportReport;
  };
}
/**
 * 文档中的一个问题：JSON Pointer 路径和给修改人看的说明
 */
export interface ValidationIssue {
  path: string;
  message: string;
}
/**
 * 基本目录要素：由基本目录规定，乡镇不能改变；指南没有载明的要素不填
 */
export interface CatalogueFields {
  /**
   * 事项基本编码（≤12 位，如 2 位类型 + 5 位主项 + 3 位子项）
   */
  code?: string;
  name: string;
  type?: ItemType;
  content?: string;
  legalBasis?: LegalBasis[];
  exerciseLevel?: ExerciseLevel[];
  serviceObjects?: ServiceObject[];
  department?: string;
  scope?: string;
  reviewType?: string;
  acceptanceConditions?: string[];
  quantityLimit?: string;
  statutoryLimit?: TimeLimit;
  /**
   * @maxItems 6
   */
  specialProcedures?: SpecialProcedure[];
  /**
   * 标准办理流程（至多 30 个环节：流程图要在 A4 上读得清，布局的计算量也随环节和连线增长）
   *
   * @maxItems 30
   */
  process?: ProcessStep[];
  /**
   * 办理路径：各情形下经过的环节（一般程序、简易程序、不予受理……）
   */
  processRoutes?: ProcessRoute[];
  benefitStandard?: BenefitStandard;
  result?: Result;
  rightsAndObligations?: string[];
  form?: ItemForm;
  /**
   * 主题分类（如“生育收养”）
   */
  themes?: string[];
  /**
   * 检索用的别名、俗称
   */
  keywords?: string[];
}
/**
 * 设定（实施）依据：法律法规或文件名称、文号、效力层级及条款
 */
export interface LegalBasis {
  law: string;
  docNumber?: string;
  level?: LegalLevel;
  article?: string;
  text?: string;
}
/**
 * 时限，按指南的写法：数值和单位（工作日、自然日、月、年），或没有天数（即办、法律未规定），可以延长，可以只有说明
 */
export interface TimeLimit {
  value?: number;
  unit?: TimeUnit;
  none?: NoLimit;
  extension?: TimeExtension;
  note?: string;
}
/**
 * 时限的延长：可延长若干天，或可延长至若干天，及延长的情形
 */
export interface TimeExtension {
  mode: ExtensionMode;
  value: number;
  unit: TimeUnit;
  condition?: string;
}
/**
 * 特别程序（听证、检验、鉴定、专家评审、公示……）
 */
export interface SpecialProcedure {
  kind: SpecialProcedureKind;
  name: string;
  timeLimit?: TimeLimit;
  /**
   * 是否计入办结时限
   */
  countsInLimit?: boolean;
  basis?: string;
}
/**
 * 办理环节：岗位、时限、产生的文书、后续环节与分支（不予受理、补正……）
 */
export interface ProcessStep {
  id: string;
  name: string;
  stage?: StepStage;
  post?: string;
  timeLimit?: TimeLimit;
  /**
   * 本环节产生的文书
   */
  documents?: string[];
  description?: string;
  /**
   * @maxItems 3
   */
  next?: string[];
  nextLabel?: string;
  /**
   * @maxItems 3
   */
  branches?: StepBranch[];
}
/**
 * 流程分支：to 为空表示流程在此结束（如不予受理），否则转到指定环节（如补正后重新受理）
 */
export interface StepBranch {
  kind: BranchKind;
  label?: string;
  document?: string;
  to?: string;
  timeLimit?: TimeLimit;
}
/**
 * 办理路径：某种情形下依次经过的环节，如一般程序、简易程序、紧急程序、不予受理
 */
export interface ProcessRoute {
  id: string;
  name: string;
  situation?: string;
  /**
   * 依次经过的环节编号
   *
   * @minItems 1
   */
  steps: [string, ...string[]];
}
/**
 * 给付（救助、补贴）标准：说明、分档金额和计发办法
 */
export interface BenefitStandard {
  summary?: string;
  /**
   * 分档或分项标准
   *
   * @maxItems 50
   */
  tiers?: BenefitTier[];
  rule?: string;
}
/**
 * 一档或一项给付标准
 */
export interface BenefitTier {
  name: string;
  amount?: number;
  /**
   * 金额单位（如 元、元/人/月）
   */
  unit?: string;
  /**
   * 为最高额度（按实际不超过此额）
   */
  upTo?: boolean;
  condition?: string;
}
/**
 * 审批（办理）结果
 */
export interface Result {
  type?: ResultType;
  name?: string;
  sample?: Attachment;
  delivery?: string;
}
/**
 * 附件（空白表格、示例样表、结果样本）
 */
export interface Attachment {
  title: string;
  /**
   * 网址：只允许 http:// 或 https://（javascript: 等会在浏览器里运行或打开本地内容）
   */
  url?: string;
}
/**
 * 事项申请表：Formily JSON Schema 的受限子集。字段要么绑定数据元（x-data-element），要么是本事项的本地字段；联动只用声明式条件（x-visible-when），不含脚本。
 */
export interface ItemForm {
  type: 'object';
  title?: string;
  description?: string;
  properties: FormFields;
}
export interface FormFields {
  [k: string]: FormField;
}
/**
 * 表单字段或容器（type 为 void 的分组、分步）
 */
export interface FormField {
  type: 'string' | 'number' | 'boolean' | 'array' | 'object' | 'void';
  title: string;
  /**
   * 填写说明
   */
  description?: string;
  required?: boolean;
  default?: string | number | boolean;
  /**
   * @minItems 1
   */
  enum?: [Option, ...Option[]];
  format?: FieldFormat;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  'x-component': FieldComponent;
  'x-component-props'?: ComponentProps;
  /**
   * 数据元编码，也是一表申请中的字段名
   */
  'x-data-element'?: string;
  'x-visible-when'?: Condition;
  'x-index'?: number;
  properties?: FormFields;
  items?: FormField;
}
/**
 * 选项
 */
export interface Option {
  label: string;
  value: string | number | boolean;
}
/**
 * 控件属性（只允许无副作用的展示属性）
 */
export interface ComponentProps {
  placeholder?: string;
  rows?: number;
  accept?: string;
  maxCount?: number;
  unit?: string;
}
/**
 * 字段比较：field 为表单字段路径（点分隔）或一件事情形问题的编号
 */
export interface Comparison {
  field: string;
  op: ConditionOperator;
  value?: (string | number | boolean) | (string | number | boolean)[];
}
export interface AllCondition {
  /**
   * @minItems 1
   */
  all: [Condition, ...Condition[]];
}
export interface AnyCondition {
  /**
   * @minItems 1
   */
  any: [Condition, ...Condition[]];
}
export interface NotCondition {
  not: Condition;
}
/**
 * 动态管理：状态、版本与生效/取消日期
 */
export interface Lifecycle {
  status?: ItemStatus;
  version?: number;
  effectiveDate?: string;
  cancelDate?: string;
}
/**
 * 事项对一种材料的要求（基本目录中的标准要求）
 */
export interface MaterialRequirement {
  /**
   * 材料库编码
   */
  material: string;
  name?: string;
  form?: MaterialForm;
  medium?: MaterialMedium;
  /**
   * 原件份数
   */
  originals?: number;
  /**
   * 复印件份数
   */
  copies?: number;
  unit?: MaterialUnit;
  necessity?: MaterialNecessity;
  source?: MaterialSource;
  issuer?: string;
  blankForm?: Attachment;
  sampleForm?: Attachment;
  notes?: string;
  acceptanceStandard?: string;
  basis?: string;
  exemption?: string;
  when?: MaterialSituation;
}
/**
 * 材料适用情形：说明文字，可附表单条件
 */
export interface MaterialSituation {
  text: string;
  condition?: Condition;
}
/**
 * 收费：是否收费及收费项目
 */
export interface Fees {
  charged: boolean;
  /**
   * @maxItems 50
   */
  items?: FeeItem[];
}
/**
 * 收费项目
 */
export interface FeeItem {
  name: string;
  standard: string;
  basis?: string;
  /**
   * 是否允许减免
   */
  reducible?: boolean;
}
/**
 * 常见问题
 */
export interface Faq {
  question: string;
  answer: string;
}
/**
 * 廉洁风险点及防控措施（阳光审批）
 */
export interface RiskPoint {
  point: string;
  /**
   * @minItems 1
   */
  measures: [string, ...string[]];
}
/**
 * 实施清单要素：由乡镇（街道）设定；没有载明的要素不填
 */
export interface LocalFields {
  /**
   * 乡镇（街道）代码，9 位
   */
  regionCode?: string;
  implementationCode?: string;
  implementingBody?: ImplementingBody;
  decisionBody?: string;
  powerSource?: PowerSource;
  promisedLimit?: TimeLimit;
  handlingLimit?: TimeLimit;
  caseType?: CaseType;
  handlingForms?: HandlingForm[];
  visits?: number;
  visitReason?: string;
  online?: Online;
  /**
   * 是否进驻政务服务大厅
   */
  inHall?: boolean;
  /**
   * 支持预约办理
   */
  appointment?: boolean;
  /**
   * 支持物流快递
   */
  express?: boolean;
  /**
   * 支持网上支付
   */
  onlinePayment?: boolean;
  /**
   * 支持自助终端办理
   */
  selfServiceTerminal?: boolean;
  handlingScope?: HandlingScope;
  place?: string;
  hours?: string;
  /**
   * @maxItems 20
   */
  contacts?: Contact[];
  publicQuery?: string;
  publication?: Publication;
  proxy?: ProxyService;
  nearby?: NearbyService;
  /**
   * 清单中的排列顺序
   */
  order?: number;
}
/**
 * 实施主体：乡镇、县、市或更高层级的机构，或泛指一类机构（如“各乡镇民政站”）
 */
export interface ImplementingBody {
  name?: string;
  /**
   * 统一社会信用代码（GB 32100）
   */
  uscc?: string;
  nature?: BodyNature;
  level?: BodyLevel;
  /**
   * 泛指一类机构（如“各乡镇民政站”），不是某一个机构
   */
  generic?: boolean;
  department?: string;
}
/**
 * 网上办理
 */
export interface Online {
  available: boolean;
  /**
   * 网址：只允许 http:// 或 https://（javascript: 等会在浏览器里运行或打开本地内容）
   */
  url?: string;
  depth?: OnlineDepth;
}
/**
 * 一种联系方式：用途（咨询、投诉、监督）和电话或其他途径（窗口、网站、热线、信箱）
 */
export interface Contact {
  kind?: ContactKind;
  /**
   * 服务电话：带区号的固定电话、手机号码，或不带区号的本地号码（按事项所在地区号补全）
   */
  phone?: string;
  channel?: string;
}
/**
 * 公开信息：索引号、发布机构、发布日期和公开网址
 */
export interface Publication {
  indexNumber?: string;
  publisher?: string;
  date?: string;
  /**
   * 网址：只允许 http:// 或 https://（javascript: 等会在浏览器里运行或打开本地内容）
   */
  url?: string;
}
/**
 * 帮办代办
 */
export interface ProxyService {
  available: boolean;
  /**
   * 村（社区）代办员可代办
   */
  atVillage?: boolean;
  contact?: string;
  note?: string;
}
/**
 * 就近办：可在村（社区）便民服务站收件或办理
 */
export interface NearbyService {
  /**
   * 辖区内所有村（社区）均可办理
   */
  allVillages: boolean;
  /**
   * Items: 村（社区）代码，12 位
   */
  villages?: string[];
  note?: string;
}
/**
 * 实施清单对基本目录材料的选用：只能取基本目录中的材料，只能减轻要求
 */
export interface MaterialSelection {
  /**
   * 材料库编码
   */
  material: string;
  form?: MaterialForm;
  /**
   * 须提交的原件份数
   */
  originals?: number;
  /**
   * 须提交的复印件份数
   */
  copies?: number;
  necessity?: MaterialNecessity;
  source?: MaterialSource;
  notes?: string;
  exemption?: string;
}
/**
 * 材料库条目：各事项共用的一种申请材料
 */
export interface Material {
  kind: 'material';
  schemaVersion: SchemaVersion;
  /**
   * 材料库编码
   */
  code: string;
  name: string;
  description?: string;
  issuer?: string;
  defaultSource: MaterialSource;
  /**
   * 可从电子证照库调取
   */
  electronicLicence?: boolean;
  blankForm?: Attachment;
  sampleForm?: Attachment;
  acceptanceStandard?: string;
}
/**
 * 数据元：可在各事项表单间共用的命名字段；同一数据元在一表申请中只填一次
 */
export interface DataElement {
  kind: 'data-element';
  schemaVersion: SchemaVersion;
  /**
   * 数据元编码，也是一表申请中的字段名
   */
  code: string;
  name: string;
  description?: string;
  /**
   * 所属分组，决定一表申请中的排列顺序
   */
  group: 'applicant' | 'agent' | 'organisation' | 'contact' | 'other';
  type: 'string' | 'number' | 'boolean';
  format?: FieldFormat;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  /**
   * @minItems 1
   */
  options?: [Option, ...Option[]];
  component: FieldComponent;
  standard?: string;
}
/**
 * 情形问题
 */
export interface SituationQuestion {
  id: string;
  text: string;
  type: 'boolean' | 'single' | 'multiple';
  /**
   * @minItems 2
   */
  options?: [Option, Option, ...Option[]];
  help?: string;
}
/**
 * 一件事中的事项；when 为空表示始终纳入
 */
export interface BundleItem {
  /**
   * 事项基本编码（≤12 位，如 2 位类型 + 5 位主项 + 3 位子项）
   */
  itemCode: string;
  when?: Condition;
  note?: string;
}
/**
 * 情形对材料的影响：满足条件时免交（exclude）或须交（require）该材料
 */
export interface MaterialRule {
  /**
   * 材料库编码
   */
  material: string;
  when: Condition;
  effect: 'exclude' | 'require';
  note?: string;
}
/**
 * checkItem 的一条结论：规则编号、严重程度、实施清单中的路径（基本目录要素为 /base/…）和说明；一次检查几个事项时带事项编码
 */
export interface Finding {
  rule: string;
  severity: 'error' | 'warning';
  path: string;
  message: string;
  /**
   * 事项基本编码（≤12 位，如 2 位类型 + 5 位主项 + 3 位子项）
   */
  itemCode?: string;
}
/**
 * Excel 导入报告：有修改并通过检查的行、与清单一致的行、未通过检查的行，以及是否已写入
 */
export interface ImportReport {
  /**
   * all：全部通过才写入；valid：只写入通过的行
   */
  mode: 'all' | 'valid';
  accepted: {
    sheet: string;
    row: number;
    itemCode: string;
    changes: ImportChange[];
    warnings: ImportReason[];
    /**
     * 写入后为新的 revision
     */
    revision: number;
  }[];
  unchanged: {
    sheet: string;
    row: number;
    itemCode: string;
  }[];
  refused: {
    sheet: string;
    row: number;
    itemCode: string | null;
    reasons: ImportReason[];
  }[];
  written: boolean;
}
/**
 * 导入的一行对事项所作的一处修改：工作簿中的位置、实施清单条目中的路径、修改前后的值
 */
export interface ImportChange {
  sheet: string;
  /**
   * 工作表中的行；删除的材料行没有
   */
  row?: number;
  column: string;
  /**
   * 实施清单条目中的 JSON Pointer
   */
  path: string;
  from: unknown;
  to: unknown;
}
/**
 * 导入时一行未通过检查的原因：工作表、行、列与说明（zh-CN）
 */
export interface ImportReason {
  sheet: string;
  row: number;
  /**
   * 列名（表头）
   */
  column: string;
  message: string;
}
/**
 * 一次写操作：谁、何时、做了什么、对哪一条、修改前后
 */
export interface AuditEntry {
  id: number;
  at: Timestamp;
  username: string;
  role: Role;
  action: string;
  entityType: string;
  entityKey: string;
  regionCode: string;
  /**
   * 修改前（新建时为 null）
   */
  before?: {
    [k: string]: unknown;
  };
  /**
   * 修改后（删除时为 null）
   */
  after?: {
    [k: string]: unknown;
  };
}
/**
 * 正在编辑的基本目录事项（无须先保存），用于预览
 */
export interface BaseItemDraft {
  item: BaseItem;
}
/**
 * 基本目录事项发布的新版本
 */
export interface BaseItemPublished {
  /**
   * 事项基本编码（≤12 位，如 2 位类型 + 5 位主项 + 3 位子项）
   */
  code: string;
  version: number;
  effectiveDate: string;
}
/**
 * 已取消的基本目录事项和取消日期
 */
export interface BaseItemRetired {
  /**
   * 事项基本编码（≤12 位，如 2 位类型 + 5 位主项 + 3 位子项）
   */
  code: string;
  status: 'cancelled';
  cancelDate: string;
}
/**
 * 保存基本目录事项后的 revision 和状态
 */
export interface BaseItemSaved {
  revision: number;
  status: ItemStatus;
}
/**
 * 基本目录列表的一行（不含事项内容，打开事项读 BaseItemView）
 */
export interface BaseItemSummary {
  /**
   * 事项基本编码（≤12 位，如 2 位类型 + 5 位主项 + 3 位子项）
   */
  code: string;
  name: string;
  type?: ItemType;
  status: ItemStatus;
  /**
   * 最新发布的版本（从未发布为 0）
   */
  publishedVersion: number;
  /**
   * 行政区划代码：6 位县级及以上（GB/T 2260）或 9 位乡级
   */
  ownerRegion: string;
  revision: number;
}
/**
 * 基本目录事项的一个发布版本：版本号、生效日期、发布时刻和发布人
 */
export interface BaseItemVersion {
  version: number;
  effectiveDate: string;
  publishedAt: Timestamp;
  publishedBy: string;
}
/**
 * 基本目录事项的工作副本、revision 和归属
 */
export interface BaseItemView {
  /**
   * 事项基本编码（≤12 位，如 2 位类型 + 5 位主项 + 3 位子项）
   */
  code: string;
  /**
   * 行政区划代码：6 位县级及以上（GB/T 2260）或 9 位乡级
   */
  ownerRegion: string;
  status: ItemStatus;
  publishedVersion: number;
  revision: number;
  updatedAt: Timestamp;
  updatedBy?: string;
  baseItem: BaseItem;
}
/**
 * 预约办理的事项
 */
export interface BookedItem {
  /**
   * 事项基本编码（≤12 位，如 2 位类型 + 5 位主项 + 3 位子项）
   */
  code: string;
  name: string;
}
/**
 * 一次预约：预约码、乡镇、事项、时段和状态（手机号码部分隐藏）
 */
export interface Booking {
  /**
   * 预约码（8 位，不区分大小写）
   */
  code: string;
  /**
   * 乡镇（街道）代码，9 位
   */
  region: string;
  regionName: string;
  item: BookedItem;
  start: string;
  end: ClockTime;
  name: string;
  /**
   * 手机号码，中间四位隐藏
   */
  phone: string;
  status: 'booked' | 'cancelled';
  statusLabel: string;
  bookedAt: Timestamp;
  cancelledAt?: Timestamp;
}
/**
 * 取消预约：预约时填写的手机号码
 */
export interface BookingCancelRequest {
  phone: string;
}
/**
 * 开放预约的一天及其时段
 */
export interface BookingDay {
  date: string;
  slots: BookingSlot[];
}
/**
 * 一个预约时段（北京时间）和尚可预约的人数
 */
export interface BookingSlot {
  /**
   * 开始时刻，如 2026-12-07T08:30
   */
  start: string;
  end: ClockTime;
  remaining: number;
}
/**
 * 预约办理：乡镇、事项、时段开始时刻、姓名和手机号码
 */
export interface BookingRequest {
  /**
   * 乡镇（街道）代码，9 位
   */
  region: string;
  /**
   * 事项基本编码（≤12 位，如 2 位类型 + 5 位主项 + 3 位子项）
   */
  item: string;
  /**
   * 所选时段的开始时刻（北京时间），如 2026-12-07T08:30
   */
  start: string;
  /**
   * 姓名
   */
  name: string;
  /**
   * 手机号码（接收预约确认和提醒）
   */
  phone: string;
}
/**
 * 乡镇预约办理设置：每周各天的窗口办公时段、每个预约时段的分钟数和每个时段可预约的人数。法定节假日不开放；调休上班日开放，按 adjustedWorkday 的时段（未写时按星期一的时段）。未写的星期几不开放。
 */
export interface BookingSettings {
  /**
   * 每周各天的办公时段（mon … sun）
   */
  weekdays: {
    mon?: WindowHours;
    tue?: WindowHours;
    wed?: WindowHours;
    thu?: WindowHours;
    fri?: WindowHours;
    sat?: WindowHours;
    sun?: WindowHours;
  };
  adjustedWorkday?: WindowHours;
  /**
   * 每个预约时段的分钟数
   */
  slotMinutes: number;
  /**
   * 每个时段可预约的人数
   */
  capacity: number;
  /**
   * 另行停止预约的日期（如本地停电、集中学习）
   *
   * @maxItems 366
   */
  closedDays?: string[];
}
/**
 * 窗口的一段办公时间（开始、结束，含开始不含结束）
 */
export interface WindowPeriod {
  from: ClockTime;
  to: ClockTime;
}
/**
 * 乡镇的预约设置；settings 为 null 表示未设置（不开放预约）
 */
export interface BookingSettingsView {
  /**
   * 乡镇（街道）代码，9 位
   */
  region: string;
  settings: BookingSettings | null;
  updatedAt?: Timestamp;
  updatedBy?: string;
}
/**
 * 乡镇在一段日期内可预约的时段；offered 为 false 时该乡镇未开放预约（message 说明）
 */
export interface BookingSlots {
  /**
   * 乡镇（街道）代码，9 位
   */
  region: string;
  regionName: string;
  offered: boolean;
  message?: string;
  item?: BookedItem;
  days: BookingDay[];
}
/**
 * 一件事的一条：revision 和一件事
 */
export interface BundleEntry {
  revision: number;
  document: Bundle;
}
/**
 * 一条变更记录（政务公开）：发布、撤回、取消事项，或发布、废止基本目录事项；eventId 全局唯一，Webhook 接收方据此去重
 */
export interface ChangeEntry {
  eventId: string;
  kind: ChangeKind;
  /**
   * 行政区划代码：6 位县级及以上（GB/T 2260）或 9 位乡级
   */
  regionCode: string;
  regionName: string;
  /**
   * 事项基本编码（≤12 位，如 2 位类型 + 5 位主项 + 3 位子项）
   */
  itemCode: string;
  itemName: string;
  fromVersion: number | null;
  toVersion: number | null;
  effectiveDate: string | null;
  reason: string;
  /**
   * 修改内容（中文，带标签和单位）
   */
  summary: string[];
  /**
   * 操作人
   */
  author: string;
  at: string;
}
/**
 * 变更记录的一页（新的在前）和下一页游标（没有下一页为 null）
 */
export interface ChangePage {
  entries: ChangeEntry[];
  next: string | null;
}
export interface Credentials {
  username: string;
  password: string;
}
/**
 * 数据元字典的一条：revision 和数据元
 */
export interface DataElementEntry {
  revision: number;
  document: DataElement;
}
/**
 * 乡镇一天的预约，按时段先后
 */
export interface DayBookings {
  /**
   * 乡镇（街道）代码，9 位
   */
  region: string;
  date: string;
  bookings: StaffBooking[];
}
/**
 * 工作人员看到的一条预约
 */
export interface StaffBooking {
  code: string;
  item: BookedItem;
  start: string;
  end: ClockTime;
  name: string;
  phone: string;
  status: 'booked' | 'cancelled';
  statusLabel: string;
  bookedAt: Timestamp;
}
/**
 * 保存草稿后的 revision、状态、检查结论和完整度（草稿不符合模型时没有完整度）
 */
export interface DraftSaved {
  revision: number;
  status: ItemStatus;
  findings: Finding[];
  completeness?: Completeness;
}
/**
 * 完整度：事项载明的基本要素占应载明要素（全国政务服务事项基本要素）的比例，以及没有载明的要素
 */
export interface Completeness {
  score: number;
  stated: number;
  total: number;
  missing: UnstatedElement[];
}
/**
 * 事项没有载明的一项基本要素：事项中的路径、要素名称和给修改人看的说明（完整度警告，不是错误）
 */
export interface UnstatedElement {
  path: string;
  label: string;
  message: string;
}
/**
 * 可编辑的草稿：实施清单条目、所依据的基本目录事项、revision、检查结论和完整度（草稿不符合模型时没有完整度）
 */
export interface DraftView {
  /**
   * 乡镇（街道）代码，9 位
   */
  regionCode: string;
  /**
   * 事项基本编码（≤12 位，如 2 位类型 + 5 位主项 + 3 位子项）
   */
  itemCode: string;
  status: ItemStatus;
  publishedVersion: number;
  revision: number;
  reviewComment: string | null;
  updatedAt: Timestamp;
  updatedBy: string;
  implementation: ItemImplementation;
  base: BaseItem;
  findings: Finding[];
  completeness?: Completeness;
}
/**
 * 两个版本之间一处变化：JSON Pointer 路径、增删改和前后的值
 */
export interface FieldChange {
  path: string;
  op: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}
/**
 * 申请表的填写内容：字段键 → 值（类型随字段组件：文本、数字、日期、选项、多选、文件等，按合并后的表单校验）
 */
export interface FormAnswers {
  [k: string]: unknown;
}
/**
 * 正在编辑的申请表，用于预览其字段校验
 */
export interface FormDraft {
  form: ItemForm;
}
/**
 * 数据库可读时的健康状态：能写入时 ok；只读或空间已满时 degraded（cause 说明原因）
 */
export interface Health {
  status: 'ok' | 'degraded';
  db: 'sqlite' | 'mysql';
  writable: boolean;
  cause?: 'read-only' | 'full';
  message?: string;
}
/**
 * 某一发布版本：实施清单条目和合并后的事项
 */
export interface ImplementationVersion {
  version: number;
  effectiveDate: string;
  publishedAt: Timestamp;
  implementation: ItemImplementation;
  item: Item;
}
/**
 * 事项的一个发布版本：版本号、所依据的基本目录版本、生效日期、发布时刻和发布人
 */
export interface ImplementationVersionSummary {
  version: number;
  baseVersion: number;
  effectiveDate: string;
  publishedAt: Timestamp;
  publishedBy: string;
}
/**
 * 材料库的一条：revision 和材料
 */
export interface MaterialEntry {
  revision: number;
  /**
   * 名称的拼音检索键：首字母和全拼，小写（如 “zjdsqb zhaijidishenqingbiao”），列表中给出，供按拼音查找
   */
  pinyin?: string;
  document: Material;
}
/**
 * 改革指标：区划本身、每个有已发布事项的乡镇及汇总（乡镇时即其本身）
 */
export interface MetricsReport {
  region: {
    /**
     * 行政区划代码：6 位县级及以上（GB/T 2260）或 9 位乡级
     */
    code: string;
    name: string;
    level: RegionLevel;
  };
  townships: RegionMetrics[];
  rollup: RegionMetrics;
}
/**
 * 一个乡镇（或汇总的县、市）的改革指标：atMostOneVisit 最多跑一次（到现场 ≤ 1 次），online 网上可办（网办深度 Ⅱ 级及以上），inHall 进驻政务服务大厅
 */
export interface RegionMetrics {
  regionCode: string;
  regionName: string;
  itemCount: number;
  atMostOneVisit: Share;
  online: Share;
  inHall: Share;
  /**
   * 承诺时限 ÷ 法定时限的平均值（按工作日），越小压缩越多；只计两个时限都载明天数的事项，没有这样的事项时为 null
   */
  meanPromisedRatio: number | null;
  /**
   * 承诺时限和法定时限都载明天数、计入 meanPromisedRatio 的事项数
   */
  promisedRatioCount: number;
  /**
   * 平均每个事项的材料数
   */
  meanMaterials: number | null;
  /**
   * 平均完整度：各事项载明的基本要素占应载明要素的比例（0–1）的平均值；无事项时为 null
   */
  meanCompleteness: number | null;
  allTargetsMet: boolean;
}
/**
 * 达标比例：数量、占比（0–1）、目标与是否达标
 */
export interface Share {
  count: number;
  share: number;
  target: number;
  met: boolean;
}
/**
 * 新建用户：登录名、姓名、角色、所在区划与初始口令
 */
export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  /**
   * 行政区划代码：6 位县级及以上（GB/T 2260）或 9 位乡级
   */
  regionCode: string;
  password: string;
}
/**
 * 本接口的 OpenAPI 3.1 文档（由路由表生成；完整结构见 OpenAPI 3.1 规范）
 */
export interface OpenApiDocument {
  openapi: string;
  info: {
    title: string;
    version: string;
    description?: string;
  };
  paths: {
    [k: string]: OpenApiPathItem;
  };
  components: {
    schemas?: {
      [k: string]: unknown;
    };
  };
}
/**
 * 一个路径的操作：方法 → 操作对象（结构由 OpenAPI 3.1 规范规定）
 */
export interface OpenApiPathItem {
  [k: string]: unknown;
}
/**
 * 登录的用户：用户名、角色和所在区划
 */
export interface Principal {
  username: string;
  role: Role;
  /**
   * 行政区划代码：6 位县级及以上（GB/T 2260）或 9 位乡级
   */
  regionCode: string;
}
/**
 * 公开清单的一页：事项、符合条件的总数和下一页游标（没有下一页为 null）
 */
export interface PublicItemPage {
  items: PublicItemSummary[];
  total: number;
  next: string | null;
}
/**
 * 公开清单中的一个事项（打开前看到的）：事项载明的要素，没有载明的不出现
 */
export interface PublicItemSummary {
  /**
   * 事项基本编码（≤12 位，如 2 位类型 + 5 位主项 + 3 位子项）
   */
  code: string;
  name: string;
  type?: ItemType;
  version: number;
  tags: ServiceTag[];
  serviceObjects?: ServiceObject[];
  promisedLimit?: TimeLimit;
  statutoryLimit?: TimeLimit;
  handlingLimit?: TimeLimit;
  visits?: number;
  /**
   * 能否网上办理
   */
  online?: boolean;
  /**
   * 实施主体名称
   */
  implementingBody?: string;
}
/**
 * 发布：理由（必须写明）和生效日期（默认今天，北京时间）
 */
export interface PublishRequest {
  reason: Reason;
  effectiveDate?: string;
}
/**
 * 撤回、取消：理由（必须写明）
 */
export interface ReasonRequest {
  reason: Reason;
}
/**
 * 乡镇收到的一件申请：进度、下一步可办理的状态、所填事项和填写内容（全文及各事项分得的部分）
 */
export interface ReceivedSubmission {
  reference: string;
  status: SubmissionStatus;
  statusLabel: string;
  next: SubmissionStatus[];
  items: SubmittedItem[];
  data: {
    form: FormAnswers;
    /**
     * 事项编码 → 该事项表单中的填写内容
     */
    perItem: {
      [k: string]: FormAnswers;
    };
  };
  history: SubmissionEvent[];
  submittedAt: Timestamp;
  /**
   * 申请人姓名（单位申请时为单位名称）
   */
  applicantName?: string;
  timeLimit?: SubmissionTimeLimit;
}
/**
 * 申请所填的事项和当时的版本
 */
export interface SubmittedItem {
  /**
   * 事项基本编码（≤12 位，如 2 位类型 + 5 位主项 + 3 位子项）
   */
  code: string;
  name: string;
  version: number;
  baseVersion: number;
}
/**
 * 办件的一步：状态、名称、时刻，工作人员办理时的用户名和说明
 */
export interface SubmissionEvent {
  status: SubmissionStatus;
  label: string;
  at: Timestamp;
  by?: string;
  note?: string;
}
/**
 * 办件的承诺办结时限：所填事项中最短的一个，受理后按工作日历算出的办结期限（不予受理或办结后不再计算）
 */
export interface SubmissionTimeLimit {
  /**
   * 承诺办结时限，如“7个工作日”
   */
  promised: string;
  /**
   * 办结期限（北京时间日期），自受理之日起算；受理前没有
   */
  due?: string;
  /**
   * 今天已过办结期限而未办结
   */
  overdue?: boolean;
  /**
   * 期限跨过的、节假日安排尚未公布的年份（这些年份只扣除周末）
   */
  unpublishedYears?: number[];
}
/**
 * 退回修改的意见（必须写明）
 */
export interface ReturnComment {
  comment: string;
}
/**
 * 审核通过时可附的意见
 */
export interface ReviewComment {
  comment?: string;
}
/**
 * 待审核的一个草稿：乡镇、事项、revision、提交时刻和提交人
 */
export interface ReviewEntry {
  /**
   * 乡镇（街道）代码，9 位
   */
  township: string;
  townshipName: string;
  /**
   * 事项基本编码（≤12 位，如 2 位类型 + 5 位主项 + 3 位子项）
   */
  itemCode: string;
  name: string;
  status: ItemStatus;
  publishedVersion: number;
  revision: number;
  updatedAt: Timestamp;
  updatedBy: string;
}
/**
 * 登录得到的令牌、失效时刻和用户
 */
export interface Session {
  token: string;
  expiresAt: Timestamp;
  user: User;
}
/**
 * 用户（不含口令）
 */
export interface User {
  username: string;
  displayName: string;
  role: Role;
  /**
   * 行政区划代码：6 位县级及以上（GB/T 2260）或 9 位乡级
   */
  regionCode: string;
}
/**
 * 提交、审核、退回、撤回或取消后的状态、revision 和提醒
 */
export interface StatusChange {
  status: ItemStatus;
  revision: number;
  warnings: Finding[];
}
/**
 * 已提交的申请：受理编号、状态和查询码（只在此时给出一次）
 */
export interface SubmissionReceipt {
  reference: string;
  status: 'submitted';
  /**
   * 查询码：与受理编号一起在任何设备上查看完整申请、取得申请表和告知单；只在此时给出一次
   */
  queryCode: string;
}
/**
 * 网上申请：乡镇、所选事项（一表申请可多个）和填写内容（须有 mobile）
 */
export interface SubmissionRequest {
  /**
   * 乡镇（街道）代码，9 位
   */
  region: string;
  /**
   * @minItems 1
   * @maxItems 20
   *
   * Items: 事项基本编码（≤12 位，如 2 位类型 + 5 位主项 + 3 位子项）
   */
  items: [string, ...string[]];
  data: FormAnswers;
}
/**
 * 办件的新状态
 */
export interface SubmissionStatusChanged {
  reference: string;
  status: SubmissionStatus;
}
/**
 * 受理、要求补正、不予受理或办结，可附说明
 */
export interface SubmissionStatusRequest {
  status: SubmissionStatus;
  note?: string;
}
/**
 * 申请人看到的办件：进度、所填事项和填写内容（凭手机号码时证件号码和电话部分隐藏，masked 为 true）
 */
export interface SubmissionStatusView {
  reference: string;
  status: SubmissionStatus;
  statusLabel: string;
  items: SubmittedItem[];
  history: SubmissionEvent[];
  submittedAt: Timestamp;
  data: FormAnswers;
  masked: boolean;
}
/**
 * 乡镇清单的一行：事项、审核状态、revision 和完整度（基本目录事项未发布或草稿不符合模型时为 null）
 */
export interface TownshipItemRow {
  /**
   * 事项基本编码（≤12 位，如 2 位类型 + 5 位主项 + 3 位子项）
   */
  itemCode: string;
  name: string;
  completeness: number | null;
  status: ItemStatus;
  publishedVersion: number;
  revision: number;
  order: number;
  reviewComment: string | null;
  updatedAt: Timestamp;
  updatedBy: string;
}
/**
 * 一次发布的事项（编码和新版本号）和提醒（itemCode 指出事项）
 */
export interface TownshipPublished {
  published: {
    /**
     * 事项基本编码（≤12 位，如 2 位类型 + 5 位主项 + 3 位子项）
     */
    itemCode: string;
    version: number;
  }[];
  warnings: Finding[];
}
/**
 * 两个发布版本之间的字段级差异
 */
export interface VersionDiff {
  from: number;
  to: number;
  changes: FieldChange[];
}
/**
 * Webhook 订阅：变更记录逐条 POST 到 url，正文以 secret 做 HMAC-SHA256 签名（密钥不回显）
 */
export interface Webhook {
  id: number;
  /**
   * 网址：只允许 http:// 或 https://（javascript: 等会在浏览器里运行或打开本地内容）
   */
  url: string;
  regionCode: string | null;
  active: boolean;
  createdAt: string;
  createdBy: string;
  /**
   * 待投递的事件数
   */
  pending: number;
}
/**
 * 建立或修改 Webhook 订阅：接收地址、签名密钥（16–200 个字符）、可选的区划（只推送该区划及下级的变更）
 */
export interface WebhookRequest {
  /**
   * 网址：只允许 http:// 或 https://（javascript: 等会在浏览器里运行或打开本地内容）
   */
  url: string;
  secret: string;
  /**
   * 行政区划代码：6 位县级及以上（GB/T 2260）或 9 位乡级
   */
  regionCode?: string;
  active?: boolean;
}
