import { PitstopError } from "../core/errors.js";
import type { StatusReport } from "../runner/migrator.js";

/**
 * Seeds are written for the newest schema: refuse while migrations are
 * pending, failed or half-done, and say which and what to run. Edited or
 * missing files are only warnings.
 */
export function checkMigrated(report: StatusReport): { error?: PitstopError; warnings: string[] } {
  const blocking = report.migrations.filter((m) =>
    ["pending", "out_of_order", "failed", "running", "reverting", "revert_failed"].includes(
      m.status,
    ),
  );
  const warnings = report.migrations
    .filter((m) => m.status === "changed" || m.status === "missing")
    .map((m) =>
      m.status === "changed"
        ? `migration ${m.id} was edited after it was applied`
        : `migration ${m.id} is applied but has no file here`,
    );
  if (blocking.length === 0) return { warnings };
  const first = blocking[0]!;
  const pending = blocking.filter((m) => m.status === "pending" || m.status === "out_of_order");
  const broken = blocking.length - pending.length;
  const what = [
    pending.length > 0 ? `${pending.length} migration(s) pending` : "",
    broken > 0 ? `${broken} failed or interrupted` : "",
  ]
    .filter(Boolean)
    .join(", ");
  return {
    warnings,
    error: new PitstopError(
      "MIGRATIONS_PENDING",
      `refusing to seed ${report.target}: ${what} (first: ${first.id}, ${first.status.replace("_", " ")}); seeds run on an up-to-date schema`,
      {
        hint:
          broken > 0
            ? "See `pitstop status`, fix the failed migration, then `pitstop up`, then seed."
            : "Run `pitstop up` first, then seed.",
      },
    ),
  };
}
