import { readConfig } from '../config';
import { openStore } from '../server';
import { DERIVED_COLUMNS, refreshPublishedRows } from '../services/publishedIndex';
import { inTransaction } from '../services/store';
import { recountTownships } from '../services/townshipMetrics';
import type { CliIO, ExitCode } from './io';
import { EXIT } from './io';

export const METRICS_USAGE = `用法: oneseal metrics --rebuild [--from-documents]
  按 DB_URL 中已发布的事项重新计算各乡镇的改革指标计数（平时在发布、撤回、取消时随事务维护）
  --from-documents  先按事项文档重新生成每个已发布事项的摘要、检索词和指标（模型改变指标含义之后用）`;

/** `oneseal metrics --rebuild`: recounts every township's totals, optionally re-deriving each row first. */
export async function metricsCommand(args: string[], io: CliIO): Promise<ExitCode> {
  const fromDocuments = args.includes('--from-documents');
  const unknown = args.filter((a) => a !== '--rebuild' && a !== '--from-documents');
  if (!args.includes('--rebuild') || unknown.length > 0) {
    io.err(METRICS_USAGE);
    return EXIT.unusable;
  }
  const started = Date.now();
  const store = await openStore({ ...readConfig(), loadSeeds: false });
  try {
    if (fromDocuments) {
      const { rows, townships } = await refreshPublishedRows(store, DERIVED_COLUMNS);
      io.out(`已按文档重新生成 ${rows} 个已发布事项，重新计算 ${townships} 个乡镇的指标`);
    } else {
      const townships = await inTransaction(store, (t) => recountTownships(store, t));
      io.out(`已重新计算 ${townships} 个乡镇的指标`);
    }
    io.out(`用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
    return EXIT.ok;
  } finally {
    await store.sequelize.close();
  }
}
