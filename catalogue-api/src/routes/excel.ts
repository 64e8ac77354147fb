import type { Role } from '../auth/roles';
import type { ApiContext } from '../http/context';
import type { JsonSchema, RouteSpec } from '../http/routeTable';
import { XLSX_TYPE } from '../services/excel/columns';
import { exportList } from '../services/excel/exportList';
import { exportNational } from '../services/exchange/nationalExport';
import type { NationalFormat } from '../services/exchange/nationalFormat';
import { NATIONAL_FORMATS } from '../services/exchange/nationalFormat';
import type { ImportMode } from '../services/excel/importList';
import { importList } from '../services/excel/importList';
import { errorBody, model, pick, townshipParam } from './common';

// The same roles as the list (GET /townships/:code/items) and a draft save (PUT …/items/:itemCode).
const EVERYONE: readonly Role[] = ['township-editor', 'reviewer', 'county-admin', 'city-admin'];
const EDITORS: readonly Role[] = ['township-editor', 'county-admin', 'city-admin'];

const township = (ctx: ApiContext) => ctx.params.code!;

// The report's shape is the model's (results.schema.json ImportReport), as the designer reads it.
const report = model.importReport;
const workbook: JsonSchema = { description: 'Excel 工作簿（.xlsx）文件本身，二进制' };

export const excelRoutes: RouteSpec[] = [
  {
    method: 'get',
    path: '/townships/:code/items.xlsx',
    tag: '乡镇实施清单',
    summary: '导出乡镇清单（Excel）',
    description:
      '与清单接口相同的全部事项（草稿和已发布的），工作表“事项”每行一个事项、“申请材料”每行一个事项的一种材料；代码表列为中文名称并带下拉列表；每行带 revision（修订号），导入时据此发现导出后他人的修改。',
    access: EVERYONE,
    scope: township,
    params: { code: townshipParam },
    responses: {
      200: {
        description: 'xlsx 文件（Content-Disposition: attachment）',
        contentType: XLSX_TYPE,
        schema: workbook,
      },
      ...pick(400, 401, 403),
    },
    async handle(ctx, { store }) {
      const list = await exportList(store, township(ctx));
      ctx.set(
        'Content-Disposition',
        `attachment; filename="${township(ctx)}-items.xlsx"; filename*=UTF-8''${encodeURIComponent(list.filename)}`,
      );
      ctx.set('Cache-Control', 'no-store');
      ctx.type = XLSX_TYPE;
      ctx.body = list.data;
    },
  },
  {
    method: 'get',
    path: '/townships/:code/export',
    tag: '乡镇实施清单',
    summary: '按国家政务服务事项要素导出乡镇清单（JSON 或 Excel）',
    description:
      '与 `oneseal export --region` 相同：清单中的全部事项（草稿和已发布的），要素名称取自 GB/T 39046-2020 和实施清单交换表，代码取国家代码，未载明的要素不输出。national-xlsx 的“事项”每行一个事项、“申请材料”每行一个事项的一种材料，可由“导入”接口导入。',
    access: EVERYONE,
    scope: township,
    params: { code: townshipParam },
    query: {
      format: {
        description: 'national-json 或 national-xlsx',
        required: true,
        schema: { enum: [...NATIONAL_FORMATS] },
      },
    },
    responses: {
      200: {
        // Either way a file to save (an attachment), which the typed client answers as bytes.
        description:
          '交换文件（Content-Disposition: attachment）：national-xlsx 为 xlsx，national-json 为 application/json',
        contentType: XLSX_TYPE,
        schema: { description: '交换文件本身' },
      },
      ...pick(400, 401, 403, 404),
    },
    async handle(ctx, { store }) {
      const exported = await exportNational(
        store,
        { list: 'implementation', regionCode: township(ctx) },
        ctx.query.format as NationalFormat,
      );
      ctx.set('Content-Disposition', `attachment; filename="${exported.filename}"`);
      ctx.set('Cache-Control', 'no-store');
      ctx.type = exported.contentType;
      ctx.body = exported.data;
    },
  },
  {
    method: 'post',
    path: '/townships/:code/items/import',
    tag: '乡镇实施清单',
    summary: '导入修改后的 Excel 清单，保存为草稿',
    description:
      '请求体为导出的 xlsx 文件本身（至多 5 MB）。每行还原为实施清单条目，按模型校验并与基本目录核对（与提交审核相同），并与导出时的 revision 比较。未修改的行不写入。mode=all（默认）：任何一行未通过则不写入任何内容（422，error.report 为导入报告）；mode=valid：写入通过的行，报告未通过的行。写入与保存草稿（PUT）相同，在一个事务中，逐条记入审计日志；之后照常审核、发布。',
    access: EDITORS,
    scope: township,
    params: { code: townshipParam },
    query: {
      mode: {
        description: 'all：全部通过才写入（默认）；valid：只写入通过检查的行',
        schema: { enum: ['all', 'valid'] },
      },
    },
    rawBody: 'xlsx',
    rateLimit: 'upload',
    body: workbook,
    responses: {
      200: { description: '导入报告（written 表示是否写入）', schema: report },
      400: { description: '不是有效的 xlsx 文件，或缺少必需的工作表、列', schema: errorBody },
      ...pick(401, 403, 409),
      413: { description: '文件超过 5 MB', schema: errorBody },
      415: { description: 'Content-Type 不是 xlsx', schema: errorBody },
      422: {
        description: 'mode=all 且有行未通过检查（code 为 import-refused）：没有写入；error.report 为导入报告',
        schema: errorBody,
      },
    },
    async handle(ctx, { store }) {
      ctx.body = await importList(
        store,
        ctx.state.principal!,
        township(ctx),
        ctx.request.body as Buffer,
        (ctx.query.mode as ImportMode | undefined) ?? 'all',
      );
    },
  },
];
