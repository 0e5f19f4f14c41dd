import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { UsageError } from "../../core/errors.js";
import { FORMATS, scanMigrationFolder } from "../../source/directory.js";
import type { FormatName } from "../../source/formats/format.js";
import { loadParser } from "../../sql/parser.js";
import type { Output } from "../output.js";
import type { Settings } from "../settings.js";

/**
 * `convert --to FORMAT`: writes the folder's migrations into a new folder in
 * another format (code migrations are copied as they are).
 */
export async function runConvert(
  settings: Settings,
  out: Output,
  options: { to: FormatName; out?: string; dryRun: boolean },
): Promise<number> {
  const scan = scanMigrationFolder({
    dir: settings.dir,
    ...(settings.format ? { format: settings.format } : {}),
  });
  const outDir = options.out ?? `${settings.dir.replace(/[\\/]+$/, "")}-${options.to}`;
  if (existsSync(outDir) && readdirSync(outDir).length > 0) {
    throw new UsageError(`${outDir}/ exists and is not empty`, {
      hint: "Choose an empty or new folder with --out; convert never overwrites files.",
    });
  }
  await loadParser();
  const portable = FORMATS[scan.format].portable(scan.sqlFiles);
  const files: { name: string; text: string }[] = [];
  const warnings: string[] = [];
  for (const m of portable) {
    const written = FORMATS[options.to].write(m);
    files.push(...written.files);
    warnings.push(...written.warnings);
  }
  if (!options.dryRun) {
    mkdirSync(outDir, { recursive: true });
    for (const f of files) writeFileSync(join(outDir, f.name), f.text, { flag: "wx" });
    for (const code of scan.codeFiles) copyFileSync(code, join(outDir, basename(code)));
  }
  if (out.json) {
    out.data({
      ok: true,
      dryRun: options.dryRun,
      from: scan.format,
      to: options.to,
      out: outDir,
      files: [...files.map((f) => f.name), ...scan.codeFiles.map((f) => basename(f))],
      warnings,
    });
    return 0;
  }
  for (const w of warnings) out.warn(w);
  out.line(
    `${options.dryRun ? "Would write" : "Wrote"} ${portable.length} migration(s) from ${settings.dir}/ (${scan.format}) to ${outDir}/ as ${options.to}${scan.codeFiles.length ? `, and copy ${scan.codeFiles.length} code migration(s)` : ""}.`,
  );
  out.line(
    "The files differ from the originals, so their checksums do too: on a database that applied them, run `pitstop repair` once after switching folders.",
  );
  return 0;
}
