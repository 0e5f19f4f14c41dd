import { existsSync, readFileSync } from "node:fs";
import type { Output } from "./output.js";

/**
 * `--check` of a command that writes a file (`schema dump`, `bundle`):
 * compares what it would write with the file, writes nothing, and returns
 * exit code 4 when the file is stale or missing (for CI), 0 when it matches.
 */
export function checkFile(
  out: Output,
  file: string,
  text: string,
  what: { against: string; fix: string },
): number {
  const current = existsSync(file) ? readFileSync(file, "utf8") : undefined;
  const stale = current !== text;
  if (out.json) out.data({ ok: !stale, stale, file });
  else if (stale)
    out.line(
      `${file} is ${current === undefined ? "missing" : "stale"}: it does not match ${what.against}. Run \`${what.fix}\` and commit it.`,
    );
  else out.line(`${file} is up to date.`);
  return stale ? 4 : 0;
}
