import type { SchemaTypes } from '@oneseal/schemas';
import { SCHEMA_IDS, SCHEMA_REFS } from '@oneseal/schemas';
import type { ParamSpec, JsonSchema } from '../http/routeTable';

// Parameter and body schemas are references into the model, never retyped here.
const COMMON = SCHEMA_IDS.item.replace('item.schema.json', 'common.schema.json');
export const ref = (id: string): JsonSchema => ({ $ref: id });
/** A named shape of the model (api.schema.json for requests and answers, or any titled schema or definition). */
export const shape = (name: keyof SchemaTypes): JsonSchema => ref(SCHEMA_REFS[name]);
export const model = {
  baseItem: ref(SCHEMA_IDS['base-item']),
  implementation: ref(SCHEMA_IDS.implementation),
  item: ref(SCHEMA_IDS.item),
  bundle: ref(SCHEMA_IDS.bundle),
  material: ref(SCHEMA_IDS.material),
  dataElement: ref(SCHEMA_IDS['data-element']),
  region: ref(SCHEMA_IDS.region),
  finding: ref(`${SCHEMA_IDS.results}#/$defs/Finding`),
  completeness: ref(`${SCHEMA_IDS.results}#/$defs/Completeness`),
  issue: ref(`${SCHEMA_IDS.results}#/$defs/ValidationIssue`),
  regionMetrics: ref(`${SCHEMA_IDS.results}#/$defs/RegionMetrics`),
  importReport: ref(`${SCHEMA_IDS.results}#/$defs/ImportReport`),
  township: ref(`${COMMON}#/$defs/TownshipCode`),
  division: ref(`${COMMON}#/$defs/DivisionCode`),
  basicCode: ref(`${COMMON}#/$defs/BasicCode`),
  isoDate: ref(`${COMMON}#/$defs/IsoDate`),
};

export const townshipParam: ParamSpec = { description: '乡镇（街道）代码，9 位', schema: model.township };
export const regionParam: ParamSpec = {
  description: '行政区划代码：6 位（市、县）或 9 位（乡镇）',
  schema: model.division,
};
export const itemParam: ParamSpec = { description: '事项基本编码', schema: model.basicCode };
export const versionParam: ParamSpec = {
  description: '版本号',
  schema: { type: 'string', pattern: '^[1-9]\\d{0,5}$' },
};
export const ifMatch: ParamSpec = {
  description: '读取时得到的 revision（也在 ETag 中）',
  schema: { type: 'string' },
  required: true,
};

/** Every 4xx/5xx answer has this one shape (the error middleware writes it). */
export const errorBody: JsonSchema = shape('ApiErrorBody');

/** The usual error answers of a route, described once. */
export const errors = {
  400: { description: '参数无效', schema: errorBody },
  401: { description: '未登录或登录已失效', schema: errorBody },
  403: { description: '角色或辖区无权操作', schema: errorBody },
  404: { description: '不存在', schema: errorBody },
  409: { description: '状态冲突或 revision 已过期', schema: errorBody },
  422: { description: '内容校验未通过（details 给出路径和说明）', schema: errorBody },
} as const;

export const pick = <K extends keyof typeof errors>(...codes: K[]) =>
  Object.fromEntries(codes.map((c) => [c, errors[c]])) as Pick<typeof errors, K>;
