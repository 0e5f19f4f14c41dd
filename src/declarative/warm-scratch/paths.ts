import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { nodeCrypto } from "../../core/node-crypto.js";
import { pgliteVersion } from "../../driver/pglite-template.js";
import { buildIdentity } from "../model-cache.js";

/** Where a project's warm scratch process listens and says what it is. */
export interface WarmScratchPaths {
  /** The Unix socket. */
  readonly socket: string;
  /** Held by the running process (pid, start): one process per key. */
  readonly lock: string;
  /** JSON written once it listens: what `pitstop scratch status` shows. */
  readonly info: string;
  /** The key's prefix shared by every build of pitstop for this project (for `scratch stop`). */
  readonly project: string;
}

/**
 * The folder of this user's warm scratch sockets: `<tmp>/pitstop-<uid>`,
 * created 0700. Undefined where it cannot be trusted (owned by someone else,
 * open to others, a symlink) or on Windows (named pipes: not supported yet).
 */
export function warmScratchFolder(): string | undefined {
  if (process.platform === "win32" || typeof process.getuid !== "function") return undefined;
  const uid = process.getuid();
  const dir = path.join(os.tmpdir(), `pitstop-${uid}`);
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") return undefined;
  }
  try {
    const stat = fs.lstatSync(dir);
    if (!stat.isDirectory() || stat.uid !== uid || (stat.mode & 0o077) !== 0) return undefined;
  } catch {
    return undefined;
  }
  return dir;
}

/**
 * The paths for a project (its cache dir) and this build of pitstop and
 * PGlite: a rebuilt or upgraded pitstop starts its own process, the old one
 * ends when idle. Undefined when `warmScratchFolder()` is.
 *
 * @example
 * const paths = warmScratchPaths(".pitstop/cache", "0.2.14");
 * if (paths && fs.existsSync(paths.socket)) console.log("a warm scratch may be running");
 */
export function warmScratchPaths(
  cacheDir: string,
  pgliteVersion: string,
): WarmScratchPaths | undefined {
  const folder = warmScratchFolder();
  if (folder === undefined) return undefined;
  const project = shortHash(path.resolve(cacheDir));
  return pathsOf(
    path.join(folder, `${project}-${shortHash(`${buildIdentity()}\0${pgliteVersion}`)}`),
    project,
  );
}

function pathsOf(base: string, project: string): WarmScratchPaths {
  return { socket: `${base}.sock`, lock: `${base}.lock`, info: `${base}.json`, project };
}

function shortHash(text: string): string {
  return nodeCrypto().createHash("sha256").update(text).digest("hex").slice(0, 12);
}

/** What the process writes to `info`. */
export interface WarmScratchInfo {
  readonly pid: number;
  readonly cacheDir: string;
  readonly pglite: string;
  readonly build: string;
  readonly startedAt: string;
  /** Milliseconds without a client after which it exits. */
  readonly idleMs: number;
}

/** Every warm scratch process of this user for this project (any build) that wrote its info file. */
export function warmScratchInfos(
  cacheDir: string,
): { info: WarmScratchInfo; paths: WarmScratchPaths }[] {
  const folder = warmScratchFolder();
  if (folder === undefined) return [];
  const project = shortHash(path.resolve(cacheDir));
  const out: { info: WarmScratchInfo; paths: WarmScratchPaths }[] = [];
  for (const name of fs.readdirSync(folder)) {
    if (!name.startsWith(`${project}-`) || !name.endsWith(".json")) continue;
    const paths = pathsOf(path.join(folder, name.slice(0, -".json".length)), project);
    try {
      out.push({ info: JSON.parse(fs.readFileSync(paths.info, "utf8")) as WarmScratchInfo, paths });
    } catch {
      // Half-written or gone meanwhile.
    }
  }
  return out;
}

/** Whether a warm scratch socket exists for the project and this build (it may still be dead). */
export function warmScratchSocketExists(cacheDir: string): boolean {
  const paths = warmScratchPaths(cacheDir, pgliteVersion());
  return paths !== undefined && fs.existsSync(paths.socket);
}
