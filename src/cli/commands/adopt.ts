import type { AdoptedRecord, ForeignTool } from "../../core/adoption.js";
import { withMigrator } from "../context.js";
import { formatTimestamp, type Output } from "../output.js";
import type { Settings } from "../settings.js";

/** `adopt`: take over the history of golang-migrate, goose or dbmate. */
export async function runAdopt(
  settings: Settings,
  out: Output,
  options: { from?: ForeignTool; table?: string; dryRun: boolean },
): Promise<number> {
  const { dryRun } = options;
  const report = await withMigrator(settings, out, { dryRun }, ({ migrator }) =>
    migrator.adopt({
      ...(options.from ? { from: options.from } : {}),
      ...(options.table ? { table: options.table } : {}),
    }),
  );
  if (out.json) {
    out.data({ ok: true, ...report });
    return 0;
  }
  out.line(
    `Found ${report.tool}'s history in ${report.from}: ${report.records.length} migration(s) applied.`,
  );
  out.line(
    `${dryRun ? "Would record" : "Recorded"} them in ${report.historyTable}${dryRun ? "" : ` (${report.from} is left as it was)`}:`,
  );
  printRecords(out, report.records);
  for (const v of report.missing)
    out.warn(`version ${v} is applied but has no file here: recorded; \`status\` shows it missing`);
  for (const id of report.notApplied)
    out.warn(
      `${id} is older than the newest applied migration but ${report.tool} never applied it: \`pitstop up --allow-out-of-order\` applies it`,
    );
  out.line();
  out.line(
    dryRun
      ? "Dry run: nothing changed. Run `pitstop adopt` to record them."
      : "Nothing was run. Next: `pitstop status`, then `pitstop up` for what is pending.",
  );
  return 0;
}

/** `baseline V`: mark every migration up to V as applied on a database with no history. */
export async function runBaseline(
  settings: Settings,
  out: Output,
  version: string,
  dryRun: boolean,
): Promise<number> {
  const report = await withMigrator(settings, out, { dryRun }, ({ migrator }) =>
    migrator.baseline(version),
  );
  if (out.json) {
    out.data({ ok: true, ...report });
    return 0;
  }
  out.line(
    `${dryRun ? "Would record" : "Recorded"} ${report.records.length} migration(s) as applied in ${report.historyTable} (nothing was run):`,
  );
  printRecords(out, report.records);
  if (dryRun) out.line("Dry run: nothing changed.");
  return 0;
}

function printRecords(out: Output, records: readonly AdoptedRecord[]): void {
  for (const r of records) {
    const at = r.appliedAt
      ? `  ${out.style(`applied ${formatTimestamp(r.appliedAt)}`, "dim")}`
      : "";
    out.line(`  ${out.style("✓", "green")} ${r.id}${at}`);
  }
}
