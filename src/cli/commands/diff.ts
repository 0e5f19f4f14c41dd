import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PitstopError } from "../../core/errors.js";
import { planMigration } from "../../declarative/declarative.js";
import { commentLines, type Plan } from "../../diff/plan.js";
import { directorySource } from "../../source/directory.js";
import type { Output } from "../output.js";
import type { Settings } from "../settings.js";
import { pickVersion, slugify } from "./create.js";
import {
  DEFAULT_SCHEMA_FILE,
  type DeclarativeFlags,
  declarativeOptions,
  scratchDescription,
} from "./declarative-options.js";

export interface DiffFlags extends DeclarativeFlags {
  file?: string;
  seq?: boolean;
  timestamp?: boolean;
  dryRun?: boolean;
  offline?: boolean;
  /** Rewriting type changes as expand/backfill/switch/contract migrations (`diff --expand`). */
  expand?: boolean;
  /** Put the mermaid diagram of the changed tables (and their neighbours) in the header. */
  diagram?: boolean;
}

/**
 * `diff <name>`: replay the migrations and load the desired schema on a
 * scratch database, diff, and write a migration with `-- +up` and `-- +down`.
 */
export async function runDiff(
  settings: Settings,
  out: Output,
  name: string,
  flags: DiffFlags,
): Promise<number> {
  const slug = slugify(name);
  const schema = flags.file ?? DEFAULT_SCHEMA_FILE;
  if (flags.expand && flags.offline)
    throw new PitstopError("USAGE", "--expand and --offline cannot be combined", {
      hint: "--offline writes the plain plan for databases nobody uses; --expand is for tables in use.",
      exitCode: 2,
    });
  const options = {
    ...declarativeOptions(settings, flags, out),
    offline: flags.offline ?? false,
    expand: flags.expand ?? false,
  };
  out.notice(
    `Replaying ${settings.dir}/ and loading ${schema} on ${scratchDescription(options)}...`,
  );
  const plan = await planMigration(
    directorySource({ dir: settings.dir, allowMissing: true }),
    schema,
    options,
  );
  const warnings = [...plan.up.warnings];
  for (const hint of plan.appliedHints)
    warnings.push(
      `${hint.file}:${hint.line}: rename ${hint.from.join(".")} -> ${hint.to.join(".")} is already in the migrations; the hint can go`,
    );
  if (plan.up.statements.length === 0) {
    if (out.json) out.data({ ok: true, changes: false, warnings });
    else {
      for (const w of warnings) out.warn(w);
      out.line(
        `No changes: the migrations in ${settings.dir}/ already give the schema in ${schema}.`,
      );
    }
    return 0;
  }
  const warned = [...warnings, ...(plan.expanded?.warnings ?? [])];
  if (plan.expanded && plan.expanded.phases.length > 0) {
    const { writeExpanded } = await import("./diff-expand.js");
    return writeExpanded(settings, out, { slug, schema, flags, plan, warnings: warned });
  }
  warnings.splice(0, warnings.length, ...warned);
  const version = await pickVersion(settings, flags);
  const file = join(settings.dir, `${version}_${slug}.sql`);
  const header = flags.diagram
    ? (await import("./diff-diagram.js")).diagramHeader(plan.from, plan.to)
    : "";
  const text = migrationText(schema, plan.up, plan.down, header);
  let lintFindings: unknown[] = [];
  if (!flags.dryRun) {
    await mkdir(settings.dir, { recursive: true });
    await writeFile(file, text, { flag: "wx" });
    // What diff wrote is linted like any migration: a rewrite or a lock it takes is said now.
    const { lintWrittenFiles } = await import("../lint-hook.js");
    lintFindings = await lintWrittenFiles(settings, out, [file]);
  }
  const destructive = plan.up.statements.filter((s) => s.destructive);
  if (out.json) {
    out.data({
      ok: true,
      changes: true,
      dryRun: flags.dryRun ?? false,
      file,
      version,
      up: plan.up.statements,
      down: plan.down.statements,
      destructive: destructive.map((s) => s.note ?? s.sql),
      noTransaction: { up: plan.up.noTransaction ?? false, down: plan.down.noTransaction ?? false },
      warnings,
      lint: lintFindings,
    });
    return 0;
  }
  for (const w of warnings) out.warn(w);
  if (flags.dryRun) {
    out.line(text.trimEnd());
    return 0;
  }
  out.line(
    `Wrote ${file} (${plan.up.statements.length} statement(s) up, ${plan.down.statements.length} down).`,
  );
  if (plan.up.noTransaction)
    out.line(
      "It builds indexes or validates constraints on tables in use without blocking them: `pitstop up` runs it statement by statement (no-transaction), recording progress.",
    );
  const flagged = plan.up.statements.filter((s) => s.comment !== undefined);
  if (flagged.length > 0) {
    out.line(
      out.style(
        "Steps with no online form (commented in the file with what to do instead):",
        "yellow",
        "bold",
      ),
    );
    for (const s of flagged) out.line(`  - ${s.lock ?? "locks"}: ${s.sql.split("\n")[0]}`);
  }
  if (destructive.length > 0) {
    out.line(
      out.style(`Destructive steps (commented in the file; review them):`, "yellow", "bold"),
    );
    for (const s of destructive) out.line(`  - ${s.note ?? s.sql}`);
  }
  return 0;
}

/** The migration file: a header, then `-- +up` and `-- +down` sections. */
export function migrationText(schema: string, up: Plan, down: Plan, header = ""): string {
  const section = (plan: Plan) =>
    plan.statements
      .map(
        (s) =>
          `${commentLines(s.comment)}${s.destructive ? `-- pitstop: destructive: ${s.note ?? "may lose data"}\n` : ""}${s.sql};`,
      )
      .join("\n\n");
  const marker = (direction: string, plan: Plan) =>
    `-- +${direction}${plan.noTransaction ? " no-transaction" : ""}`;
  const warnings = [...new Set([...up.warnings, ...down.warnings])].map(
    (w) => `-- pitstop: warning: ${w}\n`,
  );
  if (up.noTransaction || down.noTransaction)
    warnings.unshift(
      "-- no-transaction: CONCURRENTLY and VALIDATE need transactions of their own, so `pitstop up`\n-- runs this statement by statement, recording progress: after a failure it resumes there.\n",
    );
  return `-- Generated by \`pitstop diff\` from ${schema}. Review it before applying.\n${header}${warnings.join("")}\n${marker("up", up)}\n${section(up)}\n\n${marker("down", down)}\n${section(down)}\n`;
}
