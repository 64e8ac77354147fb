import type {
  BaseItem,
  Bundle,
  DataElement,
  Item,
  ItemImplementation,
  Material,
  Region,
} from '@oneseal/schemas';
import { resolveItem } from '@oneseal/schemas';
import { jsonFiles, readJson } from './files';
import { loadRegions } from './regions';

/** Everything the seeds hold, as plain documents of the model. */
export interface SeedCatalogue {
  regions: Region[];
  dataElements: DataElement[];
  materials: Material[];
  baseItems: BaseItem[];
  /** Each pilot township's implementation list, in the file's order. */
  implementations: ItemImplementation[];
  bundles: Bundle[];
}

export function loadSeedCatalogue(): SeedCatalogue {
  return {
    regions: loadRegions(),
    dataElements: readJson<DataElement[]>('data-elements.json'),
    materials: jsonFiles('materials').flatMap((file) => readJson<Material[]>(file)),
    baseItems: jsonFiles('base-items').map((file) => readJson<BaseItem>(file)),
    implementations: jsonFiles('implementations').flatMap((file) => readJson<ItemImplementation[]>(file)),
    bundles: jsonFiles('bundles').map((file) => readJson<Bundle>(file)),
  };
}

/** Every implementation merged with its base item, as the public sees it. */
export function resolveSeedItems(seeds: SeedCatalogue): Item[] {
  const bases = new Map(seeds.baseItems.map((b) => [b.code, b]));
  const regions = new Map(seeds.regions.map((r) => [r.code, r.name]));
  const materials = new Map(seeds.materials.map((m) => [m.code, m.name]));
  return seeds.implementations.map((impl) => {
    const base = bases.get(impl.baseCode);
    if (!base)
      throw new Error(
        `seed implementation ${impl.implementationCode} refers to unknown base item ${impl.baseCode}`,
      );
    return resolveItem(base, impl, {
      regionName: regions.get(impl.regionCode) ?? impl.regionCode,
      materialName: (code) => materials.get(code),
    });
  });
}
