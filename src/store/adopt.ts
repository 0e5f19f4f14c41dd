import type { AdoptedRecord } from "../core/adoption.js";
import { createHistorySql, type HistoryTable, qualifiedName } from "./history.js";
import { quoteLiteral, versionLiteral } from "./sql-text.js";

/**
 * One script that creates the history table (if needed) and records every
 * adopted migration as applied, in one transaction: all of it or nothing.
 * `by` says where the record came from (`goose`, `baseline`).
 */
export function adoptionSql(
  h: HistoryTable,
  records: readonly AdoptedRecord[],
  by: string,
): string {
  const values = records.map(
    (r) =>
      `(${versionLiteral(r.version)}, ${quoteLiteral(r.name)}, ${quoteLiteral(r.checksum)}, 'applied', ${
        r.appliedAt ? `${quoteLiteral(r.appliedAt.toISOString())}::timestamptz` : "now()"
      }, NULL, 0, NULL, ${quoteLiteral(`${by} (adopted by `)} || current_user || ')')`,
  );
  const insert =
    values.length === 0
      ? ""
      : `INSERT INTO ${qualifiedName(h)} (version, name, checksum, state, applied_at, duration_ms, progress, error, applied_by) VALUES\n${values.join(",\n")};\n`;
  return `BEGIN;\n${createHistorySql(h)}\n${insert}COMMIT;`;
}
