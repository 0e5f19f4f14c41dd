import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../../core/errors.js";
import type { Output } from "../output.js";
import type { Settings } from "../settings.js";

const SQL_TEMPLATE = `-- Seed: runs in a transaction, in file-name order, each time \`pitstop seed\` runs.
-- Keep it idempotent: insert with ON CONFLICT and update only what differs, so
-- running it again changes nothing (\`pitstop seed\` then reports 0 rows).
-- \`pitstop seed --reset\` empties the tables this file inserts into first.
--
-- For example, once a migration has created a roles table:
--
-- INSERT INTO roles (name, description) VALUES
--   ('admin', 'Can do everything'),
--   ('member', 'Can use the app')
-- ON CONFLICT (name) DO UPDATE SET description = EXCLUDED.description
--   WHERE roles.description IS DISTINCT FROM EXCLUDED.description;
`;

const TS_TEMPLATE = `import type { SeedContext, SeedDb } from "pg-pitstop";

// What \`pitstop seed --reset\` empties before seeding.
export const tables = ["users"];

// Runs in a transaction, in file-name order. Keep it idempotent (upserts that
// update only what differs), and read secrets from the environment (or .env),
// never from files in git.
export async function seed(db: SeedDb, ctx: SeedContext) {
  const email = ctx.env.ADMIN_EMAIL;
  if (!email) {
    ctx.log("ADMIN_EMAIL is not set: no admin user to create");
    return;
  }
  // Needs a users (email unique, role) table from a migration.
  await db.query(
    \`INSERT INTO users (email, role) VALUES ($1, 'admin')
     ON CONFLICT (email) DO UPDATE SET role = EXCLUDED.role WHERE users.role <> EXCLUDED.role\`,
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
