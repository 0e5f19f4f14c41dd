import { asPitstopError, UsageError } from "../core/errors.js";
import type { Driver } from "../driver/driver.js";
import { type FleetLimits, serverLimits } from "./migrate-fleet.js";
import type { FleetTargetResult } from "./report.js";
import { schedule } from "./schedule.js";
import {
  describeTarget,
  openTarget,
  type TargetConnectOptions,
  toFleetError,
} from "./target-run.js";
import { type FleetTarget, targetsFromRows } from "./targets.js";

/**
 * Targets listed by a query on a control database: rows with a `url`
 * column (or the first column) and an optional `name`.
 *
 * @example
 * const targets = await queryTargets(process.env.CONTROL_URL!, "SELECT slug AS name, dsn AS url FROM tenants", process.env);
 */
export async function queryTargets(
  controlUrl: string,
  sql: string,
  env: Readonly<Record<string, string | undefined>>,
  options: TargetConnectOptions = {},
): Promise<FleetTarget[]> {
  const rows = await queryOne(
    { name: "control", url: controlUrl },
    sql,
    "--targets-query",
    options,
  );
  return targetsFromRows(rows, env);
}

/**
 * Schema per tenant: each database target becomes one target a schema the
 * query returns on it (first column), named `<database>/<schema>` (just the
 * schema when there is one database). A database that cannot be reached is
 * returned in `unreachable` (its tenants unknown), not thrown.
 *
 * @example
 * const tenants = await tenantSchemas([{ name: "app", url }], "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\\_%'");
 */
export async function tenantSchemas(
  databases: readonly FleetTarget[],
  sql: string,
  options: FleetLimits & TargetConnectOptions = {},
): Promise<{ targets: FleetTarget[]; unreachable: FleetTargetResult[] }> {
  const found = new Map<FleetTarget, FleetTarget[]>();
  const unreachable: FleetTargetResult[] = [];
  await schedule(databases, {
    ...serverLimits(options),
    run: async (db) => {
      let rows: Record<string, unknown>[];
      try {
        rows = await queryOne(db, sql, "--tenant-schemas", options);
      } catch (error) {
        const e = asPitstopError(error);
        if (e.code !== "CONNECTION" || databases.length === 1) throw e;
        unreachable.push({
          name: `${db.name}/*`,
          ...describeTarget(db),
          outcome: "unreachable",
          applied: [],
          attempts: 1,
          error: toFleetError(e, db),
        });
        return;
      }
      const schemas = rows.map((r) => Object.values(r)[0]);
      found.set(
        db,
        schemas.map((schema) => {
          if (typeof schema !== "string" || schema === "")
            throw new UsageError(`--tenant-schemas on ${db.name} returned ${String(schema)}`, {
              hint: "The query's first column must be schema names, e.g. SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\\_%'.",
            });
          return {
            name: databases.length === 1 ? schema : `${db.name}/${schema}`,
            url: db.url,
            schema,
          };
        }),
      );
    },
  });
  return { targets: databases.flatMap((db) => found.get(db) ?? []), unreachable };
}

async function queryOne(
  target: FleetTarget,
  sql: string,
  flag: string,
  options: TargetConnectOptions,
): Promise<Record<string, unknown>[]> {
  let driver: Driver | undefined;
  try {
    driver = await openTarget(target, options);
    return (await driver.query(sql)).rows;
  } catch (error) {
    const e = asPitstopError(error);
    if (e.code === "CONNECTION") throw e;
    throw new UsageError(`${flag} failed on ${target.name}: ${e.message}`, {
      hint: `Check the SQL of ${flag}; it runs as written on ${describeTarget(target).target}.`,
      cause: error,
    });
  } finally {
    await driver?.close().catch(() => {});
  }
}
