import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Item } from '@oneseal/schemas';
import { migrateDocument, validateItem } from '@oneseal/schemas';
import {
  ChromiumMissingError,
  PdfPrinter,
  renderBlankForm,
  renderBook,
  renderFlowchart,
  renderGuide,
  renderNotice,
  UnknownMaterialError,
} from '@oneseal/runtime';
import { loadSeedCatalogue } from '@oneseal/seeds';
import { SingleBar } from 'cli-progress';
import { readConfig } from '../config';
import { openStore } from '../server';
import { publishedItems } from '../services/documents';
import { requireRegion } from '../services/publicCatalogue';
import type { CliIO, ExitCode } from './io';
import { EXIT } from './io';
import { chinaToday } from '../services/chinaDate';

export const DOCUMENTS_USAGE = `用法: oneseal guide FILE [--format html|pdf] -o OUT
      oneseal notice FILE [--missing 材料编码,…] [--deadline YYYY-MM-DD] [--refusal 理由] [--format html|pdf] -o OUT
      oneseal flowchart FILE -o OUT.svg
      oneseal blank-form FILE [--format html|pdf] -o OUT
  FILE 为 GET /api/public/regions/:code/items/:itemCode 返回的事项 JSON；格式缺省按 OUT 的扩展名。
  空白申请表中绑定数据元的选择题，选项取自种子数据元字典。
用法: oneseal book --region 乡镇代码 -o OUT.pdf
  读取 DB_URL 中该乡镇已发布的全部事项，生成带目录页码的办事指南汇编`;

/** A usage or input problem: printed without a stack, with its exit code. */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }
}

async function readItem(file: string): Promise<Item> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(
      `无法读取 ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      EXIT.unusable,
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} 不是有效的 JSON: ${(error as Error).message}`, EXIT.unusable);
  }
  // A file of an older model version is read through the migration steps, as `oneseal validate` reads it.
  const migrated = migrateDocument(doc);
  doc = migrated.document;
  const result = migrated.issue ? { valid: false, errors: [migrated.issue] } : validateItem(doc);
  if ((doc as { kind?: unknown })?.kind !== 'item' || !result.valid) {
    const problems =
      (doc as { kind?: unknown })?.kind !== 'item'
        ? ['    /kind  应为 item（GET /api/public/regions/:code/items/:itemCode 返回的事项）']
        : result.errors.map((e) => `    ${e.path}  ${e.message}`);
    throw new CliError(`✗ ${file} 不是有效的事项：\n${problems.join('\n')}`, EXIT.invalid);
  }
  return doc as Item;
}

function formatOf(format: string | undefined, out: string): 'html' | 'pdf' {
  const chosen = format ?? (out.toLowerCase().endsWith('.pdf') ? 'pdf' : 'html');
  if (chosen !== 'html' && chosen !== 'pdf')
    throw new CliError(`--format 应为 html 或 pdf，不是 ${chosen}`, EXIT.unusable);
  return chosen;
}

async function writeDocument(html: string, format: 'html' | 'pdf', out: string): Promise<void> {
  if (format === 'html') return writeFile(out, html);
  const printer = new PdfPrinter();
  try {
    await writeFile(out, await printer.print(html));
  } finally {
    await printer.close();
  }
}

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  format: { type: 'string' },
  missing: { type: 'string' },
  deadline: { type: 'string' },
  refusal: { type: 'string' },
  region: { type: 'string' },
} as const;

/** `oneseal guide|notice|flowchart|blank-form FILE …` and `oneseal book --region CODE …` */
export async function documentCommand(
  command: 'guide' | 'notice' | 'flowchart' | 'blank-form' | 'book',
  args: string[],
  io: CliIO,
): Promise<ExitCode> {
  try {
    let parsed;
    try {
      parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true });
    } catch (error) {
      throw new CliError(`${(error as Error).message}\n\n${DOCUMENTS_USAGE}`, EXIT.unusable);
    }
    const { values, positionals } = parsed;
    const out = values.output;
    if (!out) throw new CliError(`缺少 -o OUT\n\n${DOCUMENTS_USAGE}`, EXIT.unusable);
    if (command === 'book') {
      if (!values.region) throw new CliError(`缺少 --region 乡镇代码\n\n${DOCUMENTS_USAGE}`, EXIT.unusable);
      await bookCommand(values.region, out, io);
    } else {
      if (positionals.length !== 1)
        throw new CliError(`请给出一个事项文件\n\n${DOCUMENTS_USAGE}`, EXIT.unusable);
      const item = await readItem(positionals[0]!);
      const base = readConfig().publicBaseUrl;
      if (command === 'flowchart') {
        const process = item.process ?? [];
        if (process.length === 0)
          throw new CliError(`✗ ${positionals[0]!} 没有载明办理流程，无法绘制流程图`, EXIT.invalid);
        await writeFile(out, await renderFlowchart({ ...item, process }));
      } else if (command === 'guide')
        await writeDocument(
          await renderGuide(item, { publicBaseUrl: base }),
          formatOf(values.format, out),
          out,
        );
      else if (command === 'blank-form')
        await writeDocument(
          renderBlankForm(item, loadSeedCatalogue().dataElements),
          formatOf(values.format, out),
          out,
        );
      else {
        const notice = renderNotice(item, {
          missing: values.missing
            ?.split(',')
            .map((c) => c.trim())
            .filter(Boolean),
          deadline: values.deadline,
          refusal: values.refusal ? { reason: values.refusal } : undefined,
        });
        await writeDocument(notice, formatOf(values.format, out), out);
      }
    }
    io.out(`✓ ${out}`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      return error.exitCode;
    }
    if (error instanceof ChromiumMissingError || error instanceof UnknownMaterialError) {
      io.err(`✗ ${error.message}`);
      return EXIT.invalid;
    }
    throw error;
  }
}

async function bookCommand(regionCode: string, out: string, io: CliIO): Promise<void> {
  const config = { ...readConfig(), loadSeeds: false };
  const store = await openStore(config);
  const printer = new PdfPrinter();
  try {
    const region = await requireRegion(store, regionCode).catch(() => {
      throw new CliError(`没有行政区划 ${regionCode}`, EXIT.invalid);
    });
    const items = await publishedItems(store, regionCode);
    if (items.length === 0)
      throw new CliError(`${region.name}（${regionCode}）没有已发布的事项`, EXIT.invalid);
    const parent = region.parentCode ? await requireRegion(store, region.parentCode) : undefined;
    const bar = new SingleBar({
      format: ' {phase} [{bar}] {value}/{total}',
      hideCursor: true,
      noTTYOutput: true,
      stream: process.stderr,
    });
    const phases = {
      guides: '准备指南和流程图',
      printed: '排版打印',
      contents: '生成目录',
      merge: '合并页码',
      done: '完成',
    } as const;
    bar.start(items.length, 0, { phase: phases.guides });
    const started = Date.now();
    const pdf = await renderBook(items, printer, {
      publicBaseUrl: config.publicBaseUrl,
      region: { name: region.name, parentName: parent?.name ?? '' },
      date: chinaToday(),
      onProgress: (p) => bar.update(p.done, { phase: phases[p.phase] }),
    });
    bar.stop();
    await writeFile(out, pdf);
    io.out(
      `${region.name}：${items.length} 个事项，${(pdf.length / 1024).toFixed(0)} KB，用时 ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await printer.close();
    await store.sequelize.close();
  }
}
