/**
 * What the kiosk keeps in the browser's storage while one person uses it: only under this prefix, and all of it is
 * forgotten when the kiosk starts over (idle or 首页), so the next person finds nothing of theirs.
 */
const PREFIX = 'oneseal.kiosk.';

/** The materials one person has ticked as ready for one item (the notice screen's self-check). */
export const readyMaterials = {
  key: (region: string, item: string) => `${PREFIX}ready.${region}.${item}`,
  load(region: string, item: string): string[] {
    try {
      const stored: unknown = JSON.parse(sessionStorage.getItem(this.key(region, item)) ?? '[]');
      return Array.isArray(stored) ? stored.filter((c): c is string => typeof c === 'string') : [];
    } catch {
      return [];
    }
  },
  save(region: string, item: string, codes: readonly string[]) {
    sessionStorage.setItem(this.key(region, item), JSON.stringify(codes));
  },
};

/** Removes every kiosk entry from session and local storage; other keys of the site are not the kiosk's. */
export function forgetKioskDrafts(): void {
  for (const storage of [sessionStorage, localStorage]) {
    const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
      (k): k is string => k !== null && k.startsWith(PREFIX),
    );
    for (const key of keys) storage.removeItem(key);
  }
}
