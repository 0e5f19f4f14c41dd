import { withMigrator } from "../context.js";
import type { Output } from "../output.js";
import type { Settings } from "../settings.js";

/** `force V`: record a migration as applied (or, with --unapplied, not applied) after fixing things by hand. */
export async function runForce(
  settings: Settings,
  out: Output,
  version: string,
  unapplied: boolean,
  dryRun: boolean,
): Promise<number> {
  const r = await withMigrator(settings, out, { dryRun }, ({ migrator }) =>
    migrator.force(version, { unapplied }),
  );
  if (out.json) out.data({ ok: true, dryRun, ...r });
  else
    out.line(
      `${dryRun ? "Would record" : "Recorded"} ${r.id} as ${r.action === "applied" ? "applied" : "not applied"}.`,
    );
  return 0;
}

/** `repair`: accept edited files and clear failed attempts that left nothing behind. */
export async function runRepair(settings: Settings, out: Output, dryRun: boolean): Promise<number> {
  const changes = await withMigrator(settings, out, { dryRun }, ({ migrator }) =>
    migrator.repair(),
  );
  if (out.json) out.data({ ok: true, dryRun, changes });
  else if (changes.length === 0) out.line("Nothing to repair.");
  else for (const c of changes) out.line(`${dryRun ? "would repair" : "repaired"}: ${c}`);
  return 0;
}
