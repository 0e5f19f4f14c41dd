import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { PostgresServer } from "../../src/testing/pg-server.js";

const run = promisify(execFile);

/** pg_ctl on a server `startPostgres` made, as the `postgres` OS user when we are root. */
async function pgCtl(server: PostgresServer, args: string[]): Promise<void> {
  const pgCtlPath = path.join(server.bindir, "pg_ctl");
  const argv = ["-D", server.dataDir, ...args];
  if (process.getuid?.() !== 0) await run(pgCtlPath, argv);
  else if (existsSync("/usr/sbin/runuser") || existsSync("/sbin/runuser"))
    await run("runuser", ["-u", "postgres", "--", pgCtlPath, ...argv]);
  else {
    const quoted = [pgCtlPath, ...argv].map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(" ");
    await run("su", ["postgres", "-s", "/bin/sh", "-c", quoted]);
  }
}

/** A crash: every backend killed at once, no checkpoint (`pg_ctl stop -m immediate`). */
export async function crashServer(server: PostgresServer): Promise<void> {
  await pgCtl(server, ["-m", "immediate", "-w", "stop"]);
}

/** Starts a stopped (or crashed: it recovers first) server again on its port and settings. */
export async function startServer(server: PostgresServer): Promise<void> {
  const log = path.join(path.dirname(server.dataDir), "server.log");
  await pgCtl(server, ["-l", log, "-w", "-t", "60", "start"]);
}
