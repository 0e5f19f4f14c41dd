import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const PGBOUNCER_BIN = process.env.PITSTOP_PGBOUNCER ?? "/usr/sbin/pgbouncer";
const START_TIMEOUT_MS = 15_000;

export interface Pgbouncer {
  /** `postgres://postgres@127.0.0.1:<port>/<database>`: the same database, through the pooler. */
  url(database: string): string;
  readonly port: number;
  /** The pooler's log (for a failing test's message). */
  log(): string;
  stop(): Promise<void>;
}

export interface PgbouncerOptions {
  /** The server's URL (`postgres://postgres@127.0.0.1:<port>/...`, trust auth). */
  serverUrl: string;
  poolMode: "transaction" | "session";
  /** Server connections per database/user pair (default 4). */
  poolSize?: number;
  /**
   * Hand out server connections in turn rather than the last one released
   * (`server_round_robin`): consecutive transactions of a client then land
   * on different backends even on an idle pool, as many poolers do.
   */
  roundRobin?: boolean;
}

/** Whether a pgbouncer binary is installed (`.ci/run` installs Debian's package). */
export function hasPgbouncer(): boolean {
  return fs.existsSync(PGBOUNCER_BIN);
}

/**
 * Starts a throwaway pgbouncer in front of the test server: its ini and
 * userlist in a temp dir, a free port on 127.0.0.1, trust auth, run as the
 * `postgres` OS user when we are root (it refuses to run as root).
 *
 * @example
 * const bouncer = await startPgbouncer({ serverUrl: inject("pgUrl"), poolMode: "transaction" });
 * const url = bouncer.url("app");
 * await bouncer.stop();
 */
export async function startPgbouncer(options: PgbouncerOptions): Promise<Pgbouncer> {
  const server = new URL(options.serverUrl);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pitstop-pgbouncer-"));
  const owner = osUser();
  const port = await freePort();
  const logFile = path.join(dir, "pgbouncer.log");
  fs.writeFileSync(path.join(dir, "userlist.txt"), `"${server.username || "postgres"}" ""\n`);
  fs.writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `* = host=${server.hostname} port=${server.port || "5432"}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${path.join(dir, "userlist.txt")}`,
      `pool_mode = ${options.poolMode}`,
      `default_pool_size = ${options.poolSize ?? 4}`,
      `server_round_robin = ${options.roundRobin ? 1 : 0}`,
      "max_client_conn = 500",
      `logfile = ${logFile}`,
      "ignore_startup_parameters = extra_float_digits",
      "",
    ].join("\n"),
  );
  if (owner) {
    for (const f of ["", "userlist.txt", "pgbouncer.ini"])
      fs.chownSync(path.join(dir, f), owner.uid, owner.gid);
  }
  const child = spawn(PGBOUNCER_BIN, [path.join(dir, "pgbouncer.ini")], {
    cwd: dir,
    stdio: ["ignore", "ignore", "pipe"],
    ...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
  });
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr += d));
  const log = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : stderr);
  try {
    await waitForPort(port, child);
  } catch (error) {
    child.kill("SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`pgbouncer did not start: ${(error as Error).message}\n${log()}`);
  }
  return {
    port,
    url: (database) => `postgres://${server.username || "postgres"}@127.0.0.1:${port}/${database}`,
    log,
    stop: async () => {
      await stopChild(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function osUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) =>
    Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline)
      throw new Error(`port ${port} not open after ${START_TIMEOUT_MS} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    // SIGINT: pgbouncer's safe shutdown (waits for clients); SIGTERM closes at once.
    child.kill("SIGTERM");
  });
}
