import type { Region } from './generated/types';

/** A division as a region picker (a cascader) offers it; a division with nothing below it is a leaf. */
export interface RegionOption {
  value: string;
  label: string;
  children?: RegionOption[];
}

/**
 * The divisions a form's region field offers to an applicant in `code`: the county the place lies in (the county
 * itself; every county for the city), its townships and their villages. The portal asks it for the township an
 * application is made in, the designer's preview for the editor's own region — one builder, so a township editor
 * previews the very picker their citizens get.
 */
export function regionTree(regions: readonly Region[], code: string): RegionOption[] {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  let root = byCode.get(code);
  while (root && root.level !== 'county' && root.level !== 'city')
    root = root.parentCode === undefined ? undefined : byCode.get(root.parentCode);
  const below = (parent: string): RegionOption[] =>
    regions
      .filter((r) => r.parentCode === parent)
      .map((r) => {
        const children = below(r.code);
        return { value: r.code, label: r.name, ...(children.length > 0 ? { children } : {}) };
      });
  return root ? below(root.code) : [];
}
