import type { StatusReport } from "../../runner/migrator.js";
import { withMigrator } from "../context.js";
import { formatDuration, formatTimestamp, type Output, type Style } from "../output.js";
import type { Settings } from "../settings.js";

export const EXIT_PENDING = 4;

const STATUS_STYLE: Record<string, Style[]> = {
  applied: ["green"],
  pending: ["yellow"],
  out_of_order: ["yellow", "bold"],
  changed: ["red"],
  missing: ["magenta"],
  failed: ["red", "bold"],
  running: ["red"],
  reverting: ["red"],
  revert_failed: ["red", "bold"],
};

/** `status`: every migration with its state; `--check` exits 4 when anything is pending or wrong. */
export async function runStatus(settings: Settings, out: Output, check: boolean): Promise<number> {
  const report = await withMigrator(settings, out, {}, ({ migrator }) => migrator.status());
  if (out.json) out.data(report);
  else printStatus(out, report, settings.dir);
  if (check && (report.pending > 0 || report.problems.length > 0)) return EXIT_PENDING;
  return 0;
}

function printStatus(out: Output, r: StatusReport, dir: string): void {
  out.line(`Database: ${r.target}`);
  out.line(
    `History:  ${r.historyTable}${r.initialized ? "" : " (not created yet: nothing applied)"}`,
  );
  out.line(`Version:  ${r.current ?? "none"}`);
  out.line();
  if (r.migrations.length === 0) {
    out.line(`No migrations found in ${dir}/. Create one with \`pitstop create <name>\`.`);
    return;
  }
  const rows = r.migrations.map((m) => [
    m.versionText,
    m.id.startsWith(`${m.versionText}_`) ? m.id.slice(m.versionText.length + 1) : "",
    m.status === "running" && m.inProgress ? "running" : m.status.replace("_", " "),
    formatTimestamp(m.appliedAt),
    formatDuration(m.durationMs),
  ]);
  out.table(["Version", "Name", "Status", "Applied at (UTC)", "Took"], rows, (col, value) =>
    col === 2 ? STATUS_STYLE[value.replace(" ", "_")] : undefined,
  );
  out.line();
  const applied = r.migrations.filter(
    (m) => m.status === "applied" || m.status === "changed",
  ).length;
  out.line(`${applied} applied, ${r.pending} pending.`);
  for (const p of r.problems) out.warn(p);
}

/** `version`: the version the database is at (JSON `null`, or a sentence, when nothing is applied). */
export async function runVersion(settings: Settings, out: Output): Promise<number> {
  const version = await withMigrator(settings, out, {}, ({ migrator }) => migrator.version());
  if (out.json) out.data({ version: version ?? null });
  else process.stdout.write(version ? `${version}\n` : "No migrations applied.\n");
  return 0;
}
