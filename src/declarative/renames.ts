import { PitstopError } from "../core/errors.js";
import type { PlanStatement } from "../diff/plan.js";
import { qualifiedName, quoteIdent } from "../inspect/ident.js";
import type { SchemaModel } from "../inspect/model.js";
import { LineIndex } from "../sql/text.js";

/** `-- pitstop:rename users.email -> users.email_address` in a desired schema. */
export interface RenameHint {
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly file: string;
  readonly line: number;
}

const HINT = /^[ \t]*--[ \t]*pitstop:rename[ \t]+(.*?)[ \t]*$/gm;

/**
 * Finds rename hints in schema files. A malformed one is an error naming file:line.
 *
 * @example
 * parseRenameHints([{ file: "schema.sql", text: "-- pitstop:rename users.email -> users.login\n" }])
 * // [{ from: ["users", "email"], to: ["users", "login"], file: "schema.sql", line: 1 }]
 */
export function parseRenameHints(files: readonly { file: string; text: string }[]): RenameHint[] {
  const hints: RenameHint[] = [];
  for (const { file, text } of files) {
    let index: LineIndex | undefined;
    for (const m of text.matchAll(HINT)) {
      index ??= new LineIndex(text);
      const { line, column } = index.locate(m.index);
      const parts = m[1]!.split(/[ \t]*->[ \t]*/);
      const from = parts.length === 2 ? splitName(parts[0]!) : undefined;
      const to = parts.length === 2 ? splitName(parts[1]!) : undefined;
      if (from === undefined || to === undefined || from.length !== to.length || from.length > 3) {
        throw new PitstopError(
          "RENAME_HINT",
          `${file}:${line}:${column}: cannot read the rename hint "${m[1]}"`,
          {
            location: { file, line, column },
            hint: "Write `-- pitstop:rename old_table -> new_table` or `-- pitstop:rename table.old_column -> table.new_column` (schema-qualify with schema.table when not in public).",
            exitCode: 2,
          },
        );
      }
      hints.push({ from, to, file, line });
    }
  }
  return hints;
}

export function splitName(text: string): string[] | undefined {
  const parts: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      let j = i + 1;
      let part = "";
      for (;;) {
        if (j >= text.length) return undefined;
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            part += '"';
            j += 2;
            continue;
          }
          break;
        }
        part += text[j++];
      }
      parts.push(part);
      i = j + 1;
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(text.slice(i));
      if (m === null) return undefined;
      parts.push(m[0].toLowerCase());
      i += m[0].length;
    }
    if (i < text.length) {
      if (text[i] !== ".") return undefined;
      i++;
    }
  }
  return parts.length > 0 ? parts : undefined;
}

export interface ResolvedRenames {
  /** Statements that rename, in hint order. */
  readonly up: PlanStatement[];
  /** Statements that rename back, in reverse order. */
  readonly down: PlanStatement[];
  /** Hints that no longer apply (already renamed): nothing to do. */
  readonly applied: RenameHint[];
}

/**
 * Turns hints into `ALTER TABLE ... RENAME` statements for the tables and
 * columns that exist under their old name in `from` and under their new one
 * in `to`. A hint whose new name already exists in `from` has been applied
 * by an earlier migration and is skipped; one that matches nothing is an error.
 */
export function resolveRenames(
  hints: readonly RenameHint[],
  from: SchemaModel,
  to: SchemaModel,
): ResolvedRenames {
  const up: PlanStatement[] = [];
  const down: PlanStatement[] = [];
  const applied: RenameHint[] = [];
  const table = (m: SchemaModel, schema: string, name: string) =>
    m.tables.find((t) => t.schema === schema && t.name === name);
  const column = (m: SchemaModel, schema: string, name: string, col: string) =>
    table(m, schema, name)?.columns.some((c) => c.name === col) ?? false;
  for (const hint of hints) {
    const f = hint.from;
    const t = hint.to;
    // `a.b` is a table in schema a when there is one, else column b of table a in public.
    const tableHint =
      f.length === 1 ||
      (f.length === 2 && (table(from, f[0]!, f[1]!) || table(from, t[0]!, t[1]!)));
    if (tableHint) {
      const [schema, oldName] = f.length === 1 ? ["public", f[0]!] : [f[0]!, f[1]!];
      const [newSchema, newName] = t.length === 1 ? ["public", t[0]!] : [t[0]!, t[1]!];
      if (schema !== newSchema) throw hintError(hint, "a rename keeps the schema");
      if (table(from, schema, newName)) {
        applied.push(hint);
        continue;
      }
      if (!table(from, schema, oldName))
        throw hintError(hint, `there is no table ${qualifiedName(schema, oldName)} to rename`);
      if (!table(to, schema, newName))
        throw hintError(hint, `the schema has no table ${qualifiedName(schema, newName)}`);
      up.push({
        sql: `ALTER TABLE ${qualifiedName(schema, oldName)} RENAME TO ${quoteIdent(newName)}`,
      });
      down.unshift({
        sql: `ALTER TABLE ${qualifiedName(schema, newName)} RENAME TO ${quoteIdent(oldName)}`,
      });
      continue;
    }
    const [schema, name, oldCol] =
      f.length === 3 ? [f[0]!, f[1]!, f[2]!] : ["public", f[0]!, f[1]!];
    const [newSchema, newTable, newCol] =
      t.length === 3 ? [t[0]!, t[1]!, t[2]!] : ["public", t[0]!, t[1]!];
    if (schema !== newSchema || name !== newTable)
      throw hintError(hint, "a column rename keeps its table");
    if (column(from, schema, name, newCol)) {
      applied.push(hint);
      continue;
    }
    const where = qualifiedName(schema, name);
    if (!column(from, schema, name, oldCol))
      throw hintError(hint, `there is no column ${where}.${quoteIdent(oldCol)} to rename`);
    if (!column(to, schema, name, newCol))
      throw hintError(hint, `the schema has no column ${where}.${quoteIdent(newCol)}`);
    up.push({
      sql: `ALTER TABLE ${where} RENAME COLUMN ${quoteIdent(oldCol)} TO ${quoteIdent(newCol)}`,
    });
    down.unshift({
      sql: `ALTER TABLE ${where} RENAME COLUMN ${quoteIdent(newCol)} TO ${quoteIdent(oldCol)}`,
    });
  }
  return { up, down, applied };
}

function hintError(hint: RenameHint, why: string): PitstopError {
  return new PitstopError(
    "RENAME_HINT",
    `${hint.file}:${hint.line}: rename hint ${hint.from.join(".")} -> ${hint.to.join(".")}: ${why}`,
    {
      location: { file: hint.file, line: hint.line, column: 1 },
      hint: "Fix or remove the hint. A hint stays harmless once the rename is in a migration.",
      exitCode: 2,
    },
  );
}
