import { execFileSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PitstopError } from "../src/core/errors.js";
import { createPGliteDriver } from "../src/driver/pglite.js";
import { directorySource } from "../src/source/directory.js";
import { runCli } from "./helpers/cli.js";
import { describeEachDriver } from "./helpers/databases.js";
import { migrationsDir, migratorFor, tableNames } from "./helpers/migrations.js";

const CREATE_A = "-- +up\nCREATE TABLE a (id int);\n-- +down\nDROP TABLE a;\n";

async function loadError(files: Record<string, string | Buffer>): Promise<PitstopError> {
  const { dir } = migrationsDir({});
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  const error = await directorySource({ dir })
    .load()
    .then(() => undefined)
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PitstopError);
  return error as PitstopError;
}

describe("section markers", () => {
  it.each([
    ["-- down", 3],
    ["-- + down", 3],
    ["--down:", 3],
    ["  -- +down", 3],
    ["-- +dwon", 3],
    ["-- DOWN", 3],
  ])("%j is an error naming its line, not part of up", async (marker, line) => {
    const error = await loadError({
      "001_a.sql": `-- +up\nCREATE TABLE a (id int);\n${marker}\nDROP TABLE a;\n`,
    });
    expect(error.code).toBe("MIGRATION_FORMAT");
    expect(error.message).toContain(`001_a.sql:${line}:1:`);
    expect(error.message).toContain("looks like a section marker");
  });

  it("a file without `-- +up` and a mistyped down marker is refused too", async () => {
    const error = await loadError({
      "001_a.sql": "CREATE TABLE a (id int);\n-- down\nDROP TABLE a;\n",
    });
    expect(error.message).toMatch(/001_a\.sql:2:1: `-- down` looks like a section marker/);
    expect(error.hint).toContain("-- +down");
  });

  it("real markers, their options and ordinary comments still read", async () => {
    const { dir } = migrationsDir({
      "001_a.sql":
        "-- +up no-transaction\n-- down the road this table grows\nCREATE TABLE a (id int);\n--+down\nDROP TABLE a;\n",
    });
    const [m] = await directorySource({ dir }).load();
    expect(m!.up).toMatchObject({ transaction: false });
    expect((m!.down as { sql: string }).sql).toBe("DROP TABLE a;\n");
  });
});

describe("file contents", () => {
  it("invalid UTF-8 is an error with file:line", async () => {
    const body = Buffer.concat([
      Buffer.from("-- +up\nCREATE TABLE a (id int);\nINSERT INTO a VALUES ('caf"),
      Buffer.from([0xe9]),
      Buffer.from("');\n"),
    ]);
    const error = await loadError({ "001_a.sql": body });
    expect(error.code).toBe("INVALID_UTF8");
    expect(error.message).toMatch(/001_a\.sql:3: the file is not valid UTF-8/);
  });

  it("a file that holds U+FFFD itself is valid UTF-8 and read as it is", async () => {
    // The text is decoded first; only a replacement character sends it to the byte check.
    const sql = "CREATE TABLE a (id int);\nINSERT INTO a VALUES (1); -- \uFFFD marks a bad byte\n";
    const { dir } = migrationsDir({ "001_a.sql": `-- +up\n${sql}` });
    const [m] = await directorySource({ dir }).load();
    expect((m!.up as { sql: string }).sql).toBe(sql);
  });

  it("a UTF-8 BOM at the start of a migration is dropped", async () => {
    const { dir } = migrationsDir({ "001_a.sql": `\uFEFF${CREATE_A}` });
    const [m] = await directorySource({ dir }).load();
    expect((m!.up as { sql: string }).sql).toBe("CREATE TABLE a (id int);\n");
  });
});

describeEachDriver("bad input against a database", (ctx) => {
  it("a session setting changed by one migration does not leak into the next", async () => {
    const driver = await ctx.newDriver();
    const { dir } = migrationsDir({
      // What pg_dump writes at the top of a dump; then a setting that, leaked, makes every
      // later transaction read-only (a timing-free way to see a leak).
      "001_dump.sql":
        "-- +up\nSELECT pg_catalog.set_config('search_path', '', false);\nCREATE TABLE public.a (id int);\nSELECT set_config('default_transaction_read_only', 'on', false);\n",
      "002_b.sql": "-- +up\nCREATE TABLE b (id int);\nSELECT pg_sleep(0.01);\n",
      // Steps mode (no transaction): a session-level SET there must not leak either.
      "003_c.sql":
        "-- +up no-transaction\nSET search_path = pg_catalog;\nCREATE TABLE public.c (id int);\n",
      "004_d.sql": "-- +up\nCREATE TABLE d (id int);\n",
    });
    const { migrator } = migratorFor(driver, dir);
    const result = await migrator.up();
    expect(result.error).toBeUndefined();
    expect(await tableNames(driver)).toEqual(["a", "b", "c", "d", "pitstop_migrations"]);
  });

  it("a migration whose up section is only comments is refused, and nothing runs", async () => {
    const driver = await ctx.newDriver();
    const { dir } = migrationsDir({
      "001_a.sql": CREATE_A,
      "002_new.sql":
        "-- +up\n-- Write the SQL that applies this migration.\n\n\n-- +down\n-- Write the SQL that reverts it.\n\n",
    });
    const { migrator } = migratorFor(driver, dir);
    const result = await migrator.up();
    expect(result.error?.code).toBe("EMPTY_MIGRATION");
    expect(result.error?.message).toMatch(/002_new\.sql: migration 002_new has no SQL statement/);
    expect(result.results.map((r) => r.status)).toEqual(["not_executed", "not_executed"]);
  });
});

describe("--data-dir", () => {
  it("a folder that is not a PGlite data dir is refused and left as it was", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pitstop-notpglite-"));
    writeFileSync(join(dir, "package.json"), "{}");
    mkdirSync(join(dir, "src"));
    const error = await createPGliteDriver({ dataDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PitstopError);
    expect((error as PitstopError).message).toContain("is not a PGlite data dir");
    expect(readdirSync(dir).sort()).toEqual(["package.json", "src"]);
  });
});

describe("cli: files that cannot be read are one line naming the path", () => {
  const lintDir = async (setup: (dir: string) => void) => {
    const cwd = mkdtempSync(join(tmpdir(), "pitstop-badfiles-"));
    const dir = join(cwd, "m");
    mkdirSync(dir);
    setup(dir);
    return runCli(["--dir", "m", "lint"], { cwd });
  };

  it.each<[string, (dir: string) => void, RegExp]>([
    [
      "a FIFO (it hung)",
      (d) => execFileSync("mkfifo", [join(d, "001_f.sql")]),
      /m\/001_f\.sql: not a regular file/,
    ],
    ["a folder named x.sql", (d) => mkdirSync(join(d, "001_x.sql")), /m\/001_x\.sql: a folder/],
    [
      "a dangling symlink",
      (d) => symlinkSync(join(d, "nowhere"), join(d, "001_l.sql")),
      /m\/001_l\.sql: no such file/,
    ],
    [
      "an upper-case extension",
      (d) => writeFileSync(join(d, "001_a.SQL"), "SELECT 1;"),
      /m\/001_a\.SQL: the extension must be lower-case \.sql/,
    ],
  ])(
    "%s",
    async (_what, setup, message) => {
      const r = await lintDir(setup);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/ENOENT|EISDIR|EACCES|\n\s+at /);
    },
    60_000,
  );

  it("a migrations folder that is a file, and a file name too long", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "pitstop-badfiles-"));
    writeFileSync(join(cwd, "m"), "");
    const file = await runCli(["--dir", "m", "lint"], { cwd });
    expect(file.stderr).toMatch(/migrations folder m is a file/);
    const long = await runCli(["--dir", "mig", "create", "x".repeat(300)], { cwd });
    expect(long.stderr).toMatch(/the name is too long/);
    expect(long.stderr).not.toMatch(/ENAMETOOLONG/);
  }, 120_000);

  it("a 20 MB unterminated literal prints a cut frame, once", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "pitstop-big-"));
    mkdirSync(join(cwd, "m"));
    writeFileSync(
      join(cwd, "m/001_big.sql"),
      `-- +up\nCREATE TABLE t (v text);\nINSERT INTO t VALUES ('${"x".repeat(20_000_000)}\n);\n`,
    );
    const r = await runCli(["--dir", "m", "up"], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr.length).toBeLessThan(5_000);
    expect(r.stderr.match(/unterminated quoted string/g)).toHaveLength(1);
    expect(r.stderr + r.stdout).not.toContain("Created the history table");
  }, 120_000);
});

describe("cli: the first run from init", () => {
  it("the create-seed templates run on a fresh project; a seed run again reports 0 rows", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "pitstop-first-"));
    expect((await runCli(["init"], { cwd })).code).toBe(0);
    await runCli(["create-seed", "roles"], { cwd });
    await runCli(["create-seed", "admin", "--ts"], { cwd });
    const fresh = await runCli(["seed"], { cwd });
    expect(fresh.stderr).not.toMatch(/error/);
    expect(fresh.code).toBe(0);
    writeFileSync(
      join(cwd, "migrations/001_roles.sql"),
      "-- +up\nCREATE TABLE roles (name text PRIMARY KEY, description text);\n",
    );
    const seed = join(cwd, "seeds/01_roles.sql");
    // The template's example, uncommented.
    writeFileSync(
      seed,
      readFileSync(seed, "utf8").replace(/^-- (INSERT| {2}\(|ON| {2}WHERE)/gm, "$1"),
    );
    expect((await runCli(["up"], { cwd })).code).toBe(0);
    expect((await runCli(["seed"], { cwd })).stdout).toMatch(/: 2 row\(s\) affected/);
    expect((await runCli(["seed"], { cwd })).stdout).toMatch(/: 0 row\(s\) affected/);
  }, 300_000);
});

describeEachDriver("bad input against a database, more", (ctx) => {
  it("a TypeScript migration that never resolves fails at the statement timeout", async () => {
    const driver = await ctx.newDriver();
    const { dir } = migrationsDir({
      "001_a.sql": CREATE_A,
      "002_stuck.ts": "export async function up() {\n  await new Promise(() => {});\n}\n",
    });
    const { migrator } = migratorFor(driver, dir, { statementTimeoutMs: 300 });
    const result = await migrator.up();
    expect(result.error?.code).toBe("MIGRATION_TIMEOUT");
    expect(result.error?.message).toMatch(/002_stuck\.ts: the migration function did not finish/);
    expect(await migrator.version()).toBe("1");
  });

  it("--table naming an application table says so", async () => {
    const driver = await ctx.newDriver();
    await driver.exec("CREATE TABLE users (id int)");
    const { dir } = migrationsDir({ "001_a.sql": CREATE_A });
    const { migrator } = migratorFor(driver, dir, { history: { table: "users" } });
    const result = await migrator.up();
    expect(result.error?.code).toBe("NOT_A_HISTORY_TABLE");
    expect(result.error?.message).toContain(
      '"public"."users" exists but is not a pitstop history table',
    );
    expect(await tableNames(driver)).toEqual(["users"]);
  });
});

describe("versions and settings", () => {
  it("a version too large for bigint is refused when listing", async () => {
    const error = await loadError({ "99999999999999999999_big.sql": CREATE_A });
    expect(error.message).toMatch(
      /99999999999999999999_big\.sql: version 99999999999999999999 is larger than the history table can hold/,
    );
  });

  it("config: unknown keys, wrong types, two files, a default export that is not an object", async () => {
    const { resolveSettings } = await import("../src/cli/settings.js");
    const project = (files: Record<string, string>) => {
      const cwd = mkdtempSync(join(tmpdir(), "pitstop-config-"));
      for (const [name, body] of Object.entries(files)) writeFileSync(join(cwd, name), body);
      return resolveSettings({}, {}, cwd).then(
        () => "",
        (e: PitstopError) => e.message,
      );
    };
    expect(await project({ "pitstop.config.json": '{"dir": "m", "ddlLockTimout": "3s"}' })).toMatch(
      /pitstop\.config\.json: unknown key `ddlLockTimout` \(did you mean `ddlLockTimeout`\?\)/,
    );
    expect(await project({ "pitstop.config.json": '{"history": {"tabel": "x"}}' })).toMatch(
      /unknown key `history\.tabel` \(did you mean `history\.table`\?\)/,
    );
    expect(await project({ "pitstop.config.json": '{"dir": 5}' })).toMatch(
      /pitstop\.config\.json: `dir` is 5; it must be a string/,
    );
    expect(await project({ "pitstop.config.json": "[1]" })).toMatch(
      /the default export is an array, not a config object/,
    );
    expect(
      await project({ "pitstop.config.json": "{}", "pitstop.config.mjs": "export default {};" }),
    ).toMatch(/two config files: pitstop\.config\.mjs and pitstop\.config\.json/);
    // A BOM at the start of a config file is no problem.
    expect(await project({ "pitstop.config.json": '\uFEFF{"dir": "m"}' })).toBe("");
    const empty = await resolveSettings({ table: "" }, {}, mkdtempSync(join(tmpdir(), "p-"))).catch(
      (e: PitstopError) => e.message,
    );
    expect(empty).toMatch(/--table is empty/);
  });

  it("database URL errors name the part, with the password masked", async () => {
    const { locateDatabase } = await import("../src/driver/connect.js");
    const message = (url: string) => {
      try {
        locateDatabase({ url });
        return "";
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(message("postgres://app:s3cret@db:abc/app")).toBe(
      'database URL postgres://app:****@db:abc/app: the port "abc" is not a number',
    );
    expect(message("postgres://app:s3cret@db:99999/app")).toBe(
      "database URL postgres://app:****@db:99999/app: the port 99999 is out of range (1-65535)",
    );
    expect(message("postgres://app:s3cret@[::1/app")).toMatch(/cannot read the host "\[::1"/);
    expect(message("postgres://app:s3cret@[::1]:5432/app")).toBe("");
    expect(message("postgres://app:s3cret@h1:5432,h2:5433/app")).toBe("");
  });

  it("up 0 and version with nothing applied say what is true", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "pitstop-zero-"));
    mkdirSync(join(cwd, "migrations"));
    writeFileSync(join(cwd, "migrations/001_a.sql"), CREATE_A);
    const version = await runCli(["version"], { cwd });
    expect(version.stdout).toBe("No migrations applied.\n");
    const zero = await runCli(["up", "0"], { cwd });
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(/a count of 0 migrations does nothing/);
  }, 180_000);
});
