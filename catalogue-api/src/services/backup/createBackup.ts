import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Pack } from 'tar-stream';
import { pack as tarPack } from 'tar-stream';
import { writeDump } from './dump';
import type { FilesLocation } from './files';
import { filesUnder, hashedOnTheWay } from './files';
import type { BackupManifest, TableManifest } from './format';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, ENTRY } from './format';
import { openSnapshot } from './snapshot';

export interface BackupOptions {
  dbUrl: string;
  files: FilesLocation;
  /** The backup file to write; it appears only once complete. */
  out: string;
  /** Awaited after each table is dumped (progress). */
  onTable?: (table: TableManifest) => void | Promise<void>;
  /** Awaited once the snapshot is taken, before any row is read. */
  onSnapshot?: (takenAt: Date) => void | Promise<void>;
}

export interface BackupSummary {
  manifest: BackupManifest;
  bytes: number;
  files: { count: number; bytes: number };
}

/** Adds `path` (of `size` bytes) to the archive as `name`; answers its SHA-256. */
async function addFile(pack: Pack, name: string, path: string, size: number, mtime: Date): Promise<string> {
  const hash = createHash('sha256');
  const entry = pack.entry({ name, size, mtime });
  try {
    await pipeline(createReadStream(path), hashedOnTheWay(hash), entry);
  } catch (error) {
    // tar-stream's words when the bytes read differ from the size stated in the entry's header.
    if ((error as Error).message === 'Size mismatch')
      throw new BackupError(`${path} 在备份过程中被改动（大小由 ${size} 字节变了）：请重新备份`);
    throw error;
  }
  return hash.digest('hex');
}

/** The tar of format.ts: manifest, dump, then the files and their `sha256sum` listing. */
async function writeArchive(
  file: string,
  manifest: BackupManifest,
  dumpFile: string,
  files: FilesLocation,
  work: string,
): Promise<BackupSummary['files']> {
  const pack = tarPack();
  const written = pipeline(pack, createWriteStream(file));
  const at = new Date(manifest.createdAt);
  const text = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  pack.entry({ name: ENTRY.manifest, size: text.length, mtime: at }, text);
  await addFile(pack, ENTRY.database, dumpFile, (await stat(dumpFile)).size, at);
  const totals = { count: 0, bytes: 0 };
  if (files.kind === 'folder') {
    // Written aside as the files go by, so that memory does not grow with their number.
    const listingFile = join(work, ENTRY.fileListing);
    const listing = await open(listingFile, 'w');
    try {
      for await (const stored of filesUnder(files.path)) {
        const name = `${ENTRY.filesPrefix}${stored.relative}`;
        const { mtime } = await stat(stored.path);
        await listing.write(`${await addFile(pack, name, stored.path, stored.size, mtime)}  ${name}\n`);
        totals.count++;
        totals.bytes += stored.size;
      }
    } finally {
      await listing.close();
    }
    await addFile(pack, ENTRY.fileListing, listingFile, (await stat(listingFile)).size, at);
  }
  pack.finalize();
  await written;
  return totals;
}

/**
 * Backs up the database at `dbUrl` while it serves: one consistent snapshot (snapshot.ts) dumped to a work
 * folder beside `out`, then the archive written as `out.partial` and renamed to `out` when complete. Files are
 * read after the snapshot: uploads are written once and never changed, so every file the snapshot names is
 * there (a file uploaded since may come along too, unnamed by any row).
 */
export async function createBackup(options: BackupOptions): Promise<BackupSummary> {
  const out = resolve(options.out);
  const partial = `${out}.partial`;
  if (existsSync(out)) throw new BackupError(`${out} 已存在：备份不覆盖已有文件，请换一个文件名`);
  if (!existsSync(dirname(out))) throw new BackupError(`文件夹 ${dirname(out)} 不存在`);
  const work = await mkdtemp(join(dirname(out), '.oneseal-backup-'));
  try {
    const dumpFile = join(work, ENTRY.database);
    const snapshot = await openSnapshot(options.dbUrl, work);
    let tables: TableManifest[];
    try {
      await options.onSnapshot?.(snapshot.takenAt);
      tables = await writeDump(snapshot, dumpFile, options.onTable ?? (() => undefined));
    } finally {
      await snapshot.close();
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: snapshot.takenAt.toISOString(),
      dialect: snapshot.dialect,
      source: snapshot.source,
      migrations: snapshot.migrations,
      tables,
      files:
        options.files.kind === 'folder'
          ? { location: options.files.path, included: true }
          : { location: options.files.url, included: false },
    };
    const files = await writeArchive(partial, manifest, dumpFile, options.files, work);
    await rename(partial, out);
    return { manifest, bytes: (await stat(out)).size, files };
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}
