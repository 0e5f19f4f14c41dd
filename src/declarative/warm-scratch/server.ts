import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PitstopError } from "../../core/errors.js";
import { DatabaseError, type Driver } from "../../driver/driver.js";
import { acquireFileLock, type FileLock } from "../../driver/file-lock.js";
import {
  REMOTE_PROTOCOL,
  type RemoteHello,
  type RemoteReply,
  type RemoteRequest,
  toRemoteError,
} from "../../driver/remote.js";
import { readFrames, writeFrame } from "../../driver/wire.js";
import { buildIdentity } from "../model-cache.js";
import { createRoles } from "../scratch.js";
import { HeldDatabase } from "./held-database.js";
import { type WarmScratchInfo, warmScratchPaths } from "./paths.js";
import { type SchemaWatch, SchemaWatches } from "./precompute.js";

/** Without a client for this long, the process exits (default of `pitstop scratch serve`). */
export const DEFAULT_IDLE_MS = 10 * 60_000;

export interface WarmScratchServeOptions {
  /** The project's cache dir (`.pitstop/cache`): decides the socket. */
  readonly cacheDir: string;
  /** Exit after this long without a client. */
  readonly idleMs: number;
  /** Extensions to load at start (more are loaded when a client needs them). */
  readonly extensions?: readonly string[];
  /** Progress lines, for a `scratch serve` run in the foreground. */
  readonly log?: (line: string) => void;
  /** Called once it listens (tests, the foreground command). */
  readonly onListening?: (info: WarmScratchInfo) => void;
}

export type ServeOutcome = "idle" | "stopped" | "already-running" | "failed";

type Waiting =
  | {
      readonly kind: "client";
      readonly socket: net.Socket;
      readonly request: Extract<RemoteRequest, { op: "hello" }>;
    }
  | {
      readonly kind: "job";
      readonly key: string;
      readonly run: (db: Driver, extensions: ReadonlySet<string>) => Promise<void>;
    };

/**
 * Keeps a PGlite database started for the project's declarative commands
 * (`diff`, `drift`, `schema dump --from`, `studio`): they connect over a
 * Unix socket instead of starting PGlite themselves. The process serves one
 * client at a time, empties the database after each, and exits after
 * `idleMs` without one, on `pitstop scratch stop`, SIGTERM or SIGINT. Its
 * V8 has optimized PGlite's hot code after the first few loads, which a
 * one-shot process never gets to.
 *
 * @example
 * const outcome = await serveWarmScratch({ cacheDir: ".pitstop/cache", idleMs: 600_000 });
 */
export async function serveWarmScratch(options: WarmScratchServeOptions): Promise<ServeOutcome> {
  const { pgliteVersion } = await import("../../driver/pglite-template.js");
  const log = options.log ?? (() => {});
  const paths = warmScratchPaths(options.cacheDir, pgliteVersion());
  if (paths === undefined) {
    throw new PitstopError(
      "WARM_SCRATCH_UNSUPPORTED",
      "the warm scratch needs a private folder for its socket (Unix) and found none",
      { hint: "Commands start PGlite themselves meanwhile; nothing else is affected." },
    );
  }
  let lock: FileLock;
  try {
    lock = await acquireFileLock(paths.lock, { timeoutMs: 0, what: "the warm scratch" });
  } catch (error) {
    if (error instanceof PitstopError && error.code === "LOCK_TIMEOUT") return "already-running";
    throw error;
  }

  let held: HeldDatabase;
  try {
    held = await HeldDatabase.start(options.cacheDir, options.extensions ?? [], log);
  } catch (error) {
    lock.release();
    throw error;
  }

  /** Who has the database: a client, a job (a watched schema loaded), or nobody. */
  let active: net.Socket | "job" | undefined;
  let releasing: Promise<void> | undefined;
  const queue: Waiting[] = [];
  let served = 0;
  let idleTimer: NodeJS.Timeout | undefined;
  const watches = new SchemaWatches(
    path.resolve(options.cacheDir),
    (key, run) => {
      if (stopping || queue.some((w) => w.kind === "job" && w.key === key)) return;
      queue.push({ kind: "job", key, run });
      void pump();
    },
    log,
  );
  let finish!: (outcome: ServeOutcome) => void;
  const finished = new Promise<ServeOutcome>((resolve) => {
    finish = resolve;
  });
  const sockets = new Set<net.Socket>();

  const reply = (socket: net.Socket, message: RemoteReply) => {
    if (!socket.destroyed) writeFrame(socket, message);
  };

  let stopping = false;
  const stop = async (outcome: ServeOutcome) => {
    if (stopping) return;
    stopping = true;
    clearTimeout(idleTimer);
    watches.close();
    server.close();
    for (const s of sockets) s.destroy();
    fs.rmSync(paths.info, { force: true });
    fs.rmSync(paths.socket, { force: true });
    await held.close();
    lock.release();
    log(`stopped (${outcome}) after ${served} clients`);
    finish(outcome);
  };

  const armIdle = () => {
    clearTimeout(idleTimer);
    if (active === undefined && queue.length === 0)
      idleTimer = setTimeout(() => void stop("idle"), options.idleMs);
  };

  /** Gives the database to the next client waiting, once the last one's work is undone. */
  const pump = async () => {
    if (active !== undefined || releasing !== undefined || stopping) return;
    const next = queue.shift();
    if (next === undefined) return armIdle();
    clearTimeout(idleTimer);
    if (next.kind === "job") {
      active = "job";
      await next.run(held.driver, held.extensions).catch(() => {});
      return release("job");
    }
    if (next.socket.destroyed) return pump();
    active = next.socket;
    try {
      await held.load(next.request.extensions);
      if (next.request.roles.length > 0) await createRoles(held.driver, next.request.roles);
      const watch = next.request.watch;
      if (watch && typeof watch.cwd === "string" && typeof watch.schema === "string")
        watches.add(watch as SchemaWatch);
      const hello: RemoteHello = { pid: process.pid, served };
      served++;
      reply(next.socket, { id: next.request.id, ok: true, value: hello });
    } catch (error) {
      reply(next.socket, { id: next.request.id, ok: false, error: toRemoteError(error) });
      next.socket.end();
    }
  };

  const release = (socket: net.Socket | "job") => {
    if (socket !== active) return;
    active = undefined;
    releasing = (async () => {
      try {
        await held.empty();
      } catch (error) {
        log(`emptying failed (${(error as Error).message}): restarting PGlite`);
        await held.restart();
      }
    })()
      .catch(async (error) => {
        log(`cannot restart PGlite: ${(error as Error).message}`);
        await stop("failed");
      })
      .finally(() => {
        releasing = undefined;
        void pump();
      });
  };

  /** Calls of the client whose turn it is, one after the other. */
  let chain: Promise<void> = Promise.resolve();
  const run = (socket: net.Socket, request: RemoteRequest) => {
    chain = chain.then(async () => {
      if (socket !== active || socket.destroyed) return;
      try {
        const value = await execute(request);
        reply(socket, { id: request.id, ok: true, value });
      } catch (error) {
        reply(socket, { id: request.id, ok: false, error: toRemoteError(error) });
        // PGlite itself failed (not an SQL error): its state is unknown.
        if (!(error instanceof DatabaseError) && !(error instanceof PitstopError)) {
          log(`PGlite failed: ${(error as Error).message}`);
          await stop("failed");
        }
      }
    });
  };

  const execute = async (request: RemoteRequest): Promise<unknown> => {
    switch (request.op) {
      case "query":
        return held.driver.query(request.sql, request.params);
      case "exec":
        return held.driver.exec(request.sql);
      case "copyFrom":
        return held.driver.copyFrom(request.sql, request.data);
      case "reset":
        return held.empty();
      default:
        throw new PitstopError("WARM_SCRATCH_PROTOCOL", `unexpected request ${request.op}`);
    }
  };

  const server = net.createServer((socket) => {
    sockets.add(socket);
    readFrames(socket, (message) => {
      const request = message as RemoteRequest;
      switch (request.op) {
        case "hello":
          if (request.protocol !== REMOTE_PROTOCOL) {
            reply(socket, {
              id: request.id,
              ok: false,
              error: { kind: "internal", message: `protocol ${request.protocol} not spoken` },
            });
            return;
          }
          queue.push({ kind: "client", socket, request });
          void pump();
          return;
        case "status":
          reply(socket, {
            id: request.id,
            ok: true,
            value: {
              pid: process.pid,
              served,
              busy: active !== undefined,
              waiting: queue.length,
              modelsKept: watches.kept,
            },
          });
          return;
        case "stop":
          reply(socket, { id: request.id, ok: true, value: { pid: process.pid } });
          socket.end(() => void stop("stopped"));
          return;
        default:
          run(socket, request);
      }
    });
    socket.on("error", () => {});
    socket.on("close", () => {
      sockets.delete(socket);
      const waiting = queue.findIndex((w) => w.kind === "client" && w.socket === socket);
      if (waiting >= 0) queue.splice(waiting, 1);
      release(socket);
    });
  });

  // We hold the lock: a socket file left there is a dead process's.
  fs.rmSync(paths.socket, { force: true });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(paths.socket, () => resolve());
    });
    fs.chmodSync(paths.socket, 0o600);
  } catch (error) {
    await held.close();
    lock.release();
    throw error;
  }
  const info: WarmScratchInfo = {
    pid: process.pid,
    cacheDir: path.resolve(options.cacheDir),
    pglite: pgliteVersion(),
    build: buildIdentity(),
    startedAt: new Date().toISOString(),
    idleMs: options.idleMs,
  };
  fs.writeFileSync(`${paths.info}.tmp`, JSON.stringify(info));
  fs.renameSync(`${paths.info}.tmp`, paths.info);
  log(`listening on ${paths.socket}`);
  options.onListening?.(info);
  for (const signal of ["SIGTERM", "SIGINT"] as const)
    process.once(signal, () => void stop("stopped"));
  armIdle();
  return finished;
}
