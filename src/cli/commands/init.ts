import { existsSync } from "node:fs";
import { appendFile, mkdir, readFile, writeFile } from "node:fs/promises";
import type { Output } from "../output.js";
import { CONFIG_FILES, type Settings } from "../settings.js";

const CONFIG_TEMPLATE = `import { defineConfig } from "pg-pitstop";

export default defineConfig({
  // Migrations folder.
  dir: "migrations",
  // Unset: the embedded PGlite database in .pitstop/. Usually set DATABASE_URL instead.
  // database: "postgres://app@localhost:5432/app",
  // lock_timeout for each migration's DDL, so a busy table never queues the app behind it.
  ddlLockTimeout: "5s",
});
`;

/** `init`: a migrations folder, a config file, and `.pitstop/` kept out of git. */
export async function runInit(settings: Settings, out: Output): Promise<number> {
  const done: string[] = [];
  if (!existsSync(settings.dir)) {
    await mkdir(settings.dir, { recursive: true });
    done.push(`created ${settings.dir}/`);
  }
  if (!CONFIG_FILES.some((f) => existsSync(f))) {
    await writeFile(
      "pitstop.config.ts",
      CONFIG_TEMPLATE.replace('dir: "migrations"', `dir: ${JSON.stringify(settings.dir)}`),
    );
    done.push("created pitstop.config.ts");
  }
  const ignore = existsSync(".gitignore") ? await readFile(".gitignore", "utf8") : "";
  if (!/^\/?\.pitstop\/?$/m.test(ignore)) {
    await appendFile(".gitignore", `${ignore && !ignore.endsWith("\n") ? "\n" : ""}.pitstop/\n`);
    done.push("added .pitstop/ to .gitignore");
  }
  if (out.json) out.data({ ok: true, done });
  else {
    for (const d of done) out.line(d);
    if (done.length === 0) out.line("Already initialized.");
    out.line("Next: `pitstop create <name>`, write the SQL, then `pitstop up`.");
  }
  return 0;
}
