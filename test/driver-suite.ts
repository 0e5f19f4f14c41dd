import { setTimeout as sleep } from "node:timers/promises";
import { expect, it } from "vitest";
import { PitstopError } from "../src/core/errors.js";
import { openDriver } from "../src/driver/connect.js";
import { DatabaseError, type Driver } from "../src/driver/driver.js";
import type { TestDriverContext } from "./helpers/databases.js";

/**
 * What every Driver adapter must do, run once per adapter. A new adapter
 * passes this suite before anything else uses it.
 */
export function runDriverSuite(ctx: TestDriverContext): void {
  it("queries with parameters and returns pg's default types", async () => {
    const driver = await ctx.newDriver();
    const at = new Date("2024-05-06T07:08:09.123Z");
    const { rows, rowCount } = await driver.query(
      `SELECT $1::int AS i, $2::text AS t, $3::bool AS b, $4::timestamptz AS ts, $5::jsonb AS j,
              9007199254740993::int8 AS big, ARRAY[1, 2]::int8[] AS bigs, $6::text AS missing,
              $7::jsonb AS jo, $8::bigint AS version, 1.50::numeric AS num`,
      [
        42,
        "héllo",
        true,
        at,
        JSON.stringify({ a: [1, "x"] }),
        null,
        { k: { n: null } },
        "20240506070809",
      ],
    );
    expect(rowCount).toBe(1);
    expect(rows).toEqual([
      {
        i: 42,
        t: "héllo",
        b: true,
        ts: at,
        j: { a: [1, "x"] },
        big: "9007199254740993",
        bigs: ["1", "2"],
        missing: null,
        jo: { k: { n: null } },
        version: "20240506070809",
        num: "1.50",
      },
    ]);
  });

  it("reports rows affected, and null rowCount for commands without one", async () => {
    const driver = await ctx.newDriver();
    expect((await driver.query("CREATE TABLE t (a int)")).rowCount).toBeNull();
    expect((await driver.query("INSERT INTO t SELECT generate_series(1, 3)")).rowCount).toBe(3);
    expect((await driver.query("UPDATE t SET a = a + 1 WHERE a > 1")).rowCount).toBe(2);
  });

  it("refuses several statements in query() (extended protocol), on every adapter alike", async () => {
    const driver = await ctx.newDriver();
    const error = await driver.query("SELECT 1; SELECT 2").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as DatabaseError).code).toBe("42601");
  });

  it("execs a multi-statement script in one call", async () => {
    const driver = await ctx.newDriver();
    await driver.exec(`
      CREATE TABLE a (id int PRIMARY KEY);
      INSERT INTO a VALUES (1), (2);
      CREATE FUNCTION two() RETURNS int LANGUAGE sql AS $$ SELECT 2 $$;
      INSERT INTO a VALUES (two() + 1);
    `);
    expect((await driver.query("SELECT count(*)::int AS n FROM a")).rows).toEqual([{ n: 3 }]);
    await driver.exec("");
  });

  it("turns a server error into DatabaseError with a 1-based position in the whole script", async () => {
    const driver = await ctx.newDriver();
    const script = "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\nSELECT id, nope FROM a;\n";
    const error = await driver.exec(script).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    const dbError = error as DatabaseError;
    expect(dbError.code).toBe("42703");
    expect(dbError.severity).toBe("ERROR");
    expect(dbError.position).toBe(script.indexOf("nope") + 1);
    expect(dbError.message).toMatch(/nope/);
  });

  it("fills the structured fields of a constraint violation", async () => {
    const driver = await ctx.newDriver();
    await driver.exec(
      "CREATE TABLE u (id int CONSTRAINT u_pk PRIMARY KEY); INSERT INTO u VALUES (1);",
    );
    const error = (await driver
      .query("INSERT INTO u VALUES ($1)", [1])
      .catch((e: unknown) => e)) as DatabaseError;
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error).toMatchObject({
      code: "23505",
      schema: "public",
      table: "u",
      constraint: "u_pk",
    });
    expect(error.detail).toMatch(/already exists/);
  });

  it("runs concurrent sessions one after the other, never interleaved on one connection", async () => {
    const driver = await ctx.newDriver();
    await driver.exec("CREATE TABLE s (id int)");
    const events: string[] = [];
    const first = driver.session(async (session) => {
      events.push("first:begin");
      await session.exec("BEGIN; INSERT INTO s VALUES (1);");
      await sleep(100);
      await session.exec("ROLLBACK");
      events.push("first:end");
    });
    // Started while the first is inside its transaction: must not see the uncommitted row.
    const second = driver.session(async (session) => {
      events.push("second:begin");
      const { rows } = await session.query<{ n: number }>("SELECT count(*)::int AS n FROM s");
      events.push("second:end");
      return rows[0]!.n;
    });
    const outside = driver.query<{ n: number }>("SELECT count(*)::int AS n FROM s");
    const [, seen, outsideRows] = await Promise.all([first, second, outside]);
    expect(seen).toBe(0);
    expect(outsideRows.rows).toEqual([{ n: 0 }]);
    expect(events).toEqual(["first:begin", "first:end", "second:begin", "second:end"]);
  });

  it("rolls back a transaction in a session", async () => {
    const driver = await ctx.newDriver();
    await driver.exec("CREATE TABLE r (id int)");
    await driver.session(async (session) => {
      await session.exec("BEGIN");
      await session.query("INSERT INTO r VALUES ($1)", [1]);
      expect((await session.query("SELECT count(*)::int AS n FROM r")).rows).toEqual([{ n: 1 }]);
      await session.exec("ROLLBACK");
    });
    expect((await driver.query("SELECT count(*)::int AS n FROM r")).rows).toEqual([{ n: 0 }]);
  });

  it("leaves no open transaction or advisory lock behind when a session throws", async () => {
    const driver = await ctx.newDriver();
    await driver.exec("CREATE TABLE x (id int)");
    const failure = driver.session(async (session) => {
      await session.query("SELECT pg_advisory_lock(7)");
      await session.exec("BEGIN; INSERT INTO x VALUES (1);");
      throw new Error("boom");
    });
    await expect(failure).rejects.toThrow("boom");
    expect((await driver.query("SELECT count(*)::int AS n FROM x")).rows).toEqual([{ n: 0 }]);
    // pg_locks is cluster-wide and other test files run at the same time: look at this database only.
    const locks = await driver.query(
      "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
    );
    expect(locks.rows).toEqual([]);
  });

  it("refuses a session used after session() returned", async () => {
    const driver = await ctx.newDriver();
    const leaked = await driver.session(async (session) => session);
    await expect(leaked.query("SELECT 1")).rejects.toMatchObject({ code: "SESSION_ENDED" });
  });

  it("takes and releases a session-level advisory lock", async () => {
    const driver = await ctx.newDriver();
    await driver.session(async (session) => {
      const taken = await session.query<{ ok: boolean }>(
        "SELECT pg_try_advisory_lock($1::bigint) AS ok",
        ["123456789012"],
      );
      expect(taken.rows).toEqual([{ ok: true }]);
      const held = await session.query(
        "SELECT objid FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid()",
      );
      expect(held.rows).toHaveLength(1);
      const released = await session.query<{ ok: boolean }>(
        "SELECT pg_advisory_unlock($1::bigint) AS ok",
        ["123456789012"],
      );
      expect(released.rows).toEqual([{ ok: true }]);
    });
  });

  it("runs CREATE INDEX CONCURRENTLY through exec outside a transaction, and refuses it inside one", async () => {
    const driver = await ctx.newDriver();
    await driver.exec("CREATE TABLE c (a int); INSERT INTO c SELECT generate_series(1, 100);");
    await driver.exec("CREATE INDEX CONCURRENTLY c_a ON c (a)");
    const { rows } = await driver.query("SELECT indexname FROM pg_indexes WHERE tablename = 'c'");
    expect(rows).toEqual([{ indexname: "c_a" }]);
    const error = await driver
      .session(async (session) => {
        await session.exec("BEGIN");
        await session.exec("CREATE INDEX CONCURRENTLY c_a2 ON c (a)");
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as DatabaseError).code).toBe("25001");
  });

  it("copies text-format data FROM STDIN, pg_dump's terminator line included", async () => {
    const driver = await ctx.newDriver();
    await driver.exec("CREATE TABLE cp (id int, name text, note text)");
    const data = "1\tone\t\\N\n2\ttwo, with \\t tab\tx\n3\tthree\t'quoted'\n\\.\n";
    const copied = await driver.copyFrom("COPY public.cp (id, name, note) FROM stdin;", data);
    expect(copied).toBe(3);
    const { rows } = await driver.query("SELECT id, name, note FROM cp ORDER BY id");
    expect(rows).toEqual([
      { id: 1, name: "one", note: null },
      { id: 2, name: "two, with \t tab", note: "x" },
      { id: 3, name: "three", note: "'quoted'" },
    ]);
    const csv = await driver.session((session) =>
      session.copyFrom(
        "COPY cp (id, name) FROM STDIN WITH (FORMAT csv, HEADER true)",
        'id,name\n4,"four, 4"\n',
      ),
    );
    expect(csv).toBe(1);
  });

  it("reports bad COPY data as DatabaseError, and a non-COPY statement as a PitstopError", async () => {
    const driver = await ctx.newDriver();
    await driver.exec("CREATE TABLE cp (id int)");
    const bad = await driver
      .copyFrom("COPY cp FROM STDIN", "1\nnot a number\n")
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(DatabaseError);
    expect((bad as DatabaseError).code).toBe("22P02");
    const notCopy = await driver.copyFrom("SELECT 1", "").catch((e: unknown) => e);
    expect(notCopy).toBeInstanceOf(PitstopError);
    expect((notCopy as PitstopError).code).toBe("COPY_SQL");
    // The connection is still usable after a failed COPY.
    expect((await driver.query("SELECT count(*)::int AS n FROM cp")).rows).toEqual([{ n: 0 }]);
  });

  it("throws instead of deadlocking when the driver is used inside its own session", async () => {
    const driver = await ctx.newDriver();
    // Both test drivers have one connection (a pg driver from a URL too; a pooled one would just run it).
    const error = await driver.session(() => driver.query("SELECT 1")).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "DRIVER_REENTRANT" });
  });

  it("opens the same database from ctx.url() with openDriver", async () => {
    await ctx.newDriver();
    const driver: Driver = await openDriver({ url: ctx.url() });
    try {
      expect((await driver.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
      expect(driver.target).not.toMatch(/password/);
    } finally {
      await driver.close();
    }
  });

  it("closes, then refuses further use (close is idempotent)", async () => {
    await ctx.newDriver();
    const driver = await openDriver({ url: ctx.url() });
    await driver.query("SELECT 1");
    await driver.close();
    await driver.close();
    await expect(driver.query("SELECT 1")).rejects.toMatchObject({ code: "DRIVER_CLOSED" });
  });
}
