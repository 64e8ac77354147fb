import type {
  BaseItem,
  CatalogueFields,
  ItemImplementation,
  LocalFields,
  MaterialRequirement,
  ResolvedItem,
  ResolvedMaterial,
} from './generated/types';
import { SCHEMA_VERSION } from './migration';
import { schemaFile } from './schemaFiles';

/** Thrown when an implementation cannot be merged with its base item; `checkItem` says why in detail. */
export class ResolutionError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'ResolutionError';
  }
}

export interface ResolveOptions {
  regionName: string;
  /** Name of a library material, for requirements that do not name it themselves. */
  materialName: (code: string) => string | undefined;
}

function groupKeys(file: string, group: string): string[] {
  const def = schemaFile(file).$defs?.[group];
  return Object.keys(def?.properties ?? {});
}

// Which element belongs to which level is decided by the schema's field groups, not restated here.
const CATALOGUE_KEYS = groupKeys('base-item.schema.json', 'CatalogueFields') as (keyof CatalogueFields)[];
const LOCAL_KEYS = groupKeys('item-implementation.schema.json', 'LocalFields') as (keyof LocalFields)[];

/** Does this element belong to the base catalogue (so an implementation's findings name it /base/…)? */
export function isCatalogueKey(key: string): boolean {
  return (CATALOGUE_KEYS as string[]).includes(key);
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

function resolveMaterials(
  base: BaseItem,
  impl: ItemImplementation,
  options: ResolveOptions,
): ResolvedMaterial[] {
  const standard = new Map<string, MaterialRequirement>(base.materials.map((m) => [m.material, m]));
  return impl.materials.map((selection, i) => {
    const requirement = standard.get(selection.material);
    if (!requirement)
      throw new ResolutionError(
        `材料 ${selection.material} 不在基本目录事项 ${base.code} 的材料中`,
        `/materials/${i}/material`,
      );
    const name = requirement.name ?? options.materialName(selection.material);
    if (!name)
      throw new ResolutionError(`材料库中没有材料 ${selection.material}`, `/materials/${i}/material`);
    return { ...requirement, ...selection, name };
  });
}

/**
 * The full view of one township's item: the base item's catalogue elements, the township's local elements,
 * the township's selection of materials merged into the standard requirements, fees as the township charges
 * them, and FAQ and risk points from both levels. Lifecycle (status, version, dates) is the implementation's.
 * Elements neither level states are left out, never defaulted.
 */
export function resolveItem(base: BaseItem, impl: ItemImplementation, options: ResolveOptions): ResolvedItem {
  if (impl.baseCode !== base.code)
    throw new ResolutionError(
      `实施清单引用的基本编码 ${impl.baseCode} 与基本目录事项 ${base.code} 不一致`,
      '/baseCode',
    );
  const faq = [...(base.faq ?? []), ...(impl.faq ?? [])];
  const riskPoints = [...(base.riskPoints ?? []), ...(impl.riskPoints ?? [])];
  const fees = impl.fees ?? base.fees;
  // Only what either level states is carried over: an unstated element stays unstated in the item.
  const item: ResolvedItem = {
    kind: 'item',
    schemaVersion: SCHEMA_VERSION,
    ...pick(base, CATALOGUE_KEYS),
    ...pick(impl, LOCAL_KEYS),
    code: base.code,
    regionCode: impl.regionCode,
    regionName: options.regionName,
    baseVersion: base.version,
    status: impl.status,
    version: impl.version,
    materials: resolveMaterials(base, impl, options),
    ...(fees ? { fees } : {}),
    ...(faq.length > 0 ? { faq } : {}),
    ...(riskPoints.length > 0 ? { riskPoints } : {}),
  };
  if (impl.effectiveDate) item.effectiveDate = impl.effectiveDate;
  if (impl.cancelDate) item.cancelDate = impl.cancelDate;
  return item;
}
