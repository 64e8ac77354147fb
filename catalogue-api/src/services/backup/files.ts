import type { Hash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BackupError, ENTRY } from './format';

/**
 * Where OneSeal keeps uploaded files (issue 14): object storage when FILES_URL is set (`s3://bucket/prefix`),
 * otherwise the folder FILES_DIR (default `./data/files`).
 */
export type FilesLocation = { kind: 'folder'; path: string } | { kind: 'object-storage'; url: string };

export function filesLocation(env: NodeJS.ProcessEnv = process.env): FilesLocation {
  if (env.FILES_URL) return { kind: 'object-storage', url: env.FILES_URL };
  return { kind: 'folder', path: resolve(env.FILES_DIR ?? './data/files') };
}

export interface StoredFile {
  /** Path under the files folder, with `/`. */
  relative: string;
  path: string;
  size: number;
}

/** Every file under `folder`, folder by folder in name order; nothing when the folder does not exist. */
export async function* filesUnder(folder: string, relative = ''): AsyncGenerator<StoredFile> {
  let entries;
  try {
    entries = await readdir(join(folder, relative), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && relative === '') return;
    throw error;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const name = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* filesUnder(folder, name);
    else if (entry.isFile()) {
      const path = join(folder, name);
      yield { relative: name, path, size: (await stat(path)).size };
    } else
      throw new BackupError(`${join(folder, name)} 不是普通文件或文件夹（符号链接等不备份）：请先处理它`);
  }
}

/**
 * The path under the files folder that an archive entry names, or an error for any name that could write
 * elsewhere (absolute, `..`, empty or `.` parts, backslashes, NUL).
 */
export function fileEntryPath(entryName: string): string {
  const relative = entryName.slice(ENTRY.filesPrefix.length);
  const parts = relative.split('/');
  if (
    !entryName.startsWith(ENTRY.filesPrefix) ||
    relative === '' ||
    parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\') || p.includes('\u0000'))
  )
    throw new BackupError(`备份中的文件名不安全，拒绝恢复：${JSON.stringify(entryName)}`);
  return relative;
}

/** A pipeline step that passes bytes on unchanged, adding them to `hash` on the way. */
export function hashedOnTheWay(hash: Hash) {
  return async function* (source: AsyncIterable<Buffer>) {
    for await (const chunk of source) {
      hash.update(chunk);
      yield chunk;
    }
  };
}
