/** `diff --expand`: the expand/backfill/switch/contract phases as four migrations in order. */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { looksLikeTimestamp, timestampVersion } from "../../core/version.js";
import type { MigrationPlan } from "../../declarative/declarative.js";
import type { Output } from "../output.js";
import type { Settings } from "../settings.js";
import { pickVersion } from "./create.js";
import { type DiffFlags, migrationText } from "./diff.js";

const WHAT: Record<string, string> = {
  expand: "the plan, with each new column (and the trigger that keeps it written)",
  backfill:
    "old rows in batches, a transaction each (after a failure `pitstop up` runs it again, skipping rows done); checks validated, indexes built CONCURRENTLY",
  switch:
    "one short transaction: NOT NULL through the validated check, the new column takes the name (its down section runs statement by statement)",
  contract: "drops the old column(s): apply it once nothing reads them",
};

/** The first lines of a phase's file: which step it is and what it does. */
function header(name: string, index: number, count: number): string {
  return `-- pitstop --expand, step ${index + 1} of ${count} (${name}): ${WHAT[name] ?? ""}.\n`;
}

/**
 * `count` versions from `first` on: a second each for timestamps, one each
 * for sequence numbers (same width).
 *
 * @example
 * followingVersions("20260101120059", 2) // ["20260101120059", "20260101120100"]
 */
export function followingVersions(first: string, count: number): string[] {
  const out = [first];
  for (let i = 1; i < count; i++) {
    if (looksLikeTimestamp(first)) {
      const t = first;
      const date = Date.UTC(
        Number(t.slice(0, 4)),
        Number(t.slice(4, 6)) - 1,
        Number(t.slice(6, 8)),
        Number(t.slice(8, 10)),
        Number(t.slice(10, 12)),
        Number(t.slice(12, 14)) + i,
      );
      out.push(timestampVersion(new Date(date)));
    } else out.push((BigInt(first) + BigInt(i)).toString().padStart(first.length, "0"));
  }
  return out;
}

/** Writes (or prints, with `--dry-run`) one migration per phase, versions in a row. */
export async function writeExpanded(
  settings: Settings,
  out: Output,
  o: {
    slug: string;
    schema: string;
    flags: DiffFlags;
    plan: MigrationPlan;
    warnings: readonly string[];
  },
): Promise<number> {
  const expanded = o.plan.expanded!;
  const versions = followingVersions(await pickVersion(settings, o.flags), expanded.phases.length);
  const files = expanded.phases.map((phase, i) => ({
    phase,
    version: versions[i]!,
    file: join(settings.dir, `${versions[i]}_${o.slug}_${phase.name}.sql`),
    text: migrationText(
      o.schema,
      phase.up,
      phase.down,
      header(phase.name, i, expanded.phases.length),
    ),
  }));
  let lint: unknown[] = [];
  if (!o.flags.dryRun) {
    await mkdir(settings.dir, { recursive: true });
    for (const f of files) await writeFile(f.file, f.text, { flag: "wx" });
    const { lintWrittenFiles } = await import("../lint-hook.js");
    lint = await lintWrittenFiles(
      settings,
      out,
      files.map((f) => f.file),
    );
  }
  if (out.json) {
    out.data({
      ok: true,
      changes: true,
      dryRun: o.flags.dryRun ?? false,
      expanded: expanded.columns,
      files: files.map((f) => ({
        phase: f.phase.name,
        file: f.file,
        version: f.version,
        up: f.phase.up.statements,
        down: f.phase.down.statements,
        noTransaction: {
          up: f.phase.up.noTransaction ?? false,
          down: f.phase.down.noTransaction ?? false,
        },
      })),
      warnings: o.warnings,
      lint,
    });
    return 0;
  }
  for (const w of o.warnings) out.warn(w);
  if (o.flags.dryRun) {
    for (const f of files) out.line(`-- ${f.file}\n${f.text.trimEnd()}\n`);
    return 0;
  }
  out.line(`Expanding ${expanded.columns.join(", ")} in ${files.length} migrations:`);
  for (const f of files) out.line(`  ${f.file}  ${WHAT[f.phase.name] ?? ""}`);
  const contract = files.find((f) => f.phase.name === "contract");
  out.line(
    out.style(
      contract === undefined
        ? "`pitstop up` applies them; the backfill runs batch by batch and resumes after a failure."
        : `\`pitstop up --to ${files[files.indexOf(contract) - 1]!.version}\` applies up to the switch (the backfill runs batch by batch and resumes after a failure); apply the contract step once nothing reads the old column.`,
      "yellow",
      "bold",
    ),
  );
  return 0;
}
