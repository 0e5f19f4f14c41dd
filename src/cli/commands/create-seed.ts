import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../../core/errors.js";
import type { Output } from "../output.js";
import type { Settings } from "../settings.js";

const SQL_TEMPLATE = `-- Seed: runs in a transaction, in file-name order, each time \`pitstop seed\` runs.
-- Keep it idempotent: upsert (ON CONFLICT), so running it again changes nothing.
-- \`pitstop seed --reset\` empties the tables this file inserts into first.

INSERT INTO roles (name, description) VALUES
  ('admin', 'Can do everything'),
  ('member', 'Can use the app')
ON CONFLICT (name) DO UPDATE SET description = EXCLUDED.description;
`;

const TS_TEMPLATE = `import type { SeedContext, SeedDb } from "pg-pitstop";

// What \`pitstop seed --reset\` empties before seeding.
export const tables = ["users"];

// Runs in a transaction, in file-name order. Keep it idempotent (upserts), and
// read secrets from the environment (or .env), never from files in git.
export async function seed(db: SeedDb, ctx: SeedContext) {
  const email = ctx.env.ADMIN_EMAIL;
  if (!email) throw new Error("set ADMIN_EMAIL to create the first admin user");
  await db.query(
    \`INSERT INTO users (email, role) VALUES ($1, 'admin')
     ON CONFLICT (email) DO UPDATE SET role = EXCLUDED.role\`,
    [email],
  );
  ctx.log(\`admin user \${email}\`);
}
`;

function seedFolders(root: string): string[] {
  return [
    root,
    ...readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => join(root, e.name)),
  ];
}

/** `create-seed <name>`: a numbered seed file with an idempotent example. */
export async function runCreateSeed(
  settings: Settings,
  out: Output,
  name: string,
  o: { ts?: boolean; env?: string },
): Promise<number> {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (slug === "") throw new UsageError(`cannot make a file name from ${JSON.stringify(name)}`);
  if (o.env !== undefined && !/^[\w-]+$/.test(o.env))
    throw new UsageError(`--env ${JSON.stringify(o.env)} is not a folder name`);
  const dir = o.env ? join(settings.seedsDir, o.env) : settings.seedsDir;
  mkdirSync(dir, { recursive: true });
  // One order for the common seeds and every environment's: number across all of them.
  const taken = seedFolders(settings.seedsDir)
    .flatMap((d) => readdirSync(d))
    .map((f) => /^(\d+)[_-]/.exec(f)?.[1])
    .filter((n): n is string => n !== undefined);
  const next = Math.max(0, ...taken.map(Number)) + 1;
  const width = Math.max(2, ...taken.map((n) => n.length));
  const file = join(dir, `${String(next).padStart(width, "0")}_${slug}.${o.ts ? "ts" : "sql"}`);
  if (existsSync(file)) throw new UsageError(`${file} already exists`);
  writeFileSync(file, o.ts ? TS_TEMPLATE : SQL_TEMPLATE);
  if (out.json) out.data({ ok: true, file });
  else out.line(`created ${file}`);
  return 0;
}
