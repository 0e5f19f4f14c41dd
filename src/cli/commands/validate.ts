import { withMigrator } from "../context.js";
import type { Output } from "../output.js";
import type { Settings } from "../settings.js";

/** `validate`: every file parses, applied files are unchanged, nothing is half-done. */
export async function runValidate(settings: Settings, out: Output): Promise<number> {
  const report = await withMigrator(settings, out, {}, ({ migrator }) => migrator.validate());
  if (out.json) {
    out.data({
      ok: report.errors.length === 0,
      errors: report.errors.map((e) => e.toJSON()),
      warnings: report.warnings,
    });
  } else {
    for (const e of report.errors) out.error(e);
    for (const w of report.warnings) out.warn(w);
    if (report.errors.length === 0) out.line("All migrations are valid.");
    else out.line(`${report.errors.length} problem(s) found.`);
  }
  return report.errors.length === 0 ? 0 : 1;
}
