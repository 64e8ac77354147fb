import type { Region } from '@oneseal/schemas';
import { regionTree } from '@oneseal/schemas';

/**
 * The form preview's region picker: what the signed-in editor's citizens are offered (a township editor previews
 * the portal's very tree for their township — the county's townships and their villages), by the portal's builder.
 */
export const previewRegions = (regions: readonly Region[], user: { regionCode: string }) =>
  regionTree(regions, user.regionCode);
