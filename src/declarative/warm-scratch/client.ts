import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { liveLockHolder } from "../../driver/file-lock.js";
import { pgliteVersion } from "../../driver/pglite-template.js";
import { connectRemoteDriver, REMOTE_LOST, resetRemote } from "../../driver/remote.js";
import type { Scratch } from "../scratch.js";
import { warmScratchPaths } from "./paths.js";
import type { SchemaWatch } from "./precompute.js";

/** How `diff` and the other declarative commands use a warm scratch process. */
export interface WarmScratchUse {
  /**
   * How to start one when none runs (in the background, for the next
   * command): the program and its arguments before `scratch serve`, e.g.
   * `[process.execPath, "/path/to/bin/pitstop.cjs"]`. Without it, one that
   * already runs is used, none is started.
   */
  readonly start?: readonly string[];
  /** Idle time after which a process started here exits (`--idle` of `scratch serve`). */
  readonly idle?: string;
  /** How long to wait for a busy process before starting PGlite in-process (default 3 s). */
  readonly turnTimeoutMs?: number;
  /** Told when the process went away mid-way (the work is then done again in-process). */
  readonly onLost?: (why: string) => void;
  /**
   * The desired schema: the process loads it again whenever it changes and
   * keeps its model, so the next command finds it ready.
   */
  readonly watch?: SchemaWatch;
}

/**
 * The project's warm scratch database, if a process for this project and
 * build of pitstop is listening and gives us its turn in time; undefined
 * otherwise (the caller opens its own PGlite).
 *
 * @example
 * const scratch = (await openWarmScratch(".pitstop/cache", use, [], [])) ?? (await openScratch({}));
 */
export async function openWarmScratch(
  cacheDir: string,
  use: WarmScratchUse,
  extensions: readonly string[],
  roles: readonly string[],
): Promise<Scratch | undefined> {
  const paths = warmScratchPaths(cacheDir, pgliteVersion());
  if (paths === undefined || !fs.existsSync(paths.socket)) return undefined;
  const remote = await connectRemoteDriver({
    socketPath: paths.socket,
    extensions,
    roles,
    turnTimeoutMs: use.turnTimeoutMs ?? 3000,
    ...(use.watch ? { watch: use.watch } : {}),
  });
  if (remote === undefined) return undefined;
  const { driver } = remote;
  return {
    driver,
    description: `PGlite in the warm scratch process (pid ${remote.hello.pid})`,
    warm: true,
    reset: () => resetRemote(driver),
    close: () => driver.close(),
  };
}

/**
 * Starts a warm scratch process in the background for the next command,
 * unless one runs or is starting (its lock is held by a live process).
 * Fire and forget: it outlives this process and exits when idle.
 */
export async function startWarmScratch(
  cacheDir: string,
  use: WarmScratchUse,
  extensions: readonly string[],
): Promise<void> {
  if (use.start === undefined || use.start.length === 0) return;
  const paths = warmScratchPaths(cacheDir, pgliteVersion());
  if (paths === undefined || fs.existsSync(paths.socket) || lockHeld(paths.lock)) return;
  const [program, ...before] = use.start;
  const args = [
    ...before,
    "scratch",
    "serve",
    "--cache-dir",
    path.resolve(cacheDir),
    ...(use.idle ? ["--idle", use.idle] : []),
    ...(extensions.length > 0 ? ["--extensions", extensions.join(",")] : []),
  ];
  try {
    const child = spawn(program!, args, { detached: true, stdio: "ignore", windowsHide: true });
    child.on("error", () => {});
    child.unref();
  } catch {
    // Not started: the next command starts PGlite itself, as this one did.
  }
}

/** The lock file names a process that is alive (starting or running). */
function lockHeld(lock: string): boolean {
  return liveLockHolder(lock) !== undefined;
}

/** The error every call gets once the warm process is gone: the command then runs without it. */
export function isWarmScratchLost(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === REMOTE_LOST;
}
