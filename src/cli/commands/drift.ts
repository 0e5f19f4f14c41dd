import { driftOf } from "../../declarative/drift.js";
import type { Difference } from "../../diff/compare.js";
import { inspect } from "../../inspect/inspect.js";
import { Migrator } from "../../runner/migrator.js";
import { directorySource } from "../../source/directory.js";
import { closeForExit, openDatabase } from "../context.js";
import type { Output } from "../output.js";
import type { Settings } from "../settings.js";
import {
  type DeclarativeFlags,
  declarativeOptions,
  scratchDescription,
} from "./declarative-options.js";

/**
 * `drift`: the live database against the migrations it has applied, replayed
 * on a scratch database. Exit 4 when anything differs.
 */
export async function runDrift(
  settings: Settings,
  out: Output,
  flags: DeclarativeFlags,
): Promise<number> {
  const options = declarativeOptions(settings, flags, out);
  const source = directorySource({ dir: settings.dir, allowMissing: true });
  const driver = await openDatabase(settings, out);
  let live: Awaited<ReturnType<typeof inspect>>;
  let applied: Set<string>;
  let pending: number;
  try {
    const status = await new Migrator({ driver, source, history: settings.history }).status();
    applied = new Set(
      status.migrations
        .filter((m) => m.status === "applied" || m.status === "changed")
        .map((m) => m.version),
    );
    pending = status.pending;
    live = await inspect(driver, { ...options.filter, history: settings.history });
  } finally {
    await closeForExit(driver);
  }
  out.notice(
    `Replaying the ${applied.size} applied migration(s) on ${scratchDescription(options)}...`,
  );
  const { differences, fix } = await driftOf(live, applied, source, options);
  if (out.json) {
    out.data({
      ok: differences.length === 0,
      drift: differences.length > 0,
      pending,
      differences,
      fix,
    });
    return differences.length > 0 ? 4 : 0;
  }
  const note = pending > 0 ? ` (${pending} pending migration(s) not compared)` : "";
  if (differences.length === 0) {
    out.line(`No drift: the database matches its ${applied.size} applied migration(s)${note}.`);
    return 0;
  }
  out.line(
    out.style(
      `Drift: ${differences.length} difference(s) between the database and its migrations${note}:`,
      "bold",
    ),
  );
  const width = Math.max(...differences.map((d) => d.key.length));
  for (const d of differences) out.line(`  ${symbol(d)} ${d.key.padEnd(width)}  ${describe(d)}`);
  if (fix.length > 0) {
    out.line();
    out.line("SQL that would make the database match the migrations:");
    for (const s of fix) out.line(`  ${s.sql.replaceAll("\n", "\n  ")};`);
  }
  return 4;
}

function symbol(d: Difference): string {
  return d.change === "added" ? "+" : d.change === "removed" ? "-" : "~";
}

function describe(d: Difference): string {
  if (d.change === "added") return "only in the database";
  if (d.change === "removed") return "missing from the database";
  return `differs: ${(d.fields ?? []).join(", ")}`;
}
