import net from "node:net";
import { PitstopError } from "../core/errors.js";
import {
  DatabaseError,
  type DatabaseErrorFields,
  type Driver,
  type QueryResult,
  type Session,
} from "./driver.js";
import { Mutex } from "./mutex.js";
import { readFrames, writeFrame } from "./wire.js";

/**
 * The protocol between pitstop and a warm scratch process (a long-lived
 * process holding a started PGlite; src/declarative/warm-scratch). One
 * client at a time holds the database: the process answers `hello` when it
 * is the client's turn, and empties the database when the client goes.
 */
export const REMOTE_PROTOCOL = 1;

export type RemoteRequest =
  | {
      id: number;
      op: "hello";
      protocol: number;
      extensions: string[];
      roles: string[];
      /** A schema the process may load again when it changes (src/declarative/warm-scratch/precompute.ts). */
      watch?: { cwd: string; schema: string; options: unknown };
    }
  | { id: number; op: "query"; sql: string; params: unknown[] }
  | { id: number; op: "exec"; sql: string }
  | { id: number; op: "copyFrom"; sql: string; data: string }
  | { id: number; op: "reset" }
  | { id: number; op: "status" }
  | { id: number; op: "stop" };

export type RemoteError =
  | { kind: "database"; message: string; fields: DatabaseErrorFields }
  | { kind: "pitstop"; code: string; message: string; hint?: string; exitCode: number }
  | { kind: "internal"; message: string };

/** A request before it is numbered (distributes over the union, unlike `Omit`). */
type Unnumbered<T> = T extends { id: number } ? Omit<T, "id"> : never;

export type RemoteReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: RemoteError };

/** What the process says when a client's turn comes. */
export interface RemoteHello {
  pid: number;
  /** Clients served before this one. */
  served: number;
}

/** The error of every call once the connection to the process is gone. */
export const REMOTE_LOST = "WARM_SCRATCH_LOST";

/** An error as it crosses the socket (the receiving end rebuilds it with `fromRemoteError`). */
export function toRemoteError(error: unknown): RemoteError {
  if (error instanceof DatabaseError) {
    const { code, severity, position, internalPosition, internalQuery, detail, hint, where } =
      error;
    const { schema, table, column, constraint } = error;
    return {
      kind: "database",
      message: error.message,
      fields: {
        code,
        severity,
        position,
        internalPosition,
        internalQuery,
        detail,
        hint,
        where,
        schema,
        table,
        column,
        constraint,
      },
    };
  }
  if (error instanceof PitstopError) {
    return {
      kind: "pitstop",
      code: error.code,
      message: error.message,
      ...(error.hint ? { hint: error.hint } : {}),
      exitCode: error.exitCode,
    };
  }
  return { kind: "internal", message: error instanceof Error ? error.message : String(error) };
}

function fromRemoteError(error: RemoteError): Error {
  switch (error.kind) {
    case "database":
      return new DatabaseError(error.message, error.fields);
    case "pitstop":
      return new PitstopError(error.code, error.message, {
        ...(error.hint ? { hint: error.hint } : {}),
        exitCode: error.exitCode,
      });
    default:
      // The process failed in a way the local run would report better: the caller runs locally.
      return new PitstopError(REMOTE_LOST, `the warm scratch process failed: ${error.message}`);
  }
}

/** A connection to a warm scratch process: calls in order, replies matched by id. */
class Connection {
  readonly #socket: net.Socket;
  readonly #pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  #next = 1;
  #lost: Error | undefined;

  constructor(socket: net.Socket) {
    this.#socket = socket;
    readFrames(socket, (message) => {
      const reply = message as RemoteReply;
      const waiter = this.#pending.get(reply.id);
      if (waiter === undefined) return;
      this.#pending.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.value);
      else waiter.reject(fromRemoteError(reply.error));
    });
    const lose = (why: string) => {
      this.#lost ??= new PitstopError(REMOTE_LOST, `the warm scratch process went away (${why})`);
      for (const waiter of this.#pending.values()) waiter.reject(this.#lost);
      this.#pending.clear();
    };
    socket.on("error", (error) => lose(error.message));
    socket.on("close", () => lose("connection closed"));
  }

  /** Whether a call is waiting for its answer. */
  get busy(): boolean {
    return this.#pending.size > 0;
  }

  call<T>(request: Unnumbered<RemoteRequest>): Promise<T> {
    if (this.#lost) return Promise.reject(this.#lost);
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      writeFrame(this.#socket, { ...request, id });
    });
  }

  end(): void {
    this.#socket.end();
    this.#socket.unref();
  }

  destroy(): void {
    this.#socket.destroy();
  }
}

export interface RemoteConnectOptions {
  /** The process's socket (a Unix socket path, or a named pipe on Windows). */
  readonly socketPath: string;
  /** Extensions the inputs create: the process restarts its PGlite with them if it lacks one. */
  readonly extensions: readonly string[];
  /** Roles the inputs name: created NOLOGIN. */
  readonly roles: readonly string[];
  /** How long to wait for this client's turn (the process may be serving another). */
  readonly turnTimeoutMs: number;
  /** A schema file or folder for the process to watch (see the `hello` request). */
  readonly watch?: { cwd: string; schema: string; options: unknown };
}

/**
 * A driver on a warm scratch process's database, once it is this client's
 * turn; undefined when no process listens there or the turn does not come
 * within `turnTimeoutMs`. Every call fails with code `WARM_SCRATCH_LOST`
 * after the process goes away (the caller then works without it).
 *
 * @example
 * const remote = await connectRemoteDriver({ socketPath, extensions: [], roles: [], turnTimeoutMs: 2000 });
 * if (remote) try { await remote.driver.exec("create table t ()"); } finally { await remote.driver.close(); }
 */
export async function connectRemoteDriver(
  options: RemoteConnectOptions,
): Promise<{ driver: Driver; hello: RemoteHello } | undefined> {
  const connection = await connect(options.socketPath);
  if (connection === undefined) return undefined;
  try {
    const hello = await within(
      options.turnTimeoutMs,
      connection.call<RemoteHello>({
        op: "hello",
        protocol: REMOTE_PROTOCOL,
        extensions: [...options.extensions],
        roles: [...options.roles],
        ...(options.watch ? { watch: options.watch } : {}),
      }),
    );
    if (hello === undefined) {
      connection.destroy();
      return undefined;
    }
    return { driver: new RemoteDriver(connection, hello), hello };
  } catch (error) {
    connection.destroy();
    // A PGlite without an extension the inputs need is the user's error, not the process's.
    if (error instanceof PitstopError && error.code !== REMOTE_LOST) throw error;
    return undefined;
  }
}

/** A short request that needs no turn (`status`, `stop`); undefined when nothing answers in time. */
export async function askRemote<T>(
  socketPath: string,
  op: "status" | "stop",
  timeoutMs: number,
): Promise<T | undefined> {
  const connection = await connect(socketPath);
  if (connection === undefined) return undefined;
  try {
    return await within(timeoutMs, connection.call<T>({ op }));
  } catch {
    return undefined;
  } finally {
    connection.destroy();
  }
}

/** A connection to the socket; undefined when nothing listens there. */
async function connect(socketPath: string): Promise<Connection | undefined> {
  const socket = await new Promise<net.Socket | undefined>((resolve) => {
    const s = net.connect(socketPath);
    s.once("connect", () => resolve(s));
    s.once("error", () => resolve(undefined));
  });
  return socket === undefined ? undefined : new Connection(socket);
}

/** The promise's value, or undefined when it takes longer than `ms`. */
async function within<T>(ms: number, promise: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const SIGNALS = ["SIGINT", "SIGTERM"] as const;

class RemoteDriver implements Driver {
  readonly dialect = "pglite" as const;
  readonly target: string;
  readonly #connection: Connection;
  readonly #mutex: Mutex;
  readonly #pid: number;
  #closed = false;

  constructor(connection: Connection, hello: RemoteHello) {
    this.#connection = connection;
    this.#pid = hello.pid;
    this.target = `PGlite in the warm scratch process (pid ${hello.pid})`;
    this.#mutex = new Mutex(this.target);
    // Interrupted mid-call (Ctrl-C): the process may be running SQL that never
    // ends (a loop in a function); nobody else could use it then.
    process.once("exit", this.#onExit);
    for (const signal of SIGNALS) process.on(signal, this.#onSignal);
  }

  readonly #onExit = () => {
    if (!this.#closed && this.#connection.busy) {
      try {
        process.kill(this.#pid, "SIGKILL");
      } catch {
        // Gone already.
      }
    }
  };

  readonly #onSignal = (signal: NodeJS.Signals) => {
    this.#onExit();
    this.#unlisten();
    // Nobody else handles it: the signal's own effect (the process ends).
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };

  #unlisten(): void {
    process.removeListener("exit", this.#onExit);
    for (const signal of SIGNALS) process.removeListener(signal, this.#onSignal);
  }

  query<R extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<R>> {
    return this.#turn(() => this.#query<R>(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.#turn(() => this.#connection.call<void>({ op: "exec", sql }));
  }

  copyFrom(sql: string, data: string): Promise<number> {
    return this.#turn(() => this.#connection.call<number>({ op: "copyFrom", sql, data }));
  }

  session<T>(fn: (session: Session) => Promise<T>): Promise<T> {
    return this.#turn(async () => {
      let live = true;
      const check = () => {
        if (!live) {
          throw new PitstopError(
            "SESSION_ENDED",
            `a session on ${this.target} was used after session() returned`,
            { hint: "Keep uses of the session inside the function passed to driver.session()." },
          );
        }
      };
      const session: Session = {
        query: async <R extends object>(sql: string, params?: readonly unknown[]) => {
          check();
          return this.#query<R>(sql, params);
        },
        exec: async (sql) => {
          check();
          await this.#connection.call<void>({ op: "exec", sql });
        },
        copyFrom: async (sql, data) => {
          check();
          return this.#connection.call<number>({ op: "copyFrom", sql, data });
        },
      };
      try {
        return await fn(session);
      } catch (error) {
        // As PGlite's own driver: the connection outlives the session.
        await this.#connection
          .call({ op: "exec", sql: "ROLLBACK; SELECT pg_advisory_unlock_all()" })
          .catch(() => {});
        throw error;
      } finally {
        live = false;
      }
    });
  }

  /** Empties the database (as the process does between clients). */
  reset(): Promise<void> {
    return this.#turn(() => this.#connection.call<void>({ op: "reset" }));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#unlisten();
    await this.#mutex.run(async () => this.#connection.end());
  }

  #query<R extends object>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
    return this.#connection.call<QueryResult<R>>({
      op: "query",
      sql,
      params: params === undefined ? [] : [...params],
    });
  }

  #turn<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#closed) {
      return Promise.reject(
        new PitstopError("DRIVER_CLOSED", `the driver for ${this.target} is closed`),
      );
    }
    return this.#mutex.run(fn);
  }
}

/** `reset()` of a driver from `connectRemoteDriver`. */
export function resetRemote(driver: Driver): Promise<void> {
  if (!(driver instanceof RemoteDriver)) throw new TypeError("not a warm scratch driver");
  return driver.reset();
}
