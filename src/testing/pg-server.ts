import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PitstopError } from "../core/errors.js";

const run = promisify(execFile);

/** Settings every throwaway cluster gets: durability off, room for parallel tests. */
export const DEFAULT_SERVER_SETTINGS: Readonly<Record<string, string>> = {
  fsync: "off",
  synchronous_commit: "off",
  full_page_writes: "off",
  max_connections: "200",
};
/** Free-port picks that may lose a race with another process before giving up. */
const PORT_ATTEMPTS = 5;
const START_TIMEOUT_S = 30;
const OS_USER = "postgres";
const TEMP_PREFIX = "pitstop-pg-";
/** A RAM-backed /dev/shm with at least this much free space holds the cluster. */
const MIN_SHM_FREE_BYTES = 1024 ** 3;

export interface StartPostgresOptions {
  /** Listen on this port (no retry); default: a free one. */
  port?: number;
  /** Directory with initdb, pg_ctl and postgres; default: found (see `findPostgresBindir`). */
  bindir?: string;
  /** postgresql.conf settings, on top of `DEFAULT_SERVER_SETTINGS`. */
  settings?: Record<string, string>;
  /** Leave the server running when this process exits (for `pitstop test-server start`). */
  keepOnExit?: boolean;
  /**
   * Where the cluster's temp dir goes. Default: `PITSTOP_PG_TMPDIR`, else
   * `/dev/shm` when it is a RAM file system with 1 GiB free (CREATE DATABASE
   * is several times faster there), else the OS temp dir.
   */
  baseDir?: string;
}

/** A running throwaway PostgreSQL cluster. */
export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust auth, no password). */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly bindir: string;
  /** `postgres --version` number, e.g. "15.14". */
  readonly version: string;
  /** Stops the server (immediate mode) and deletes its files. Safe to call again. */
  stop(): Promise<void>;
}

/**
 * Starts a throwaway PostgreSQL cluster: initdb into a fresh temp dir (as the
 * `postgres` OS user when running as root), listening on 127.0.0.1 and a unix
 * socket in that dir, with fsync off. Stopped on `stop()` or, unless
 * `keepOnExit`, when this process exits.
 *
 * @example
 * const server = await startPostgres();
 * try {
 *   const driver = await createPgDriver({ url: server.url });
 * } finally {
 *   await server.stop();
 * }
 */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresServer> {
  const bindir = options.bindir ?? findPostgresBindir();
  const { asUser, root, dataDir, stop, stopOnExit } = clusterDir(bindir, options.baseDir);
  try {
    await initdb(bindir, dataDir, asUser);
    const settings = { ...DEFAULT_SERVER_SETTINGS, ...options.settings };
    const port = await startOnFreePort(bindir, root, dataDir, asUser, settings, options.port);
    if (options.keepOnExit !== true) process.on("exit", stopOnExit);
    const version = await serverVersion(bindir, dataDir);
    const host = "127.0.0.1";
    return {
      url: `postgres://postgres@${host}:${port}/postgres`,
      host,
      port,
      dataDir,
      bindir,
      version,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * A new temp folder for a cluster (owned by the OS user the server runs as)
 * and how to stop that cluster, once, now or when the process exits.
 */
function clusterDir(bindir: string, baseDir: string | undefined) {
  const asUser = ownerFor();
  const root = fs.mkdtempSync(path.join(baseDir ?? defaultBaseDir(), TEMP_PREFIX));
  if (asUser !== undefined) fs.chownSync(root, asUser.uid, asUser.gid);
  const dataDir = path.join(root, "data");
  let stopped = false;
  const stopOnExit = () => stopSync(bindir, dataDir, asUser);
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off("exit", stopOnExit);
    await stopCluster(bindir, dataDir, asUser);
  };
  return { asUser, root, dataDir, stop, stopOnExit };
}

/**
 * A throwaway cluster is all small files written and read again: on a RAM
 * file system CREATE DATABASE takes ~30 ms instead of ~250 ms on this
 * project's CI disks. Docker's default 64 MB /dev/shm is too small: skipped.
 */
export function defaultBaseDir(): string {
  const fromEnv = process.env.PITSTOP_PG_TMPDIR;
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  const shm = "/dev/shm";
  try {
    if (process.platform !== "linux") return os.tmpdir();
    fs.accessSync(shm, fs.constants.W_OK);
    const stats = fs.statfsSync(shm);
    if (stats.bavail * stats.bsize >= MIN_SHM_FREE_BYTES) return shm;
  } catch {
    // No usable /dev/shm.
  }
  return os.tmpdir();
}

/**
 * Stops a cluster started by `startPostgres`, from any process (it needs only
 * `bindir` and `dataDir`), and deletes the temp dir `startPostgres` made
 * around it. No error when it is already stopped or gone.
 *
 * @example
 * await stopPostgres({ bindir: "/usr/lib/postgresql/15/bin", dataDir: "/tmp/pitstop-pg-a1b2c3/data" });
 */
export async function stopPostgres(server: { bindir: string; dataDir: string }): Promise<void> {
  await stopCluster(server.bindir, server.dataDir, ownerFor());
}

async function stopCluster(
  bindir: string,
  dataDir: string,
  asUser: OsUser | undefined,
): Promise<void> {
  if (fs.existsSync(path.join(dataDir, "postmaster.pid"))) {
    const pgCtl = path.join(bindir, "pg_ctl");
    await runAs(asUser, pgCtl, ["-D", dataDir, "-m", "immediate", "-w", "stop"]).catch(() => {});
  }
  removeOurDir(dataDir);
}

/** Deletes the temp dir around a data dir, but only one `startPostgres` made. */
function removeOurDir(dataDir: string): void {
  const root = path.dirname(dataDir);
  if (path.basename(dataDir) === "data" && path.basename(root).startsWith(TEMP_PREFIX)) {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/**
 * The directory holding the PostgreSQL server binaries: `PITSTOP_PG_BINDIR`,
 * else `pg_config --bindir`, else `initdb` on the PATH, else the newest
 * `/usr/lib/postgresql/<major>/bin`. Throws `PitstopError` code
 * `PG_NOT_FOUND` with an install hint.
 *
 * @example
 * findPostgresBindir() // "/usr/lib/postgresql/15/bin"
 */
export function findPostgresBindir(): string {
  const fromEnv = process.env.PITSTOP_PG_BINDIR;
  if (fromEnv !== undefined && fromEnv !== "") {
    if (hasServerBinaries(fromEnv)) return fromEnv;
    throw new PitstopError(
      "PG_NOT_FOUND",
      `PITSTOP_PG_BINDIR=${fromEnv} has no initdb, pg_ctl and postgres`,
      {
        hint: "Point PITSTOP_PG_BINDIR at the bin directory of a PostgreSQL server install (pg_config --bindir).",
      },
    );
  }
  const candidates = [pgConfigBindir(), ...pathDirsWithInitdb(), ...debianBindirs()];
  const found = candidates.find((dir) => dir !== undefined && hasServerBinaries(dir));
  if (found !== undefined) return found;
  throw new PitstopError(
    "PG_NOT_FOUND",
    "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found",
    {
      hint: "Install them (Debian/Ubuntu: apt-get install postgresql; macOS: brew install postgresql) or set PITSTOP_PG_BINDIR.",
    },
  );
}

function hasServerBinaries(dir: string): boolean {
  return ["initdb", "pg_ctl", "postgres"].every((bin) => fs.existsSync(path.join(dir, bin)));
}

function pgConfigBindir(): string | undefined {
  try {
    return execFileSync("pg_config", ["--bindir"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return undefined;
  }
}

function pathDirsWithInitdb(): string[] {
  return (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter((dir) => dir !== "" && fs.existsSync(path.join(dir, "initdb")));
}

function debianBindirs(): string[] {
  const base = "/usr/lib/postgresql";
  try {
    return fs
      .readdirSync(base)
      .filter((name) => /^\d+(\.\d+)?$/.test(name))
      .sort((a, b) => Number(b) - Number(a))
      .map((major) => path.join(base, major, "bin"));
  } catch {
    return [];
  }
}

interface OsUser {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

/** PostgreSQL refuses to run as root: then run it as the `postgres` user. */
function ownerFor(): OsUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const uid = Number(
      execFileSync("id", ["-u", OS_USER], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }),
    );
    const gid = Number(
      execFileSync("id", ["-g", OS_USER], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }),
    );
    return { name: OS_USER, uid, gid };
  } catch {
    throw new PitstopError(
      "PG_NO_USER",
      `running as root, and there is no "${OS_USER}" user to run PostgreSQL as`,
      {
        hint: `PostgreSQL refuses to run as root. Create the user (useradd --system ${OS_USER}, or apt-get install postgresql) or run as another user.`,
      },
    );
  }
}

/** Runs a PostgreSQL binary, as `asUser` when given (we are root). */
async function runAs(asUser: OsUser | undefined, file: string, args: string[]): Promise<string> {
  const [command, argv] =
    asUser === undefined
      ? [file, args]
      : hasRunuser()
        ? ["runuser", ["-u", asUser.name, "--", file, ...args]]
        : suArgs(asUser, file, args);
  try {
    const { stdout } = await run(command, argv, { encoding: "utf8", cwd: os.tmpdir() });
    return stdout;
  } catch (error) {
    const failed = error as { stderr?: string; stdout?: string; message: string };
    const output = `${failed.stderr ?? ""}${failed.stdout ?? ""}`.trim() || failed.message;
    throw new PitstopError("PG_SERVER", `${path.basename(file)} failed: ${lastLines(output, 6)}`, {
      cause: error,
    });
  }
}

let runuserAvailable: boolean | undefined;
function hasRunuser(): boolean {
  runuserAvailable ??= ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"].some((p) =>
    fs.existsSync(p),
  );
  return runuserAvailable;
}

function suArgs(asUser: OsUser, file: string, args: string[]): [string, string[]] {
  const quoted = [file, ...args].map((arg) => `'${arg.replaceAll("'", `'\\''`)}'`).join(" ");
  return ["su", [asUser.name, "-s", "/bin/sh", "-c", quoted]];
}

async function initdb(bindir: string, dataDir: string, asUser: OsUser | undefined): Promise<void> {
  await runAs(asUser, path.join(bindir, "initdb"), [
    "-D",
    dataDir,
    "-A",
    "trust",
    "-U",
    "postgres",
    "--no-sync",
    "-E",
    "UTF8",
    "--locale=C",
  ]);
}

async function startOnFreePort(
  bindir: string,
  root: string,
  dataDir: string,
  asUser: OsUser | undefined,
  settings: Record<string, string>,
  fixedPort: number | undefined,
): Promise<number> {
  const attempts = fixedPort === undefined ? PORT_ATTEMPTS : 1;
  for (let attempt = 1; ; attempt++) {
    const port = fixedPort ?? (await freePort());
    writeSettings(dataDir, asUser, {
      ...settings,
      port: String(port),
      listen_addresses: "127.0.0.1",
      unix_socket_directories: root,
    });
    try {
      await runAs(asUser, path.join(bindir, "pg_ctl"), [
        "-D",
        dataDir,
        "-l",
        path.join(root, "server.log"),
        "-w",
        "-t",
        String(START_TIMEOUT_S),
        "start",
      ]);
      return port;
    } catch (error) {
      const log = readLog(root);
      const portTaken = /could not bind|address already in use/i.test(log);
      if (portTaken && attempt < attempts) continue;
      throw new PitstopError(
        "PG_SERVER",
        `PostgreSQL did not start on port ${port}: ${lastLines(log, 6) || (error as Error).message}`,
        {
          hint: portTaken
            ? "The port is taken: pick another one or leave it out to get a free one."
            : `See ${path.join(root, "server.log")}.`,
          cause: error,
        },
      );
    }
  }
}

/** A port free right now on 127.0.0.1 (the kernel picks it; another process may still take it first). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Settings go in their own file, included last from postgresql.conf: no shell quoting involved. */
function writeSettings(
  dataDir: string,
  asUser: OsUser | undefined,
  settings: Record<string, string>,
): void {
  const file = path.join(dataDir, "pitstop.conf");
  const lines = Object.entries(settings).map(
    ([key, value]) => `${key} = '${value.replaceAll("'", "''")}'`,
  );
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  if (asUser !== undefined) fs.chownSync(file, asUser.uid, asUser.gid);
  const conf = path.join(dataDir, "postgresql.conf");
  if (!fs.readFileSync(conf, "utf8").includes("include 'pitstop.conf'")) {
    fs.appendFileSync(conf, "\ninclude 'pitstop.conf'\n");
  }
}

async function serverVersion(bindir: string, dataDir: string): Promise<string> {
  try {
    const { stdout } = await run(path.join(bindir, "postgres"), ["--version"], {
      encoding: "utf8",
    });
    return /(\d+(?:\.\d+)*)/.exec(stdout)?.[1] ?? stdout.trim();
  } catch {
    return fs.readFileSync(path.join(dataDir, "PG_VERSION"), "utf8").trim();
  }
}

function stopSync(bindir: string, dataDir: string, asUser: OsUser | undefined): void {
  try {
    if (fs.existsSync(path.join(dataDir, "postmaster.pid"))) {
      const args = ["-D", dataDir, "-m", "immediate", "-w", "stop"];
      const pgCtl = path.join(bindir, "pg_ctl");
      if (asUser === undefined) execFileSync(pgCtl, args, { stdio: "ignore" });
      else if (hasRunuser())
        execFileSync("runuser", ["-u", asUser.name, "--", pgCtl, ...args], { stdio: "ignore" });
      else execFileSync(...suArgs(asUser, pgCtl, args), { stdio: "ignore" });
    }
  } catch {
    // Exiting anyway: nothing better to do.
  }
  removeOurDir(dataDir);
}

function readLog(root: string): string {
  try {
    return fs.readFileSync(path.join(root, "server.log"), "utf8");
  } catch {
    return "";
  }
}

function lastLines(text: string, count: number): string {
  return text.trim().split("\n").slice(-count).join(" | ");
}

export interface StartStandbyOptions {
  /** postgresql.conf settings of the standby, on top of `DEFAULT_SERVER_SETTINGS`. */
  settings?: Record<string, string>;
  /** Where the standby's temp dir goes (default as for `startPostgres`). */
  baseDir?: string;
}

/**
 * Starts a streaming hot standby of a server from `startPostgres`:
 * `pg_basebackup -R` (as the `postgres` OS user when running as root) into a
 * fresh temp dir, then the copy on a free port. The primary needs
 * `wal_level` replica or higher (PostgreSQL's default) and a free
 * `max_wal_senders` slot; initdb's pg_hba.conf already trusts local
 * replication connections.
 *
 * @example
 * const primary = await startPostgres({ settings: { wal_level: "replica" } });
 * const standby = await startStandby(primary);
 * // standby.url answers read-only queries; pg_is_in_recovery() is true there
 */
export async function startStandby(
  primary: PostgresServer,
  options: StartStandbyOptions = {},
): Promise<PostgresServer> {
  const bindir = primary.bindir;
  const { asUser, root, dataDir, stop, stopOnExit } = clusterDir(bindir, options.baseDir);
  try {
    await runAs(asUser, path.join(bindir, "pg_basebackup"), [
      ...["-h", primary.host, "-p", String(primary.port), "-U", "postgres"],
      ...["-D", dataDir, "-R", "-X", "stream", "-c", "fast", "--no-sync"],
    ]);
    const settings = { ...DEFAULT_SERVER_SETTINGS, hot_standby: "on", ...options.settings };
    const port = await startOnFreePort(bindir, root, dataDir, asUser, settings, undefined);
    process.on("exit", stopOnExit);
    const host = "127.0.0.1";
    return {
      url: `postgres://postgres@${host}:${port}/postgres`,
      host,
      port,
      dataDir,
      bindir,
      version: primary.version,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
