import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Region, RegionLevel } from '@oneseal/schemas';
import { DATA_DIR } from './files';

/** Parses guilin-divisions.csv (code,"name",parentCode,level) — quoted names hold no commas or quotes. */
export function loadRegions(): Region[] {
  const lines = readFileSync(join(DATA_DIR, 'guilin-divisions.csv'), 'utf8').trim().split(/\r?\n/);
  return lines.slice(1).map((line) => {
    const [code, name, parentCode, level] = line.split(',') as [string, string, string, RegionLevel];
    return { code, name: name.replace(/^"|"$/g, ''), parentCode, level };
  });
}
