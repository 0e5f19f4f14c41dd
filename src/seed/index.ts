/** Seed files: which run (pure), loading and checking them, and running them over a Driver. */
export { type ListSeedsOptions, listSeeds, type SeedListResult } from "./files.js";
export { DEFAULT_PRODUCTION_GUARD, looksLikeProduction } from "./guard.js";
export { type LoadedSeed, loadSeeds } from "./load.js";
export { checkMigrated } from "./ready.js";
export { type RunSeedsOptions, runSeeds, type SeedRunResult } from "./run.js";
export type { SeedContext, SeedDb, SeedFile, SeedFunction, SeedResult } from "./seed.js";
export { isSeedFile, type SeedListing, type SelectedSeed, selectSeeds } from "./select.js";
export { seededTables } from "./tables.js";
export {
  planTruncation,
  type TruncatedTable,
  type TruncationPlan,
  truncateSql,
} from "./truncate.js";
