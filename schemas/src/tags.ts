import type { LocalFields, ServiceTag } from './generated/types';

/** The public service tags of the reform (api.schema.json ServiceTag), shown on the portal and used as list filters. */
export const SERVICE_TAGS: readonly ServiceTag[] = ['马上办', '网上办', '就近办', '一次办'];

type Local = Pick<LocalFields, 'caseType' | 'online' | 'visits' | 'nearby'>;

// A tag is earned by what an item states; an element left unstated earns nothing (and costs nothing).

/** 网上可办: an application can at least be submitted online (depth Ⅱ 网上收件、预审 or deeper). */
export function isOnlineAvailable(item: Pick<LocalFields, 'online'>): boolean {
  return item.online?.available === true && item.online.depth !== undefined && item.online.depth !== '1';
}

/** 最多跑一次: the applicant goes to the hall at most once, as the item states. */
export function isAtMostOneVisit(item: Pick<LocalFields, 'visits'>): boolean {
  return item.visits !== undefined && item.visits <= 1;
}

/** 就近办: some village (community) service station takes the application. */
export function isNearby(item: Pick<LocalFields, 'nearby'>): boolean {
  return item.nearby !== undefined && (item.nearby.allVillages || (item.nearby.villages?.length ?? 0) > 0);
}

/** The tags an item earns from its data; tags are never stored, so they cannot disagree with it. */
export function serviceTags(item: Local): ServiceTag[] {
  const earned: Record<ServiceTag, boolean> = {
    马上办: item.caseType === '1',
    网上办: isOnlineAvailable(item),
    就近办: isNearby(item),
    一次办: isAtMostOneVisit(item),
  };
  return SERVICE_TAGS.filter((tag) => earned[tag]);
}
