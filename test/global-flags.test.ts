/**
 * Global flags renamed because they read like other things: --history-schema,
 * --history-table, --dir-format. The old spellings (flags, env vars, config
 * key) keep working with one note on stderr; `lint --format` and `schema
 * diagram --format` stay the commands' own.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { describeEachDriver } from "./helpers/databases.js";
import { migrationsDir } from "./helpers/migrations.js";

const A = "-- +up\nCREATE TABLE a (id int);\n-- +down\nDROP TABLE a;\n";
const GOOSE = {
  "00001_a.sql": "-- +goose Up\nCREATE TABLE a (id int);\n-- +goose Down\nDROP TABLE a;\n",
  "00002_b.sql": "-- +goose Up\nCREATE TABLE b (id int);\n",
};
const NOTE = /is deprecated: it is now/;

describeEachDriver("renamed global flags", (ctx) => {
  it("--history-schema/--history-table place the history; --schema/--table still do, with a note", async () => {
    const { dir } = migrationsDir({ "000001_a.sql": A });
    await ctx.newDriver();
    const base = ["--database", ctx.url(), "--dir", dir];

    const up = await runCli([
      ...base,
      "--history-schema",
      "ops",
      "--history-table",
      "applied",
      "up",
      "--json",
    ]);
    expect(up.code === 0 ? 0 : up.stderr).toBe(0);
    expect(up.stderr).not.toMatch(NOTE);
    // The default history table is empty of it: status there says pending.
    const plain = JSON.parse((await runCli([...base, "status", "--json"])).stdout);
    expect(plain.migrations.map((m: { status: string }) => m.status)).toEqual(["pending"]);

    const old = await runCli([
      ...base,
      "--schema",
      "ops",
      "--table",
      "applied",
      "status",
      "--json",
    ]);
    expect(old.code).toBe(0);
    // The notes are on stderr, once each; stdout stays one JSON document.
    const report = JSON.parse(old.stdout);
    expect(report.historyTable).toBe('"ops"."applied"');
    expect(report.migrations.map((m: { status: string }) => m.status)).toEqual(["applied"]);
    expect(old.stderr.match(/--schema is deprecated: it is now --history-schema/g)).toHaveLength(1);
    expect(old.stderr.match(/--table is deprecated: it is now --history-table/g)).toHaveLength(1);

    const env = await runCli([...base, "status", "--json"], {
      env: { PITSTOP_SCHEMA: "ops", PITSTOP_HISTORY_TABLE: "applied" },
    });
    expect(JSON.parse(env.stdout).historyTable).toBe('"ops"."applied"');
    expect(env.stderr).toMatch(/PITSTOP_SCHEMA is deprecated: it is now PITSTOP_HISTORY_SCHEMA/);
    expect(env.stderr.match(NOTE)).toHaveLength(1);
  });
});

describe("renamed global flags without a database", () => {
  /** `create` in an empty folder writes in the forced format: what the file starts with shows it. */
  const create = async (
    args: string[],
    options: { env?: Record<string, string>; cwd?: string } = {},
  ) => {
    const dir = mkdtempSync(join(tmpdir(), "pitstop-flags-"));
    const r = await runCli(["--dir", dir, ...args, "create", "x"], options);
    expect(r.code === 0 ? 0 : r.stderr).toBe(0);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    return { first: readFileSync(join(dir, files[0]!), "utf8").split("\n")[0], stderr: r.stderr };
  };

  it("--dir-format forces the folder's format; --format and PITSTOP_FORMAT still do, with a note", async () => {
    const plain = await create([]);
    expect(plain.first).toBe("-- +up");
    const forced = await create(["--dir-format", "goose"]);
    expect(forced).toEqual({ first: "-- +goose Up", stderr: "" });
    const old = await create(["--format", "dbmate"]);
    expect(old.first).toBe("-- migrate:up");
    expect(old.stderr.match(/--format is deprecated: it is now --dir-format/g)).toHaveLength(1);
    const env = await create([], { env: { PITSTOP_FORMAT: "goose" } });
    expect(env.first).toBe("-- +goose Up");
    expect(env.stderr).toMatch(/PITSTOP_FORMAT is deprecated: it is now PITSTOP_DIR_FORMAT/);
    expect((await create([], { env: { PITSTOP_DIR_FORMAT: "goose" } })).stderr).not.toMatch(NOTE);
  });

  it("the config's old `format` key still works, with a note; `dirFormat` is the new one", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "pitstop-flags-"));
    writeFileSync(join(cwd, "pitstop.config.json"), '{"format": "dbmate"}');
    const old = await create([], { cwd });
    expect(old.first).toBe("-- migrate:up");
    expect(old.stderr).toMatch(
      /format in pitstop\.config\.json is deprecated: it is now dirFormat/,
    );
    writeFileSync(join(cwd, "pitstop.config.json"), '{"dirFormat": "goose"}');
    expect(await create([], { cwd })).toEqual({ first: "-- +goose Up", stderr: "" });
  });

  it("lint --format and schema diagram --format are the commands' own, with no note", async () => {
    const { dir } = migrationsDir(GOOSE);
    const github = await runCli([
      "--dir",
      dir,
      "--dir-format",
      "goose",
      "lint",
      "--all",
      "--format",
      "github",
    ]);
    expect(github.stderr).not.toMatch(NOTE);
    const sarif = await runCli(["--dir", dir, "lint", "--all", "--format", "sarif"]);
    expect(JSON.parse(sarif.stdout).version).toBe("2.1.0");
    expect(sarif.stderr).not.toMatch(NOTE);
    const diagram = await runCli(["schema", "diagram", "--format", "png", "-o", "x.png"]);
    expect(diagram.code).toBe(2);
    expect(diagram.stderr).toContain("--format png: not a diagram format");
    expect(diagram.stderr).not.toMatch(NOTE);
  });

  it("bad values name the flag, env var or config key they came from", async () => {
    const bad = async (args: string[], env: Record<string, string> = {}) => {
      const r = await runCli([...args, "create", "x", "--dir", mkdtempSync(join(tmpdir(), "m-"))], {
        env,
      });
      expect(r.code).toBe(2);
      return r.stderr;
    };
    expect(await bad(["--dir-format", "gooze"])).toMatch(
      /--dir-format: unknown migrations folder format "gooze"[\s\S]*pitstop, golang-migrate, goose, dbmate/,
    );
    expect(await bad(["--format", "gooze"])).toMatch(/--format: unknown migrations folder format/);
    expect(await bad([], { PITSTOP_DIR_FORMAT: "x" })).toMatch(
      /PITSTOP_DIR_FORMAT: unknown migrations folder format "x"/,
    );
    expect(await bad(["--history-table", ""])).toMatch(/--history-table is empty: it needs a name/);
    expect(await bad(["--history-schema", " "])).toMatch(/--history-schema is empty/);
    expect(await bad([], { PITSTOP_HISTORY_SCHEMA: "" })).toMatch(
      /PITSTOP_HISTORY_SCHEMA is empty/,
    );
    expect(await bad(["--lease", "500ms"])).toMatch(/--lease: 500 ms is shorter than 1 s/);
    // `diff --schema schema.sql` (as the old flag invites) means the file, which is --file.
    expect(await bad(["--schema", "schema.sql"])).toMatch(
      /--schema schema\.sql: --schema \(now --history-schema\) names the history table's schema, not a file[\s\S]*--file/,
    );
  });

  it("the config takes locker, lease and the replica-lag settings it documents", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "pitstop-flags-"));
    writeFileSync(
      join(cwd, "pitstop.config.json"),
      '{"locker": "table", "lease": "5s", "maxReplicaLag": "10s", "replicaLagTimeout": "1m"}',
    );
    expect((await create([], { cwd })).first).toBe("-- +up");
    writeFileSync(join(cwd, "pitstop.config.json"), '{"locker": "lease"}');
    const bad = await runCli(["create", "x"], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/`locker` is "lease"; it must be one of/);
  });

  it("--help shows the new spellings only", async () => {
    const help = await runCli(["--help"]);
    for (const flag of ["--history-schema <name>", "--history-table <name>", "--dir-format <name>"])
      expect(help.stdout).toContain(flag);
    expect(help.stdout).not.toMatch(/--schema <|--table <|^\s+--format </m);
  });
});
