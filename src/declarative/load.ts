import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { PitstopError } from "../core/errors.js";
import { DatabaseError, type Queryable } from "../driver/driver.js";
import { readSourceText } from "../source/read-text.js";
import { classify } from "../sql/classify.js";
import { loadParser } from "../sql/parser.js";
import { type SplitResult, splitSql } from "../sql/split.js";
import { codeFrame, LineIndex } from "../sql/text.js";

/** A schema file, read and parsed. */
export interface SchemaFile {
  /** As given or relative to the folder given, for messages. */
  readonly file: string;
  readonly text: string;
  readonly split: SplitResult;
}

/**
 * Reads a schema: one `.sql` file, or every `.sql` file under a folder (in
 * path order). Each file is parsed with the PostgreSQL parser first: a
 * syntax error names file:line:col before anything runs.
 *
 * `cwd`: where a relative `path` is, when not the working directory (names
 * stay as given).
 *
 * @example
 * const files = await readSchema("schema.sql");
 */
export async function readSchema(path: string, cwd?: string): Promise<SchemaFile[]> {
  const at = (p: string) => (cwd === undefined ? p : resolve(cwd, p));
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(at(path));
  } catch {
    throw new PitstopError("NO_SCHEMA", `schema ${path} does not exist`, {
      hint: "Point --file at your desired schema (a .sql file or a folder of them), or write one with `pitstop schema dump --out schema.sql`.",
      exitCode: 2,
    });
  }
  const paths = stat.isDirectory() ? sqlFilesUnder(at(path)).map((f) => join(path, f)) : [path];
  await loadParser();
  return paths.map((file) => {
    const text = readSourceText(at(file));
    return { file, text, split: splitSql(text, { file }) };
  });
}

function sqlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".sql")) out.push(relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

/** Extensions every database has: creating one is a no-op (`IF NOT EXISTS`), there is no code to load. */
const BUILT_IN_EXTENSIONS = new Set(["plpgsql"]);

/**
 * Names of the extensions the files create (for PGlite, which loads their
 * code at start). Built-in ones (`plpgsql`, which every pg_dump of 9.x and 10
 * creates) are left out.
 */
export function extensionsCreated(splits: readonly SplitResult[]): string[] {
  const names = new Set<string>();
  for (const split of splits)
    for (const s of split.statements)
      if (
        s.kind === "CreateExtensionStmt" &&
        typeof s.node.extname === "string" &&
        !BUILT_IN_EXTENSIONS.has(s.node.extname)
      )
        names.add(s.node.extname);
  return [...names].sort();
}

/**
 * Roles the files name (`GRANT ... TO`, `CREATE POLICY ... TO`, `OWNER TO`,
 * `GRANT role TO`...) without creating them: they live on the target server,
 * and a scratch database must have them for the statements to load.
 *
 * @example
 * rolesNamed([splitSql("GRANT SELECT ON t TO app_reader")]) // ["app_reader"]
 */
export function rolesNamed(splits: readonly SplitResult[]): string[] {
  const named = new Set<string>();
  const created = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) walk(v);
      return;
    }
    if (value === null || typeof value !== "object") return;
    const o = value as Record<string, unknown>;
    if (o.roletype === "ROLESPEC_CSTRING" && typeof o.rolename === "string") named.add(o.rolename);
    for (const v of Object.values(o)) walk(v);
  };
  for (const split of splits)
    for (const s of split.statements) {
      if (s.kind === "CreateRoleStmt" && typeof s.node.role === "string") created.add(s.node.role);
      if (s.kind === "GrantRoleStmt")
        for (const r of (s.node.granted_roles as { AccessPriv?: { priv_name?: string } }[]) ?? [])
          if (typeof r.AccessPriv?.priv_name === "string") named.add(r.AccessPriv.priv_name);
      walk(s.node);
    }
  return [...named].filter((r) => !created.has(r)).sort();
}

/**
 * Runs schema files against a database. A file whose statements can all run
 * in one transaction goes in one round trip; otherwise statement by
 * statement. A failure names file:line:col of the statement.
 */
export async function loadSchema(db: Queryable, files: readonly SchemaFile[]): Promise<void> {
  for (const f of files) {
    const statements = f.split.statements;
    const oneGo =
      f.split.skipped.length === 0 &&
      statements.every((s) => s.copyData === undefined && classify(s, 180000).transactional);
    if (oneGo) {
      try {
        await db.exec(f.text);
        continue;
      } catch (error) {
        if (!(error instanceof DatabaseError)) throw error;
        if (error.position !== undefined) throw loadError(f, error, error.position - 1);
        // No position: find the statement by running them one by one (the failed script left nothing).
      }
    }
    for (const s of statements) {
      try {
        if (s.copyData !== undefined) await db.copyFrom(s.text, s.copyData);
        else await db.exec(s.text);
      } catch (error) {
        if (!(error instanceof DatabaseError)) throw error;
        throw loadError(
          f,
          error,
          s.start + (error.position === undefined ? 0 : error.position - 1),
        );
      }
    }
  }
}

function loadError(f: SchemaFile, error: DatabaseError, offset: number): PitstopError {
  const index = new LineIndex(f.text);
  const at = skipBlank(f.text, Math.min(offset, f.text.length));
  const { line, column } = index.locate(at);
  const detail = error.detail ? ` (${error.detail})` : "";
  return new PitstopError(
    "SCHEMA_LOAD",
    `${f.file}:${line}:${column}: ${error.message}${detail} [${error.code}]`,
    {
      location: { file: f.file, line, column },
      frame: codeFrame(index, at),
      hint:
        error.hint ??
        "Fix the schema file; it is loaded into a scratch database, nothing else was touched.",
      cause: error,
    },
  );
}

function skipBlank(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i < text.length ? i : offset;
}
