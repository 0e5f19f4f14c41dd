/**
 * The warm scratch: a `pitstop scratch serve` process keeps PGlite started
 * for the declarative commands. Its plans and errors are the in-process
 * ones byte for byte; it serves one command at a time; a command whose
 * process dies mid-way does the work again in-process; it starts on demand,
 * stops on `scratch stop` and exits when idle, leaving no process behind.
 */
import { type ChildProcess, spawn } from "node:child_process";
import {
  appendFileSync,
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { warmScratchUse } from "../src/cli/commands/declarative-options.js";
import { UsageError } from "../src/core/errors.js";
import { warmScratchFolder, warmScratchPaths } from "../src/declarative/warm-scratch/paths.js";
import { askRemote } from "../src/driver/remote.js";
import { CLI, cleanEnv, runCli } from "./helpers/cli.js";

const BASE = `CREATE EXTENSION pg_trgm;
CREATE TYPE state AS ENUM ('new', 'paid');
CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE);
CREATE TABLE orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers (id),
  state state NOT NULL DEFAULT 'new',
  note text
);
CREATE INDEX orders_note_trgm ON orders USING gin (note gin_trgm_ops);
CREATE VIEW open_orders AS SELECT id, customer_id FROM orders WHERE state = 'new';
GRANT SELECT ON open_orders TO reporting;
`;
const CHANGES = `ALTER TABLE orders ADD COLUMN paid_at timestamptz;
CREATE INDEX orders_customer ON orders (customer_id);
ALTER TABLE customers ADD CONSTRAINT email_lower CHECK (email = lower(email));
`;

const ON = { PITSTOP_WARM_SCRATCH: "on", PITSTOP_WARM_SCRATCH_IDLE: "2m" };
const OFF = { PITSTOP_WARM_SCRATCH: "off" };

/** A project: one migration, and a schema.sql with a few changes on top. */
function project(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `pitstop-warm-${name}-`));
  mkdirSync(path.join(dir, "migrations"));
  writeFileSync(path.join(dir, "migrations/000001_init.sql"), `-- +up\n${BASE}`);
  writeFileSync(path.join(dir, "schema.sql"), BASE + CHANGES);
  const template = inject("pgliteTemplate");
  cpSync(template, path.join(dir, ".pitstop/cache", path.basename(template)), { recursive: true });
  return dir;
}

/** Forget the models kept by earlier runs: both sides are loaded again. */
function forgetModels(dir: string): void {
  const cache = path.join(dir, ".pitstop/cache");
  for (const e of readdirSync(cache))
    if (e.startsWith("models-")) rmSync(path.join(cache, e), { recursive: true });
}

const diff = (dir: string, env: Record<string, string>, ...more: string[]) =>
  runCli(["diff", "x", "--dry-run", ...more], { cwd: dir, env });

interface Status {
  running: { pid: number; served: number; busy: boolean; socket: string; modelsKept: number }[];
}
async function status(dir: string): Promise<Status> {
  const r = await runCli(["--json", "scratch", "status"], { cwd: dir, env: ON });
  return JSON.parse(r.stdout) as Status;
}

/** Polls `check` every 100 ms until it returns a value (generous: the machine may be busy). */
async function until<T>(
  check: () => Promise<T | undefined>,
  what: string,
  ms = 120_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `scratch serve` in the foreground, resolved once it listens. */
async function serve(
  dir: string,
  ...args: string[]
): Promise<{ child: ChildProcess; log: () => string }> {
  const child = spawn(process.execPath, [CLI, "scratch", "serve", ...args], {
    cwd: dir,
    env: { ...cleanEnv(), ...ON },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  child.stderr!.on("data", (d) => (log += d));
  await until(async () => (log.includes("listening on") ? true : undefined), "scratch serve");
  return { child, log: () => log };
}

const stray: ChildProcess[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await runCli(["scratch", "stop"], { cwd: dir, env: ON });
  for (const child of stray) if (child.exitCode === null) child.kill("SIGKILL");
});

describe("warm scratch", () => {
  let warm: string;
  let local: string;
  let server: { child: ChildProcess; log: () => string };
  beforeAll(async () => {
    warm = project("served");
    local = project("local");
    dirs.push(warm, local);
    server = await serve(warm, "--idle", "5m");
    stray.push(server.child);
  });

  it("gives the in-process plan, with both sides loaded and with only schema.sql loaded", async () => {
    const expected = await diff(local, OFF);
    expect(expected.code).toBe(0);
    expect(expected.stdout).toMatch(/CREATE INDEX CONCURRENTLY/);
    const before = (await status(warm)).running[0]!.served;
    const got = await diff(warm, ON);
    expect(got.stderr).toContain("warm scratch");
    expect(got.stdout).toBe(expected.stdout);

    // Edited: the migrations' model is kept, only schema.sql goes to the process.
    appendFileSync(
      path.join(local, "schema.sql"),
      "ALTER TABLE orders ADD COLUMN shipped boolean;\n",
    );
    appendFileSync(
      path.join(warm, "schema.sql"),
      "ALTER TABLE orders ADD COLUMN shipped boolean;\n",
    );
    const expected2 = await diff(local, OFF);
    const got2 = await diff(warm, ON);
    expect(got2.code).toBe(0);
    expect(got2.stdout).toBe(expected2.stdout);
    expect(got2.stdout).toContain("shipped");
    // The second one may find schema.sql's model loaded ahead (the process watches it).
    expect((await status(warm)).running[0]!.served).toBeGreaterThanOrEqual(before + 1);
  });

  it("loads schema.sql again when it changes, so the next diff needs no scratch", async () => {
    writeFileSync(path.join(local, "schema.sql"), BASE + CHANGES);
    writeFileSync(path.join(warm, "schema.sql"), BASE + CHANGES);
    forgetModels(warm);
    // A run on the process registers schema.sql (and keeps both models).
    expect((await diff(warm, ON)).code).toBe(0);
    const before = (await status(warm)).running[0]!;
    const edit = "ALTER TABLE customers ADD COLUMN nickname text;\n";
    appendFileSync(path.join(local, "schema.sql"), edit);
    appendFileSync(path.join(warm, "schema.sql"), edit);
    await until(
      async () =>
        (await status(warm)).running[0]!.modelsKept > before.modelsKept ? true : undefined,
      "the changed schema's model",
    );
    const expected = await diff(local, OFF);
    const got = await diff(warm, ON);
    expect(got.stdout).toContain("nickname");
    expect(got.stdout).toBe(expected.stdout);
    // Both models were kept: the command did not use the process at all.
    expect((await status(warm)).running[0]!.served).toBe(before.served);
  });

  it("names the same file:line:col for an error in schema.sql", async () => {
    const bad = `${BASE}CREATE INDEX ON orders (no_such_column);\n`;
    writeFileSync(path.join(local, "schema.sql"), bad);
    writeFileSync(path.join(warm, "schema.sql"), bad);
    const expected = await diff(local, OFF);
    const got = await diff(warm, ON);
    expect(expected.code).not.toBe(0);
    expect(got.code).toBe(expected.code);
    const errors = (s: string) =>
      s
        .split("\n")
        .filter((l) => !/^(Replaying|Loading)/.test(l))
        .join("\n");
    expect(errors(got.stderr)).toBe(errors(expected.stderr));
    expect(got.stderr).toContain("schema.sql:13:1:");
    // The process emptied its database after the failed command: the next one is right.
    writeFileSync(path.join(warm, "schema.sql"), BASE + CHANGES);
    writeFileSync(path.join(local, "schema.sql"), BASE + CHANGES);
    forgetModels(warm);
    expect((await diff(warm, ON)).stdout).toBe((await diff(local, OFF)).stdout);
  });

  it("serves two commands at once, one after the other", async () => {
    forgetModels(local);
    const expected = await diff(local, OFF);
    // Same project twice (the same cache dir, so the same process), models forgotten.
    forgetModels(warm);
    const [a, b] = await Promise.all([diff(warm, ON), diff(warm, ON)]);
    expect(a.stdout).toBe(expected.stdout);
    expect(b.stdout).toBe(expected.stdout);
  });

  it("does the work again in-process when the process dies mid-way", async () => {
    // A statement that keeps the process busy long enough to be killed in it.
    // In a file no command has used yet: the process does not watch it.
    const slow = `${BASE + CHANGES}DO $$ BEGIN PERFORM pg_sleep(8); END $$;\n`;
    writeFileSync(path.join(local, "slow.sql"), slow);
    writeFileSync(path.join(warm, "slow.sql"), slow);
    forgetModels(local);
    forgetModels(warm);
    const expected = await diff(local, OFF, "-f", "slow.sql");
    const { pid, socket } = (await status(warm)).running[0]!;
    const running = diff(warm, ON, "-f", "slow.sql");
    // Busy in PGlite (unanswered for three polls in a row): in the sleep, not merely slow.
    let silent = 0;
    await until(async () => {
      silent = (await askRemote(socket, "status", 700)) === undefined ? silent + 1 : 0;
      return silent >= 3 ? true : undefined;
    }, "the process to be busy");
    process.kill(pid, "SIGKILL");
    const got = await running;
    expect(got.code).toBe(0);
    expect(got.stderr).toMatch(/warm scratch process went away.*in-process/);
    expect(got.stdout).toBe(expected.stdout);
    await until(
      async () => (server.child.exitCode !== null || server.child.signalCode ? true : undefined),
      "exit",
    );
  });

  it("is killed when a command is interrupted while it runs a statement that never ends", async () => {
    const dir = project("endless");
    dirs.push(dir);
    writeFileSync(
      path.join(dir, "schema.sql"),
      `${BASE}DO $$ BEGIN LOOP PERFORM 1; END LOOP; END $$;\n`,
    );
    const { child } = await serve(dir, "--idle", "5m");
    stray.push(child);
    const { pid, socket } = (await status(dir)).running[0]!;
    const command = spawn(process.execPath, [CLI, "diff", "x", "--dry-run"], {
      cwd: dir,
      env: { ...cleanEnv(), ...ON },
      stdio: "ignore",
    });
    stray.push(command);
    // Unanswered for three polls in a row: inside the endless statement, not merely slow.
    let silent = 0;
    await until(async () => {
      silent = (await askRemote(socket, "status", 700)) === undefined ? silent + 1 : 0;
      return silent >= 3 ? true : undefined;
    }, "the process to be busy");
    command.kill("SIGINT");
    await until(
      async () => (command.exitCode !== null || command.signalCode ? true : undefined),
      "the command to end",
    );
    await until(async () => (alive(pid) ? undefined : true), "the process to be killed");
  });

  it("is started by a command when none runs, and `scratch stop` ends it", async () => {
    const dir = project("spawned");
    dirs.push(dir);
    expect((await runCli(["scratch", "status"], { cwd: dir, env: ON })).code).toBe(1);
    expect((await diff(dir, ON)).code).toBe(0);
    const { pid } = await until(async () => (await status(dir)).running[0], "the process to start");
    expect(alive(pid)).toBe(true);
    const stop = await runCli(["scratch", "stop"], { cwd: dir, env: ON });
    expect(stop.stdout).toContain("Stopped 1");
    await until(async () => (alive(pid) ? undefined : true), "the process to exit");
    expect((await runCli(["scratch", "status"], { cwd: dir, env: ON })).code).toBe(1);
  });

  it("is not started when it is off (PITSTOP_WARM_SCRATCH=off, or CI without on)", async () => {
    const dir = project("off");
    dirs.push(dir);
    expect((await diff(dir, OFF)).code).toBe(0);
    expect((await diff(dir, { CI: "true" })).code).toBe(0);
    // Nothing was started: no lock, socket or info file for this project. A
    // started process takes its lock within a second or two of the command's exit.
    await new Promise((r) => setTimeout(r, 3000));
    const key = warmScratchPaths(path.join(dir, ".pitstop/cache"), "any")!.project;
    expect(readdirSync(warmScratchFolder()!).filter((f) => f.startsWith(`${key}-`))).toEqual([]);
    expect((await status(dir)).running).toEqual([]);
  });

  it("exits by itself after its idle time", async () => {
    const dir = project("idle");
    dirs.push(dir);
    const { child, log } = await serve(dir, "--idle", "1s");
    stray.push(child);
    const code = await new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) resolve(child.exitCode);
      else child.once("exit", (c) => resolve(c));
    });
    expect(code).toBe(0);
    expect(log()).toContain("stopped (idle)");
  });
});

describe("warm scratch settings", () => {
  it("is on by default, off in CI unless asked, and refuses a value it cannot read", () => {
    expect(warmScratchUse({})).toHaveProperty("warm");
    expect(warmScratchUse({ CI: "true" })).toEqual({});
    expect(warmScratchUse({ CI: "true", PITSTOP_WARM_SCRATCH: "on" })).toHaveProperty("warm");
    expect(warmScratchUse({ PITSTOP_WARM_SCRATCH: "off" })).toEqual({});
    expect(() => warmScratchUse({ PITSTOP_WARM_SCRATCH: "maybe" })).toThrow(UsageError);
    expect(() => warmScratchUse({ PITSTOP_WARM_SCRATCH: "maybe" })).toThrow(/PITSTOP_WARM_SCRATCH/);
    expect(() => warmScratchUse({ PITSTOP_WARM_SCRATCH_IDLE: "soon" })).toThrow(
      /PITSTOP_WARM_SCRATCH_IDLE/,
    );
  });

  it("uses no socket folder that others can open", () => {
    const tmp = mkdtempSync(path.join(tmpdir(), "pitstop-warm-perm-"));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const folder = warmScratchFolder();
      expect(folder).toBe(path.join(tmp, `pitstop-${process.getuid!()}`));
      chmodSync(folder!, 0o755);
      expect(warmScratchFolder()).toBeUndefined();
      chmodSync(folder!, 0o700);
      expect(warmScratchFolder()).toBe(folder);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    expect(existsSync(tmp)).toBe(true);
  });
});
