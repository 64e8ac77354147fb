import { readFile } from 'node:fs/promises';
import type {
  BaseItem,
  Completeness,
  Finding,
  Item,
  ItemImplementation,
  ValidationIssue,
} from '@oneseal/schemas';
import {
  assessCompleteness,
  checkItem,
  implementationCompleteness,
  migrateDocument,
  SCHEMA_VERSION,
  validateDocument,
} from '@oneseal/schemas';
import { loadSeedCatalogue } from '@oneseal/seeds';
import type { CliIO, ExitCode } from './io';
import { EXIT } from './io';

export const VALIDATE_USAGE = `用法: oneseal validate FILE...
  校验事项（基本目录、实施清单、合并事项）、一件事、材料和数据元 JSON 文件；文件可以是一个文档或文档数组。
  实施清单还按其基本目录事项做一致性和质量检查（基本目录取自同时给出的文件，否则取自种子目录）。
  旧版本模型的文档先经迁移再校验；事项和实施清单另报完整度和未载明的要素（警告，不算错误）。
  退出码: 0 全部有效（可有警告）, 1 有错误, 2 文件无法读取或不是 JSON`;

interface Loaded {
  file: string;
  docs: unknown[];
}

async function load(file: string): Promise<Loaded | string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return `无法读取 ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return { file, docs: Array.isArray(parsed) ? parsed : [parsed] };
  } catch (error) {
    return `${file} 不是有效的 JSON: ${(error as Error).message}`;
  }
}

function describe(doc: unknown): string {
  const d = (doc ?? {}) as Record<string, unknown>;
  const id = [d.regionCode, d.baseCode ?? d.code].filter(Boolean).join('/');
  return [d.kind ?? '未知类型', id, d.name].filter(Boolean).join(' ');
}

const issueLine = (i: ValidationIssue) => `    ✗ ${i.path || '/'}  ${i.message}`;
const findingLine = (f: Finding) =>
  `    ${f.severity === 'error' ? '✗' : '⚠'} ${f.path}  ${f.message}  [${f.rule}]`;
const completenessLines = (c: Completeness) => [
  `    完整度 ${Math.round(c.score * 100)}%（载明 ${c.stated}/${c.total} 项基本要素）`,
  ...c.missing.map((m) => `    ⚠ ${m.path}  ${m.message}  [completeness]`),
];

/** `oneseal validate FILE...` */
export async function validateCommand(files: string[], io: CliIO): Promise<ExitCode> {
  if (files.length === 0) {
    io.err(VALIDATE_USAGE);
    return EXIT.unusable;
  }
  const loaded = await Promise.all(files.map(load));
  let unusable = false;
  let invalid = false;
  // Base items given on the command line win over the seed catalogue, so a changed base can be checked too.
  const bases = new Map<string, BaseItem>();
  let seedBases: Map<string, BaseItem> | undefined;
  // Every document is read as the current model version: older files go through the migration steps first.
  const migrated = loaded.map((l) =>
    typeof l === 'string' ? l : { file: l.file, docs: l.docs.map((d) => migrateDocument(d)) },
  );
  for (const l of migrated)
    if (typeof l !== 'string')
      for (const { document: d } of l.docs)
        if ((d as BaseItem)?.kind === 'base-item') bases.set((d as BaseItem).code, d as BaseItem);
  const baseFor = (code: string) => {
    seedBases ??= new Map(loadSeedCatalogue().baseItems.map((b) => [b.code, b]));
    return bases.get(code) ?? seedBases.get(code);
  };

  for (const l of migrated) {
    if (typeof l === 'string') {
      io.err(`✗ ${l}`);
      unusable = true;
      continue;
    }
    l.docs.forEach(({ document: doc, from, issue }, index) => {
      const where = l.docs.length > 1 ? `${l.file}[${index}]` : l.file;
      const { errors } = issue ? { errors: [issue] } : validateDocument(doc);
      let findings: Finding[] = [];
      const notes: string[] = [];
      if (!issue && from !== SCHEMA_VERSION)
        notes.push(`    ↑ 由模型版本 ${from} 迁移到版本 ${SCHEMA_VERSION} 后校验`);
      if (errors.length === 0 && (doc as ItemImplementation).kind === 'implementation') {
        const impl = doc as ItemImplementation;
        const base = baseFor(impl.baseCode);
        if (base) {
          findings = checkItem(impl, base);
          notes.push(...completenessLines(implementationCompleteness(impl, base)));
        } else notes.push(`    ⚠ 未找到基本目录事项 ${impl.baseCode}，未做一致性检查`);
      }
      if (errors.length === 0 && (doc as Item).kind === 'item')
        notes.push(...completenessLines(assessCompleteness(doc as Item)));
      const failed = errors.length > 0 || findings.some((f) => f.severity === 'error');
      invalid ||= failed;
      io.out(`${failed ? '✗' : '✓'} ${where}  ${describe(doc)}`);
      for (const line of [...errors.map(issueLine), ...findings.map(findingLine), ...notes]) io.out(line);
    });
  }
  return unusable ? EXIT.unusable : invalid ? EXIT.invalid : EXIT.ok;
}
