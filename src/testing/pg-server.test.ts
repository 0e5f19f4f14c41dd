import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { PitstopError } from "../core/errors.js";
import { createPgDriver } from "../driver/pg.js";
import { findPostgresBindir, startPostgres } from "./pg-server.js";

describe.runIf(inject("drivers").includes("pg"))("startPostgres", () => {
  it("starts a throwaway server, serves queries, and stops (twice, harmlessly)", async () => {
    const server = await startPostgres({ settings: { work_mem: "8MB" } });
    let stopped = false;
    try {
      expect(server.url).toBe(`postgres://postgres@127.0.0.1:${server.port}/postgres`);
      expect(server.version).toMatch(/^\d+(\.\d+)?/);
      expect(fs.existsSync(path.join(server.dataDir, "PG_VERSION"))).toBe(true);
      const driver = await createPgDriver({ url: server.url });
      try {
        const { rows } = await driver.query(
          "SELECT current_setting('fsync') AS fsync, current_setting('work_mem') AS work_mem, current_setting('max_connections') AS max",
        );
        expect(rows).toEqual([{ fsync: "off", work_mem: "8MB", max: "200" }]);
        const socketDir = path.dirname(server.dataDir);
        expect(fs.readdirSync(socketDir)).toContain(`.s.PGSQL.${server.port}`);
      } finally {
        await driver.close();
      }
      await server.stop();
      stopped = true;
      expect(fs.existsSync(server.dataDir)).toBe(false);
      await server.stop();
      const after = await createPgDriver({ url: server.url, connectTimeoutMs: 2_000 });
      await expect(after.query("SELECT 1")).rejects.toMatchObject({ code: "CONNECTION" });
      await after.close();
    } finally {
      if (!stopped) await server.stop();
    }
  });

  it("fails clearly on a port that is taken", async () => {
    const first = await startPostgres();
    try {
      const error = await startPostgres({ port: first.port }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PitstopError);
      expect((error as PitstopError).message).toMatch(
        new RegExp(`did not start on port ${first.port}`),
      );
      expect((error as PitstopError).hint).toMatch(/port is taken/);
    } finally {
      await first.stop();
    }
  });

  it("says how to install PostgreSQL when PITSTOP_PG_BINDIR has no server", () => {
    const saved = process.env.PITSTOP_PG_BINDIR;
    process.env.PITSTOP_PG_BINDIR = "/nonexistent/bin";
    try {
      expect(() => findPostgresBindir()).toThrow(PitstopError);
      expect(() => findPostgresBindir()).toThrow(/PITSTOP_PG_BINDIR=\/nonexistent\/bin/);
    } finally {
      if (saved === undefined) delete process.env.PITSTOP_PG_BINDIR;
      else process.env.PITSTOP_PG_BINDIR = saved;
    }
  });
});
