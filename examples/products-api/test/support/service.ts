import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { ROOT } from "./databases.js";

export const SERVER = `${ROOT}dist/server.mjs`;

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface Service {
  readonly child: ChildProcess;
  /** JSON log lines so far. */
  readonly logs: LogLine[];
  /** Everything written to stdout and stderr, for asserting what never appears. */
  output(): string;
  /** Resolves with the `serving` line (url, debug), rejects if the process exits first. */
  readonly ready: Promise<{ url: string; debug: string }>;
  readonly exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts the built service (`npm run build` first) on free ports. */
export function startService(args: string[], env: Record<string, string> = {}): Service {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build`);
  const child = spawn(
    process.execPath,
    [SERVER, "--addr", "127.0.0.1:0", "--debug-addr", "127.0.0.1:0", ...args],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "info", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const logs: LogLine[] = [];
  let text = "";
  let resolveReady: (v: { url: string; debug: string }) => void;
  let rejectReady: (e: Error) => void;
  const ready = new Promise<{ url: string; debug: string }>((res, rej) => {
    resolveReady = res;
    rejectReady = rej;
  });
  ready.catch(() => {});
  let pending = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    text += chunk.toString();
    pending += chunk.toString();
    const lines = pending.split("\n");
    pending = lines.pop()!;
    for (const line of lines) {
      if (line.trim() === "") continue;
      const parsed = JSON.parse(line) as LogLine;
      logs.push(parsed);
      if (parsed.msg.startsWith("serving ")) {
        resolveReady({ url: parsed.url as string, debug: parsed.debug as string });
      }
    }
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => {
    child.on("exit", (code) => {
      rejectReady(new Error(`the service exited with ${code} before serving:\n${text}`));
      resolve(code);
    });
  });
  return {
    child,
    logs,
    output: () => text,
    ready,
    exited,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** An empty database on the run's server, and its URL. */
export async function emptyDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: inject("pgUrl") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(inject("pgUrl"));
  url.pathname = `/${name}`;
  return url.toString();
}

/** The rows of one query on a database of the run's server, over a connection of its own. */
export async function queryRows<R>(url: string, sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as R[];
  } finally {
    await client.end();
  }
}
