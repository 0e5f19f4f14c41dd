import { PitstopError } from "../../core/errors.js";
import type { Migration, SqlScript } from "../../core/migration.js";
import { splitSql } from "../../sql/split.js";
import { LineIndex } from "../../sql/text.js";
import {
  type MigrationFormat,
  notThisFormat,
  type PortableMigration,
  type SqlFile,
  tidySection,
} from "./format.js";
import { groupFiles, type ParsedName, sqlMigration } from "./pitstop.js";

/**
 * dbmate: `<version>_<name>.sql` with `-- migrate:up` and `-- migrate:down`
 * blocks; a block directive may carry `transaction:false`. Only comments and
 * blank lines may come before `-- migrate:up`.
 */

const FILE = /^(\d+)(?:_(.*))?\.sql$/;
const UP = /^--\s*migrate:up(?=\s|$)([^\n]*)$/m;
const DOWN = /^--\s*migrate:down(?=\s|$)([^\n]*)$/m;

export function parseDbmateName(fileName: string): ParsedName | undefined {
  const m = FILE.exec(fileName);
  if (!m) return undefined;
  return { versionText: m[1]!, name: m[2] ?? "", direction: undefined };
}

interface Block {
  /** Offset of the directive line. */
  readonly directive: number;
  /** Offset just past the directive line. */
  readonly start: number;
  readonly transaction: boolean;
}

function block(text: string, re: RegExp): Block | undefined {
  const m = re.exec(text);
  if (!m) return undefined;
  const nl = text.indexOf("\n", m.index);
  // dbmate's options: `key:value` pairs after the directive.
  const options = new Map(
    m[1]!
      .trim()
      .split(/\s+/)
      .map((pair) => pair.split(":"))
      .filter((pair) => pair.length === 2)
      .map(([k, v]) => [k!, v!.replace(/\r$/, "")]),
  );
  return {
    directive: m.index,
    start: nl < 0 ? text.length : nl + 1,
    transaction: options.get("transaction") !== "false",
  };
}

interface DbmateFile {
  readonly up: Block;
  readonly upEnd: number;
  readonly down: Block | undefined;
}

function parseDbmate(file: SqlFile): DbmateFile {
  const text = file.text;
  const up = block(text, UP);
  if (!up) throw notThisFormat(file, "dbmate", "no `-- migrate:up` block");
  const down = block(text, DOWN);
  const lines = new LineIndex(text);
  if (down && down.directive < up.directive) {
    const line = lines.locate(down.directive).line;
    throw new PitstopError(
      "MIGRATION_FORMAT",
      `${file.path}:${line}:1: \`-- migrate:down\` comes before \`-- migrate:up\``,
      { location: { file: file.path, line, column: 1 }, hint: "Put the up block first." },
    );
  }
  const before = text.slice(0, up.directive);
  const stray = before.split("\n").findIndex((l) => l.trim() !== "" && !/^\s*--/.test(l));
  if (stray >= 0) {
    throw new PitstopError(
      "MIGRATION_FORMAT",
      `${file.path}:${stray + 1}:1: a statement before \`-- migrate:up\``,
      {
        location: { file: file.path, line: stray + 1, column: 1 },
        hint: "dbmate runs only the blocks: move the statement below `-- migrate:up`.",
      },
    );
  }
  return { up, upEnd: down ? down.directive : text.length, down };
}

function script(file: SqlFile, start: number, end: number, transaction: boolean): SqlScript {
  return {
    kind: "sql",
    sql: file.text.slice(start, end),
    file: file.path,
    source: file.text,
    offset: start,
    ...(transaction ? {} : { transaction: false }),
  };
}

function readFile(file: SqlFile, name: ParsedName): Migration {
  const d = parseDbmate(file);
  const up = script(file, d.up.start, d.upEnd, d.up.transaction);
  const down = d.down
    ? script(file, d.down.start, file.text.length, d.down.transaction)
    : undefined;
  return sqlMigration(name, up, down);
}

function badName(file: SqlFile): PitstopError {
  return notThisFormat(file, "dbmate", "not a dbmate file name (<version>_<name>.sql)");
}

/**
 * dbmate sends a `transaction:false` block as one query: PostgreSQL runs its
 * statements in one implicit transaction, where CREATE INDEX CONCURRENTLY
 * and the like fail. The parser must be loaded.
 */
function oneQueryWarning(
  name: string,
  section: string,
  sql: string | undefined,
  transaction: boolean,
): string[] {
  if (transaction || sql === undefined) return [];
  const n = splitSql(sql).statements.length;
  if (n < 2) return [];
  return [
    `${name}: its ${section} block is transaction:false with ${n} statements; dbmate sends such a block as one query, which PostgreSQL runs in one implicit transaction (CREATE INDEX CONCURRENTLY fails there): split it into one migration per statement before running it with dbmate`,
  ];
}

export const dbmateFormat: MigrationFormat = {
  name: "dbmate",
  read: (files) =>
    groupFiles(files, parseDbmateName, badName).map((g) => readFile(g.single!, g.name)),
  portable: (files) =>
    groupFiles(files, parseDbmateName, badName).map((g): PortableMigration => {
      const file = g.single!;
      const d = parseDbmate(file);
      const down = d.down ? tidySection(file.text.slice(d.down.start)) : undefined;
      return {
        versionText: g.name.versionText,
        name: g.name.name,
        up: tidySection(file.text.slice(d.up.start, d.upEnd)),
        // dbmate always writes a down block; an empty one means none.
        down: down === "" ? undefined : down,
        upTransaction: d.up.transaction,
        downTransaction: d.down?.transaction ?? true,
        header: file.text.slice(0, d.up.directive),
      };
    }),
  write(m) {
    const opt = (tx: boolean) => (tx ? "" : " transaction:false");
    const text = `${m.header ?? ""}-- migrate:up${opt(m.upTransaction)}\n${m.up}\n-- migrate:down${opt(m.downTransaction)}\n${m.down ?? ""}`;
    const name = m.name ? `${m.versionText}_${m.name}.sql` : `${m.versionText}.sql`;
    const warnings = [
      ...oneQueryWarning(name, "up", m.up, m.upTransaction),
      ...oneQueryWarning(name, "down", m.down, m.downTransaction),
    ];
    return { files: [{ name, text }], warnings };
  },
};
