import type { Region } from '@oneseal/schemas';
import { api } from '../api';
import type { Session } from '../api';

export interface RegionNode {
  key: string;
  title: string;
  level: Region['level'];
  children?: RegionNode[];
}

let all: Promise<Region[]> | undefined;
/** Every division, fetched once per page load. */
export const loadRegions = () => (all ??= api.get('/public/regions'));

/**
 * The region tree a user may work in: a township editor sees their township, a county user their county's
 * townships, the city admin every county.
 */
export function scopedTree(regions: Region[], user: Session['user']): RegionNode[] {
  const node = (r: Region): RegionNode => ({
    key: r.code,
    title: r.name,
    level: r.level,
    children:
      r.level === 'township'
        ? undefined
        : regions.filter((c) => c.parentCode === r.code && c.level !== 'village').map(node),
  });
  const own = regions.find((r) => r.code === user.regionCode);
  return own ? [node(own)] : [];
}

export const regionName = (regions: Region[], code: string) =>
  regions.find((r) => r.code === code)?.name ?? code;
