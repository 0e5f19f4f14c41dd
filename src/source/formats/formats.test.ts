// biome-ignore-all lint/suspicious/noTemplateCurlyInString: goose ENVSUB references are the subject of these tests
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checksum } from "../../core/checksum.js";
import { PitstopError } from "../../core/errors.js";
import type { SqlScript } from "../../core/migration.js";
import { loadParser } from "../../sql/parser.js";
import { splitSql } from "../../sql/split.js";
import { FORMATS, readMigrationFolder, scanMigrationFolder } from "../directory.js";
import { substituteEnv } from "./envsub.js";
import type { FormatName } from "./format.js";

const FIXTURES = join(import.meta.dirname, "../../../test/fixtures/formats");
const fixture = (path: string) => join(FIXTURES, path);

async function error(promise: Promise<unknown>): Promise<PitstopError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof PitstopError) return e;
    throw e;
  }
  throw new Error("expected an error");
}

function sql(script: unknown): SqlScript {
  const s = script as SqlScript;
  expect(s.kind).toBe("sql");
  expect(s.source.slice(s.offset, s.offset + s.sql.length)).toBe(s.sql);
  return s;
}

describe("folder formats", () => {
  beforeAll(() => loadParser());

  it.each([
    ["golang-migrate/basic", "golang-migrate", ["1", "2", "3"]],
    ["goose/basic", "goose", ["1", "2", "3", "4"]],
    ["dbmate/basic", "dbmate", ["20240101000000", "20240102000000", "20240103000000"]],
    ["pitstop/basic", "pitstop", ["1", "2"]],
  ])("detects %s as %s and reads every migration", async (dir, format, versions) => {
    const folder = await readMigrationFolder({ dir: fixture(dir) });
    expect(folder.format).toBe(format);
    expect(folder.migrations.map((m) => m.version)).toEqual(versions);
    for (const m of folder.migrations) {
      expect(sql(m.up).sql).toContain("CREATE");
      expect(m.down).toBeDefined();
    }
  });

  it("refuses a folder that mixes formats, naming the odd file", async () => {
    const e = await error(readMigrationFolder({ dir: fixture("mixed/goose-and-dbmate") }));
    expect(e.code).toBe("MIXED_FORMATS");
    expect(e.message).toContain("00002_odd_one.sql is a dbmate file");
    expect(e.message).toContain("in goose format");
    expect(e.exitCode).toBe(2);
  });

  it("reads a folder as a forced format, and names a file that format cannot read", async () => {
    const e = await error(
      readMigrationFolder({ dir: fixture("dbmate/basic"), format: "goose" as FormatName }),
    );
    expect(e.code).toBe("MIGRATION_FORMAT");
    expect(e.message).toMatch(/20240101000000_create_users\.sql: no `-- \+goose Up`/);
  });

  it("goose: sections, NO TRANSACTION, StatementBegin/End as comments, checksum of the up text", async () => {
    const [users, touch, index] = (await readMigrationFolder({ dir: fixture("goose/basic") }))
      .migrations;
    const text = readFileSync(fixture("goose/basic/00002_users_touch_function.sql"), "utf8");
    const up = sql(touch!.up);
    expect(up.sql.startsWith("ALTER TABLE users ADD COLUMN")).toBe(true);
    expect(up.sql).not.toContain("+goose Down");
    expect(up.transaction).toBeUndefined();
    expect(splitSql(up.sql).statements.map((s) => s.kind)).toEqual([
      "AlterTableStmt",
      "CreateFunctionStmt",
    ]);
    expect(touch!.checksum).toBe(checksum(up.sql));
    expect(text.indexOf(up.sql)).toBe(up.offset);
    expect(sql(touch!.down).sql).toContain("DROP FUNCTION users_touch();");
    expect(sql(index!.up).transaction).toBe(false);
    expect(sql(index!.down).transaction).toBe(false);
    expect(users!.name).toBe("create_users");
    expect(users!.versionText).toBe("00001");
  });

  it("goose ENVSUB substitutes between ON and OFF, keeps lines, checksums the file as written", async () => {
    const env = { PITSTOP_TEST_REGION: "eu-west-1" };
    const [m] = (await readMigrationFolder({ dir: fixture("goose/envsub"), env })).migrations;
    const up = sql(m!.up);
    expect(up.sql).toContain("('region', 'eu-west-1')");
    expect(up.sql).toContain("('tier', 'standard')");
    expect(up.sql).toContain("('literal', '${NOT_SUBSTITUTED}')");
    // Line 8 of the file is still line 8 of the script's source.
    const at = up.offset + up.sql.indexOf("('broken'");
    expect(up.source.slice(0, at).split("\n").length).toBe(8);
    const other = (
      await readMigrationFolder({
        dir: fixture("goose/envsub"),
        env: { PITSTOP_TEST_REGION: "us" },
      })
    ).migrations[0]!;
    expect(other.checksum).toBe(m!.checksum);
  });

  it("envsub: the goose expansion set, leaving dollar quotes and parameters alone", () => {
    const env = { A: "x", EMPTY: "" };
    const fail = (column: number, message: string) => new Error(`${column}: ${message}`);
    expect(
      substituteEnv("$A ${A} ${B:-d} ${EMPTY:-d} ${EMPTY-d} ${B-d} $$ $1 $B.", env, fail),
    ).toBe("x x d d  d $$ $1 .");
    expect(() => substituteEnv("select '${B?needs B}'", env, fail)).toThrow(
      "9: environment variable B is not set: needs B",
    );
    expect(() => substituteEnv("${EMPTY:?}", env, fail)).toThrow("is empty");
    expect(substituteEnv("${EMPTY?}", env, fail)).toBe("");
  });

  it("refuses a goose Go migration instead of skipping it", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "pitstop-goose-"));
    writeFileSync(join(dir, "1_a.sql"), "-- +goose Up\nSELECT 1;\n");
    writeFileSync(join(dir, "2_backfill.go"), "package migrations\n");
    const e = await error(readMigrationFolder({ dir }));
    expect(e.code).toBe("GO_MIGRATION");
    expect(e.message).toContain("2_backfill.go");
  });

  it("goose: an unset ${NAME?} is an error at file:line:col", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "pitstop-goose-"));
    writeFileSync(
      join(dir, "1_a.sql"),
      "-- +goose ENVSUB ON\n-- +goose Up\nSELECT 1;\nSELECT '${PITSTOP_NOPE?set it}';\n",
    );
    const e = await error(readMigrationFolder({ dir, env: {} }));
    expect(e.code).toBe("ENVSUB");
    expect(e.message).toBe(
      `${join(dir, "1_a.sql")}:4:9: environment variable PITSTOP_NOPE is not set: set it`,
    );
  });

  it("dbmate: transaction:false on one block only; golang-migrate: the whole file", async () => {
    const [, index] = (await readMigrationFolder({ dir: fixture("dbmate/basic") })).migrations;
    expect(sql(index!.up).transaction).toBe(false);
    expect(sql(index!.down).transaction).toBeUndefined();
    expect(sql(index!.up).sql.trim()).toBe(
      "CREATE INDEX CONCURRENTLY users_email_idx ON users (email);",
    );
    const [users] = (await readMigrationFolder({ dir: fixture("golang-migrate/basic") }))
      .migrations;
    const text = readFileSync(fixture("golang-migrate/basic/000001_create_users.up.sql"), "utf8");
    expect(sql(users!.up).sql).toBe(text);
    expect(users!.checksum).toBe(checksum(text));
  });

  it("round trip: goose -> pitstop -> goose gives back the same files", () => {
    const scan = scanMigrationFolder({ dir: fixture("goose/basic") });
    const portable = FORMATS.goose.portable(scan.sqlFiles);
    const asPitstop = portable.flatMap((m) => FORMATS.pitstop.write(m).files);
    expect(asPitstop.map((f) => f.name)).toEqual([
      "00001_create_users.sql",
      "00002_users_touch_function.sql",
      "00003_users_email_index.sql",
      "00004_create_orders.sql",
    ]);
    expect(asPitstop[2]!.text.startsWith("-- +up no-transaction\n")).toBe(true);
    expect(asPitstop[1]!.text).not.toContain("+goose");
    const back = FORMATS.pitstop
      .portable(asPitstop.map((f) => ({ ...f, path: f.name })))
      .flatMap((m) => FORMATS.goose.write(m).files);
    for (const [i, f] of back.entries()) {
      expect(f.name).toBe(scan.sqlFiles[i]!.name);
      expect(f.text).toBe(scan.sqlFiles[i]!.text);
    }
  });

  it("dbmate and golang-migrate survive a trip through pitstop's format", () => {
    for (const [format, dir] of [
      ["dbmate", "dbmate/basic"],
      ["golang-migrate", "golang-migrate/basic"],
    ] as const) {
      const scan = scanMigrationFolder({ dir: fixture(dir) });
      const portable = FORMATS[format].portable(scan.sqlFiles);
      const asPitstop = portable.flatMap((m) => FORMATS.pitstop.write(m).files);
      const back = FORMATS.pitstop
        .portable(asPitstop.map((f) => ({ ...f, path: f.name })))
        .flatMap((m) => FORMATS[format].write(m).files);
      const pairs = (files: readonly { name: string; text: string }[]) =>
        files.map((f) => `${f.name}\n${f.text}`).sort();
      expect(pairs(back)).toEqual(pairs(scan.sqlFiles));
    }
  });
});
