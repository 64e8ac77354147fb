export { loadSeedCatalogue, resolveSeedItems } from './catalogue';
export type { SeedCatalogue } from './catalogue';
export { loadRegions } from './regions';
export { DATA_DIR } from './files';
