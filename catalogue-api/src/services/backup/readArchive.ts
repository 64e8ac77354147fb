import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Entry } from 'tar-stream';
import { extract as tarExtract } from 'tar-stream';
import type { DumpBatch } from './dump';
import { readDump } from './dump';
import { fileEntryPath, hashedOnTheWay } from './files';
import type { BackupManifest } from './format';
import { BackupError, ENTRY, parseManifest } from './format';

/** The manifest is a few kilobytes; anything far larger is not one. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

/** What a reading of the archive does with its parts, beyond checking them. */
export interface ArchiveUse {
  batch?(batch: DumpBatch): Promise<void>;
  /** Where a file's bytes go (the path is under the files folder, already checked safe). */
  file?(relative: string): Promise<Writable>;
}

/** The archive's entries in order; a file that is not a tar archive says so. */
async function* entriesOf(file: string): AsyncGenerator<Entry> {
  if (!existsSync(file)) throw new BackupError(`备份文件不存在：${file}`);
  const extract = tarExtract();
  pipeline(createReadStream(file), extract).catch(() => undefined);
  let read = 0;
  try {
    for await (const entry of extract) {
      read++;
      yield entry;
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const message = (error as Error).message;
    throw new BackupError(
      read === 0
        ? `${file} 不是 OneSeal 备份文件（不是 tar 归档：${message}）`
        : `备份不完整或已损坏：${file} 无法读完（${message}）`,
    );
  } finally {
    extract.destroy();
  }
}

/** An entry's bytes as they are read; an archive that ends inside it is named as such. */
async function* bytesOf(entry: Entry): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of entry as AsyncIterable<Buffer>) yield chunk;
  } catch (error) {
    throw new BackupError(`备份不完整或已损坏：${entry.header.name} 无法读完（${(error as Error).message}）`);
  }
}

async function readSmall(entry: Entry): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of bytesOf(entry)) {
    size += chunk.length;
    if (size > MAX_MANIFEST_BYTES)
      throw new BackupError(`${entry.header.name} 过大，不是 OneSeal 备份的清单`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function manifestOf(entry: Entry | undefined, file: string): Promise<BackupManifest> {
  if (entry?.header.name !== ENTRY.manifest || entry.header.type !== 'file')
    throw new BackupError(`${file} 不是 OneSeal 备份文件（第一项应为 ${ENTRY.manifest}）`);
  return parseManifest(await readSmall(entry));
}

/** Only the manifest (the archive's first entry), for the checks that need nothing else. */
export async function readManifest(file: string): Promise<BackupManifest> {
  const entries = entriesOf(file);
  try {
    return await manifestOf((await entries.next()).value as Entry | undefined, file);
  } finally {
    await entries.return(undefined);
  }
}

/**
 * Reads the whole archive in order and checks every part: the manifest, the dump against the manifest's counts
 * and checksums (dump.ts), each file against the `files.sha256` listing, and that nothing else is there. What
 * `use` asks for is done along the way, so a caller that writes must be ready to undo it if this throws.
 */
export async function readArchive(file: string, use: ArchiveUse = {}): Promise<BackupManifest> {
  const entries = entriesOf(file);
  try {
    const manifest = await manifestOf((await entries.next()).value as Entry | undefined, file);
    const database = (await entries.next()).value as Entry | undefined;
    if (database?.header.name !== ENTRY.database) throw new BackupError(`备份不完整：缺少 ${ENTRY.database}`);
    for await (const batch of readDump(database, manifest)) await use.batch?.(batch);
    // The listing the files read would make, hashed as it grows, against the listing stored after them.
    const listing = createHash('sha256');
    let listed = false;
    for (let next = await entries.next(); !next.done; next = await entries.next()) {
      const entry = next.value;
      const name = entry.header.name;
      if (listed || !manifest.files.included) throw new BackupError(`备份中有多余的一项：${name}`);
      if (name === ENTRY.fileListing) {
        const stored = createHash('sha256');
        for await (const chunk of bytesOf(entry)) stored.update(chunk);
        if (stored.digest('hex') !== listing.digest('hex'))
          throw new BackupError(`备份损坏：文件内容与 ${ENTRY.fileListing} 不符`);
        listed = true;
        continue;
      }
      if (entry.header.type !== 'file') throw new BackupError(`备份中有不是文件的一项：${name}`);
      const relative = fileEntryPath(name);
      const hash = createHash('sha256');
      await pipeline(
        bytesOf(entry),
        hashedOnTheWay(hash),
        (await use.file?.(relative)) ??
          (async (source: AsyncIterable<Buffer>) => {
            for await (const chunk of source) void chunk;
          }),
      );
      listing.update(`${hash.digest('hex')}  ${name}\n`);
    }
    if (manifest.files.included && !listed) throw new BackupError(`备份不完整：缺少 ${ENTRY.fileListing}`);
    return manifest;
  } finally {
    await entries.return(undefined);
  }
}
