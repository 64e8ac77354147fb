import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { Readable as ReadableStream } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { BackupManifest, RowValue, TableManifest } from './format';
import { BackupError, decodeValue, ENTRY, encodeValue } from './format';
import type { Snapshot } from './snapshot';

/** Lines are handed to gzip in chunks of about this size. */
const CHUNK_BYTES = 64 * 1024;
const BATCH_BYTES = 1024 * 1024;
const BATCH_ROWS = 1000;
/** The longest line read back: one row, its bytes in base64 (a township's guide book is a few MB). */
const MAX_LINE_BYTES = 256 * 1024 * 1024;

/**
 * Writes every table of the snapshot to `file` as gzip'd NDJSON (format.ts), row by row as the snapshot yields
 * them, and returns each table's row count and checksum. `onTable` is awaited after each table.
 */
export async function writeDump(
  snapshot: Snapshot,
  file: string,
  onTable: (table: TableManifest) => void | Promise<void>,
): Promise<TableManifest[]> {
  const tables: TableManifest[] = [];
  async function* chunks() {
    let chunk = '';
    for (const table of snapshot.tables) {
      chunk += `${JSON.stringify({ table: table.name, columns: table.columns.map((c) => c.name) })}\n`;
      const hash = createHash('sha256');
      const names = table.columns.map((c) => `${table.name}.${c.name}`);
      let rows = 0;
      for await (const values of snapshot.rows(table)) {
        const line = `${JSON.stringify(values.map((v, i) => encodeValue(v, names[i]!)))}\n`;
        hash.update(line);
        rows++;
        chunk += line;
        if (chunk.length >= CHUNK_BYTES) {
          yield chunk;
          chunk = '';
        }
      }
      const done = { ...table, rows, sha256: hash.digest('hex') };
      tables.push(done);
      await onTable(done);
    }
    if (chunk) yield chunk;
  }
  await pipeline(ReadableStream.from(chunks()), createGzip(), createWriteStream(file));
  return tables;
}

/** The lines of a byte stream, each with its newline; a line longer than `max` bytes is refused. */
async function* linesOf(stream: AsyncIterable<Buffer>, max: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const chunk of stream) {
    let start = 0;
    for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
      pending.push(chunk.subarray(start, end + 1));
      yield pending.length === 1 ? pending[0]! : Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      start = end + 1;
    }
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingBytes += chunk.length - start;
      if (pendingBytes > max) throw new BackupError(`${ENTRY.database} 中有一行超过 ${max} 字节`);
    }
  }
  if (pendingBytes > 0) throw new BackupError(`${ENTRY.database} 不完整（最后一行没有结束）`);
}

/** Rows of one table: at most BATCH_ROWS, or fewer that make about BATCH_BYTES of dump text. */
export interface DumpBatch {
  table: TableManifest;
  rows: RowValue[][];
}

function parseLine(line: Buffer, where: string): unknown {
  try {
    return JSON.parse(line.toString('utf8'));
  } catch {
    throw new BackupError(`${ENTRY.database} 损坏：${where} 不是 JSON`);
  }
}

/**
 * Reads a dump back, checking it against the manifest as it goes: tables in the manifest's order with its
 * columns, every row of the right width, and each table's row count and SHA-256. A mismatch throws before the
 * next table begins, and at the end when a table is missing.
 */
export async function* readDump(gzipped: Readable, manifest: BackupManifest): AsyncGenerator<DumpBatch> {
  try {
    yield* checkedBatches(gzipped, manifest);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`备份不完整或已损坏：${ENTRY.database} 无法读完（${(error as Error).message}）`);
  }
}

async function* checkedBatches(gzipped: Readable, manifest: BackupManifest): AsyncGenerator<DumpBatch> {
  const gunzip = createGunzip();
  // Errors of either stream surface through the gunzip being read.
  pipeline(gzipped, gunzip).catch(() => undefined);
  let index = -1;
  let table: TableManifest | undefined;
  let hash = createHash('sha256');
  let count = 0;
  let batch: RowValue[][] = [];
  let bytes = 0;
  const finishTable = () => {
    if (!table) return;
    if (count !== table.rows || hash.digest('hex') !== table.sha256)
      throw new BackupError(
        `备份损坏：表 ${table.name} 应有 ${table.rows} 行，读到 ${count} 行${count === table.rows ? '，但内容校验和不符' : ''}`,
      );
  };
  for await (const line of linesOf(gunzip, MAX_LINE_BYTES)) {
    if (line[0] !== 0x5b /* [ */) {
      if (batch.length > 0) yield { table: table!, rows: batch };
      batch = [];
      bytes = 0;
      finishTable();
      const header = parseLine(line, `第 ${index + 2} 张表的表头`) as { table?: unknown; columns?: unknown };
      table = manifest.tables[++index];
      if (
        !table ||
        header.table !== table.name ||
        JSON.stringify(header.columns) !== JSON.stringify(table.columns.map((c) => c.name))
      )
        throw new BackupError(`备份损坏：${ENTRY.database} 的表 ${String(header.table)} 与清单不符`);
      hash = createHash('sha256');
      count = 0;
      continue;
    }
    if (!table) throw new BackupError(`备份损坏：${ENTRY.database} 没有以表头开始`);
    hash.update(line);
    count++;
    const values = parseLine(line, `表 ${table.name} 第 ${count} 行`);
    if (!Array.isArray(values) || values.length !== table.columns.length)
      throw new BackupError(`备份损坏：表 ${table.name} 第 ${count} 行的列数不对`);
    batch.push(values.map(decodeValue));
    bytes += line.length;
    if (bytes >= BATCH_BYTES || batch.length >= BATCH_ROWS) {
      yield { table, rows: batch };
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length > 0) yield { table: table!, rows: batch };
  finishTable();
  if (index !== manifest.tables.length - 1)
    throw new BackupError(`备份不完整：缺少表 ${manifest.tables[index + 1]!.name}`);
}
