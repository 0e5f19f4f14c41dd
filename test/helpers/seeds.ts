import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A temp seeds folder with these files (`development/02_x.sql` makes the env folder). */
export function seedsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "pitstop-seeds-"));
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
  return dir;
}
