import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { ImportReport } from '@oneseal/schemas';
import type { Principal, Role } from '../auth/roles';
import { ROLES } from '../auth/roles';
import { readConfig } from '../config';
import { ApiError } from '../http/errors';
import { openStore } from '../server';
import { exportNational } from '../services/exchange/nationalExport';
import type { NationalFormat } from '../services/exchange/nationalFormat';
import { LIST_NAMES, NATIONAL_FORMATS } from '../services/exchange/nationalFormat';
import { importNational } from '../services/exchange/nationalImport';
import type { Store } from '../services/store';
import type { CliIO, ExitCode } from './io';
import { EXIT } from './io';

export const EXCHANGE_USAGE = `用法: oneseal export --region 乡镇代码 --format national-json|national-xlsx -o FILE
      oneseal export --base --format national-json|national-xlsx -o FILE
  按国家政务服务事项基本要素（GB/T 39046-2020、实施清单交换表）的要素名称，导出 DB_URL 中
  一个乡镇（街道）的实施清单（全部事项，含草稿），或基本目录（各事项最新发布的版本）。
  未载明的要素不导出，不填默认值。
用法: oneseal import FILE --as 用户名 [--valid-only]
  导入上述 JSON 或 Excel 文件（按文件内容识别格式和清单类型）。每行按模型校验，实施清单
  还按基本目录核对；有任何一行未通过则不写入（--valid-only 只写入通过的行），逐行报告原因。
  基本目录事项新建并按文件所述发布；实施清单事项保存为该乡镇的草稿（新事项先从基本目录认领），
  均以 --as 指定的用户身份进行并记入审计日志。退出码: 0 已写入, 1 有行未通过, 2 文件或参数无法使用`;

/** A usage or input problem: printed without a stack, with its exit code. */
class UsageError extends Error {
  constructor(message: string) {
    super(message);
  }
}

async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ ...readConfig(), loadSeeds: false });
  try {
    return await work(store);
  } finally {
    await store.sequelize.close();
  }
}

/** `oneseal export …` */
export async function exportCommand(args: string[], io: CliIO): Promise<ExitCode> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        region: { type: 'string' },
        base: { type: 'boolean' },
        format: { type: 'string' },
        output: { type: 'string', short: 'o' },
      },
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${EXCHANGE_USAGE}`);
    return EXIT.unusable;
  }
  const format = values.format as NationalFormat | undefined;
  const problem = !values.output
    ? '缺少 -o FILE'
    : !format || !NATIONAL_FORMATS.includes(format)
      ? `--format 应为 ${NATIONAL_FORMATS.join(' 或 ')}`
      : Boolean(values.base) === Boolean(values.region)
        ? '请给出 --region 乡镇代码 或 --base（二者之一）'
        : undefined;
  if (problem) {
    io.err(`${problem}\n\n${EXCHANGE_USAGE}`);
    return EXIT.unusable;
  }
  return withStore(async (store) => {
    try {
      const exported = await exportNational(
        store,
        values.base ? { list: 'base' } : { list: 'implementation', regionCode: values.region! },
        format!,
      );
      await writeFile(values.output!, exported.data);
      io.out(
        `✓ ${values.output}：${values.base ? LIST_NAMES.base : `${values.region} ${LIST_NAMES.implementation}`} ${exported.items} 个事项（${format}）`,
      );
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      io.err(`✗ ${error.text.zh}`);
      return EXIT.invalid;
    }
  });
}

async function principalOf(store: Store, username: string): Promise<Principal> {
  const user = await store.models.User.findByPk(username);
  if (!user || user.disabled) throw new UsageError(`没有可用的用户 ${username}（--as 应为本库中的用户名）`);
  if (!ROLES.includes(user.role as Role)) throw new UsageError(`用户 ${username} 的角色 ${user.role} 无效`);
  return { username: user.username, role: user.role as Role, regionCode: user.regionCode };
}

/** The report, one line per refused row and reason, and one per written row. */
export function printReport(report: ImportReport, io: CliIO): void {
  for (const refused of report.refused)
    for (const reason of refused.reasons)
      io.out(
        `✗ ${reason.sheet} 第 ${reason.row} 行${refused.itemCode ? ` 事项 ${refused.itemCode}` : ''}${reason.column ? ` 【${reason.column}】` : ''}：${reason.message}`,
      );
  // Accepted rows only when written; their warnings (things left unstated) as a count, the designer lists them.
  if (report.written)
    for (const accepted of report.accepted)
      io.out(
        `✓ ${accepted.sheet} 第 ${accepted.row} 行 事项 ${accepted.itemCode}${accepted.warnings.length > 0 ? `（${accepted.warnings.length} 条提示）` : ''}`,
      );
}

/** `oneseal import FILE --as USER [--valid-only]` */
export async function importCommand(args: string[], io: CliIO): Promise<ExitCode> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { as: { type: 'string' }, 'valid-only': { type: 'boolean' } },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${EXCHANGE_USAGE}`);
    return EXIT.unusable;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || !values.as) {
    io.err(`${positionals.length !== 1 ? '请给出一个文件' : '缺少 --as 用户名'}\n\n${EXCHANGE_USAGE}`);
    return EXIT.unusable;
  }
  let data: Buffer;
  try {
    data = await readFile(positionals[0]!);
  } catch (error) {
    io.err(`无法读取 ${positionals[0]}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return EXIT.unusable;
  }
  return withStore(async (store) => {
    try {
      const actor = await principalOf(store, values.as!);
      const { report, list, regionCode } = await importNational(store, actor, data, {
        mode: values['valid-only'] ? 'valid' : 'all',
      });
      printReport(report, io);
      const where = regionCode ? `${regionCode} ${LIST_NAMES[list]}` : LIST_NAMES[list];
      io.out(
        report.written
          ? `已导入 ${where}：写入 ${report.accepted.length} 个事项，${report.refused.length} 行未通过`
          : `${where}：没有需要写入的事项，${report.refused.length} 行未通过`,
      );
      return report.refused.length > 0 ? EXIT.invalid : EXIT.ok;
    } catch (error) {
      if (error instanceof UsageError) {
        io.err(error.message);
        return EXIT.unusable;
      }
      if (!(error instanceof ApiError)) throw error;
      const report = error.extra.report as ImportReport | undefined;
      if (report) printReport(report, io);
      io.err(`✗ ${error.text.zh}`);
      return error.status === 422 ? EXIT.invalid : EXIT.unusable;
    }
  });
}
