import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The seed data ships as JSON (and one CSV) next to `src` and `dist`. */
export const DATA_DIR = join(__dirname, '..', 'data');

export function readJson<T>(...segments: string[]): T {
  return JSON.parse(readFileSync(join(DATA_DIR, ...segments), 'utf8')) as T;
}

/** Every `.json` file of a data folder, in name order, with its path relative to DATA_DIR. */
export function jsonFiles(folder: string): string[] {
  return readdirSync(join(DATA_DIR, folder))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(folder, f));
}
