export { queryTargets, tenantSchemas } from "./discover.js";
export {
  type FleetStatusEntry,
  type FleetStatusOptions,
  type FleetStatusReport,
  type FleetTargetState,
  fleetStatus,
} from "./fleet-status.js";
export {
  DEFAULT_FLEET_CONCURRENCY,
  type FleetLimits,
  type FleetOptions,
  migrateFleet,
} from "./migrate-fleet.js";
export type {
  FleetCounts,
  FleetError,
  FleetEvent,
  FleetOutcome,
  FleetProgress,
  FleetReport,
  FleetTargetResult,
} from "./report.js";
export { type FleetTarget, parseTargets, serverOf, targetsFromRows } from "./targets.js";
