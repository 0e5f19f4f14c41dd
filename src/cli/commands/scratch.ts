import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseDuration } from "../../core/duration.js";
import { UsageError } from "../../core/errors.js";
import { formatTimestamp, type Output } from "../output.js";
import type { Settings } from "../settings.js";

export interface ScratchServeFlags {
  cacheDir?: string;
  idle?: string;
  extensions?: string[];
}

/** The project's scratch cache: next to the embedded database, as `diff` uses it. */
function cacheDirOf(settings: Settings, flag?: string): string {
  return path.resolve(flag ?? path.join(path.dirname(settings.dataDir), "cache"));
}

/** `scratch serve`: the warm scratch process, in the foreground (commands start it in the background). */
export async function runScratchServe(
  settings: Settings,
  out: Output,
  flags: ScratchServeFlags,
): Promise<number> {
  const { serveWarmScratch, DEFAULT_IDLE_MS } = await import(
    "../../declarative/warm-scratch/server.js"
  );
  const idleMs = flags.idle === undefined ? DEFAULT_IDLE_MS : parseDuration(flags.idle);
  if (idleMs === undefined || idleMs <= 0) {
    throw new UsageError(`--idle ${flags.idle} is not a duration`, {
      hint: "Give a duration such as 10m, 90s or 1h.",
    });
  }
  const outcome = await serveWarmScratch({
    cacheDir: cacheDirOf(settings, flags.cacheDir),
    idleMs,
    extensions: flags.extensions ?? [],
    log: (line) => out.notice(`scratch: ${line}`),
  });
  if (outcome === "already-running")
    out.notice("A warm scratch process already runs for this project (`pitstop scratch status`).");
  return outcome === "failed" ? 1 : 0;
}

/** `scratch status`: the project's warm scratch processes; exit 1 when none runs. */
export async function runScratchStatus(
  settings: Settings,
  out: Output,
  flags: { cacheDir?: string },
): Promise<number> {
  const { processes, askRemote } = await scratchProcesses(settings, flags);
  const running = [];
  for (const { info, paths } of processes) {
    const status = await askRemote<{
      served: number;
      busy: boolean;
      waiting: number;
      modelsKept: number;
    }>(paths.socket, "status", 2000);
    if (status) running.push({ ...info, ...status, socket: paths.socket });
  }
  if (out.json) out.data({ ok: true, running });
  else if (running.length === 0)
    out.notice("No warm scratch process runs for this project (the next `diff` starts one).");
  else
    for (const r of running)
      out.line(
        `pid ${r.pid}, since ${formatTimestamp(new Date(r.startedAt))}, PGlite ${r.pglite}, ${r.served} commands served, ${r.modelsKept} changed schemas loaded ahead, ${r.busy ? "busy" : "idle"}; exits after ${Math.round(r.idleMs / 1000)} s idle`,
      );
  return running.length > 0 ? 0 : 1;
}

/** `scratch stop`: asks each of the project's warm scratch processes to exit, then makes sure. */
export async function runScratchStop(
  settings: Settings,
  out: Output,
  flags: { cacheDir?: string },
): Promise<number> {
  const { processes, askRemote } = await scratchProcesses(settings, flags);
  const { liveLockHolder } = await import("../../driver/file-lock.js");
  const fs = await import("node:fs");
  let stopped = 0;
  for (const { info, paths } of processes) {
    const { socket, lock } = paths;
    const answered = await askRemote(socket, "stop", 2000);
    // Not answering (busy in a statement that never ends): signals, to the
    // process that holds the lock only (never a pid reused since).
    const holder = liveLockHolder(lock);
    if (holder !== undefined && holder.pid === info.pid && !(await gone(info.pid, 50))) {
      signal(info.pid, "SIGTERM");
      if (!(await gone(info.pid, 50))) signal(info.pid, "SIGKILL");
    }
    if (answered !== undefined || holder !== undefined) stopped++;
    for (const f of [paths.info, socket, lock]) fs.rmSync(f, { force: true });
  }
  if (out.json) out.data({ ok: true, stopped });
  else
    out.line(
      stopped > 0 ? `Stopped ${stopped} warm scratch process(es).` : "No warm scratch process ran.",
    );
  return 0;
}

/** The project's warm scratch processes (any build), and the call that asks one something. */
async function scratchProcesses(settings: Settings, flags: { cacheDir?: string }) {
  const { warmScratchInfos } = await import("../../declarative/warm-scratch/paths.js");
  const { askRemote } = await import("../../driver/remote.js");
  return { processes: warmScratchInfos(cacheDirOf(settings, flags.cacheDir)), askRemote };
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Gone already.
  }
}

/** Polls (every 100 ms, `tries` times) until the process is gone. */
async function gone(pid: number, tries: number): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await sleep(100);
  }
  return false;
}
