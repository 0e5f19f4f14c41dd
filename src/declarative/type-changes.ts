/**
 * Column type changes at plan time: `-- pitstop:using t.c: <expr>` hints in
 * the desired schema give the conversion, and a change PostgreSQL has no
 * cast for is an error naming the column, never a statement that cannot run.
 */
import { PitstopError } from "../core/errors.js";
import { OnlineContext } from "../diff/online-context.js";
import { keepsBytes, typeChange } from "../diff/online-type.js";
import type { Plan } from "../diff/plan.js";
import { DatabaseError, type Driver } from "../driver/driver.js";
import { quoteIdent } from "../inspect/ident.js";
import type { SchemaModel } from "../inspect/model.js";
import { splitSql } from "../sql/split.js";
import { LineIndex } from "../sql/text.js";
import { splitName } from "./renames.js";

/** `-- pitstop:using users.addr: addr::text::inet` (`using-down` for the down plan). */
export interface UsingHint {
  readonly schema: string;
  readonly table: string;
  readonly column: string;
  readonly expression: string;
  readonly direction: "up" | "down";
  readonly file: string;
  readonly line: number;
}

const HINT = /^[ \t]*--[ \t]*pitstop:using(-down)?[ \t]+(.*?)[ \t]*$/gm;
const CANNOT_COERCE = "42846";
const UNDEFINED_OBJECT = "42704";

/**
 * Finds `-- pitstop:using` hints in schema files. A malformed one is an error naming file:line.
 *
 * @example
 * parseUsingHints([{ file: "schema.sql", text: "-- pitstop:using hosts.addr: ('10.0.0.' || addr)::inet\n" }])
 * // [{ schema: "public", table: "hosts", column: "addr", expression: "('10.0.0.' || addr)::inet", direction: "up", ... }]
 */
export function parseUsingHints(files: readonly { file: string; text: string }[]): UsingHint[] {
  const hints: UsingHint[] = [];
  for (const { file, text } of files) {
    let index: LineIndex | undefined;
    for (const m of text.matchAll(HINT)) {
      index ??= new LineIndex(text);
      const { line, column } = index.locate(m.index);
      const body = m[2]!;
      const colon = body.indexOf(":");
      const name = colon < 0 ? undefined : splitName(body.slice(0, colon).trim());
      const expression = colon < 0 ? "" : body.slice(colon + 1).trim();
      if (name === undefined || name.length < 2 || name.length > 3 || expression === "")
        throw new PitstopError(
          "USING_HINT",
          `${file}:${line}:${column}: cannot read the hint "${body}"`,
          {
            location: { file, line, column },
            hint: "Write `-- pitstop:using table.column: <expression over the old value>` (schema.table.column outside public), e.g. `-- pitstop:using hosts.addr: ('10.0.0.' || addr)::inet`.",
            exitCode: 2,
          },
        );
      const [schema, table, col] = name.length === 3 ? name : ["public", ...name];
      hints.push({
        schema: schema!,
        table: table!,
        column: col!,
        expression,
        direction: m[1] ? "down" : "up",
        file,
        line,
      });
    }
  }
  return hints;
}

/**
 * Writes the hinted USING expressions into `plan` (the diff from `from` to
 * `to`), then checks on `db` (the scratch database, holding `from`; a
 * function opens it only when a check is needed) that every other type
 * change has a cast. Call `loadParser()` first.
 *
 * @example
 * const up = await resolveTypeChanges(scratch.driver, diff(from, to), from, to, hints, "up");
 */
export async function resolveTypeChanges(
  db: Driver | (() => Promise<Driver>),
  plan: Plan,
  from: SchemaModel,
  to: SchemaModel,
  hints: readonly UsingHint[],
  direction: "up" | "down",
): Promise<{ plan: Plan; unused: UsingHint[] }> {
  const ctx = new OnlineContext(from, to);
  const mine = hints.filter((h) => h.direction === direction);
  const used = new Set<UsingHint>();
  const statements = [];
  for (const statement of plan.statements) {
    // Only ALTER TABLE changes a column's type: the rest is not parsed.
    const parsed = statement.sql.startsWith("ALTER TABLE ")
      ? splitSql(statement.sql).statements
      : [];
    const change =
      parsed.length === 1
        ? typeChange({ statement, kind: parsed[0]!.kind, node: parsed[0]!.node }, ctx)
        : undefined;
    if (change === undefined || !change.plainCast) {
      statements.push(statement);
      continue;
    }
    const { rel, before, after } = change;
    const hint = mine.find(
      (h) => h.schema === rel.schema && h.table === rel.name && h.column === after.name,
    );
    if (hint !== undefined) {
      used.add(hint);
      const collate = after.collation ? ` COLLATE ${after.collation}` : "";
      statements.push({
        ...statement,
        sql: `ALTER TABLE ${rel.sql} ALTER COLUMN ${quoteIdent(after.name)} TYPE ${after.type}${collate} USING ${hint.expression}`,
      });
      continue;
    }
    if (!keepsBytes(before.type, after.type))
      await requireCast(
        db,
        `${rel.sql}.${quoteIdent(after.name)}`,
        before.type,
        after.type,
        direction,
      );
    statements.push(statement);
  }
  return { plan: { ...plan, statements }, unused: mine.filter((h) => !used.has(h)) };
}

async function requireCast(
  db: Driver | (() => Promise<Driver>),
  column: string,
  from: string,
  to: string,
  direction: "up" | "down",
): Promise<void> {
  const driver = typeof db === "function" ? await db() : db;
  try {
    await driver.query(`SELECT CAST(CAST(NULL AS ${from}) AS ${to})`);
  } catch (error) {
    // A type the scratch database does not hold (created by the plan): nothing to check here.
    if (!(error instanceof DatabaseError) || error.code === UNDEFINED_OBJECT) return;
    if (error.code !== CANNOT_COERCE) return;
    const hint = direction === "up" ? "pitstop:using" : "pitstop:using-down";
    throw new PitstopError(
      "NO_CAST",
      `column ${column}: PostgreSQL has no cast from ${from} to ${to}, so ${direction === "up" ? "the migration" : "its down section"} could not change the column's type`,
      {
        hint: `Say how to convert the old values, in the desired schema: \`-- ${hint} ${column}: <expression over the old value>\`; or drop the column and add a new one.`,
        exitCode: 1,
      },
    );
  }
}
