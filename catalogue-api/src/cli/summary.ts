import { metrics } from '@oneseal/schemas';
import { loadSeedCatalogue, resolveSeedItems } from '@oneseal/seeds';
import type { CliIO, ExitCode } from './io';
import { EXIT } from './io';

const percent = (share: number) => `${(share * 100).toFixed(0)}%`.padStart(5);
const mark = (met: boolean) => (met ? '✓' : '✗');

/** `oneseal summary`: the seed catalogue and each pilot township against the reform's targets. */
export function summaryCommand(io: CliIO): ExitCode {
  const seeds = loadSeedCatalogue();
  const counties = seeds.regions.filter((r) => r.level === 'county').length;
  const townships = seeds.regions.filter((r) => r.level === 'township').length;
  io.out('OneSeal 一章通 — 桂林市种子目录');
  io.out(`行政区划: 1 市, ${counties} 县（市、区）, ${townships} 乡镇（街道）`);
  io.out(
    `基本目录 ${seeds.baseItems.length} 项 · 材料库 ${seeds.materials.length} 种 · 数据元 ${seeds.dataElements.length} 个 · 一件事 ${seeds.bundles.length} 个`,
  );
  io.out('');
  io.out('试点乡镇实施清单           事项  最多跑一次  网上可办  进驻大厅  承诺/法定  达标');
  for (const m of metrics(resolveSeedItems(seeds))) {
    const name = m.regionName.padEnd(10, '　');
    io.out(
      `${m.regionCode} ${name} ${String(m.itemCount).padStart(4)}  ${percent(m.atMostOneVisit.share)} ${mark(m.atMostOneVisit.met)}    ${percent(m.online.share)} ${mark(m.online.met)}  ${percent(m.inHall.share)} ${mark(m.inHall.met)}   ${(m.meanPromisedRatio ?? 0).toFixed(2).padStart(5)}     ${m.allTargetsMet ? '全部达标' : '未达标'}`,
    );
  }
  io.out('');
  io.out('目标: 最多跑一次 ≥ 90%，网上可办 ≥ 80%，依申请事项进驻大厅 100%。');
  return EXIT.ok;
}
