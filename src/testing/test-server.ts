import fs from "node:fs";
import path from "node:path";
import { startPostgres, stopPostgres } from "./pg-server.js";

/** Where `pitstop test-server start` keeps what `stop` needs. */
export const DEFAULT_TEST_SERVER_STATE = ".pitstop/test-server.json";

/** What the state file holds. */
export interface TestServerState {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  readonly bindir: string;
  readonly version: string;
  readonly startedAt: string;
}

/**
 * Starts a throwaway PostgreSQL cluster that outlives this process (for a
 * test session), or returns the one already running for this state file.
 *
 * @example
 * const { state, started } = await startTestServer();
 * console.log(state.url); // postgres://postgres@127.0.0.1:PORT/postgres
 */
export async function startTestServer(
  options: { stateFile?: string; port?: number } = {},
): Promise<{ state: TestServerState; started: boolean }> {
  const stateFile = options.stateFile ?? DEFAULT_TEST_SERVER_STATE;
  const running = runningTestServer(stateFile);
  if (running) return { state: running, started: false };
  const server = await startPostgres({
    keepOnExit: true,
    ...(options.port === undefined ? {} : { port: options.port }),
  });
  const state: TestServerState = {
    url: server.url,
    port: server.port,
    dataDir: server.dataDir,
    bindir: server.bindir,
    version: server.version,
    startedAt: new Date().toISOString(),
  };
  fs.mkdirSync(path.dirname(stateFile), { recursive: true });
  fs.writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`);
  return { state, started: true };
}

/** Stops the server a state file names and deletes its files; false when none was running. */
export async function stopTestServer(options: { stateFile?: string } = {}): Promise<boolean> {
  const stateFile = options.stateFile ?? DEFAULT_TEST_SERVER_STATE;
  const state = readState(stateFile);
  if (state === undefined) return false;
  await stopPostgres(state);
  fs.rmSync(stateFile, { force: true });
  return true;
}

/** The server a state file names, when it is still running (its postmaster.pid exists). */
export function runningTestServer(
  stateFile = DEFAULT_TEST_SERVER_STATE,
): TestServerState | undefined {
  const state = readState(stateFile);
  if (state === undefined || !fs.existsSync(path.join(state.dataDir, "postmaster.pid")))
    return undefined;
  return state;
}

function readState(stateFile: string): TestServerState | undefined {
  try {
    return JSON.parse(fs.readFileSync(stateFile, "utf8")) as TestServerState;
  } catch {
    return undefined;
  }
}
