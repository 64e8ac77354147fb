import type {
  BaseItem,
  Bundle,
  DataElement,
  ItemImplementation,
  Material,
  Region,
  ResolvedItem,
} from '@oneseal/schemas';
import { migrateDocument, resolveItem } from '@oneseal/schemas';
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

/** A seed document as the current model version: a file of an older version is read through the migration. */
function current<T>(doc: unknown, file: string): T {
  const { document, issue } = migrateDocument(doc);
  if (issue) throw new Error(`seed ${file}: ${issue.message}`);
  return document as T;
}

export function loadSeedCatalogue(): SeedCatalogue {
  const list = <T>(file: string) => readJson<unknown[]>(file).map((d) => current<T>(d, file));
  const one = <T>(file: string) => current<T>(readJson<unknown>(file), file);
  return {
    regions: loadRegions(),
    dataElements: list<DataElement>('data-elements.json'),
    materials: jsonFiles('materials').flatMap((file) => list<Material>(file)),
    baseItems: jsonFiles('base-items').map((file) => one<BaseItem>(file)),
    implementations: jsonFiles('implementations').flatMap((file) => list<ItemImplementation>(file)),
    bundles: jsonFiles('bundles').map((file) => one<Bundle>(file)),
  };
}

/** Every implementation merged with its base item, as the public sees it. */
export function resolveSeedItems(seeds: SeedCatalogue): ResolvedItem[] {
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
