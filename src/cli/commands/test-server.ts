import { formatTimestamp, type Output } from "../output.js";
import type { Settings } from "../settings.js";

export interface TestServerOptions {
  state?: string;
  port?: number;
}

/** `test-server start`: a throwaway cluster that outlives the command; prints its URL on stdout. */
export async function runTestServerStart(
  _settings: Settings,
  out: Output,
  o: TestServerOptions,
): Promise<number> {
  const { startTestServer, DEFAULT_TEST_SERVER_STATE } = await import(
    "../../testing/test-server.js"
  );
  const stateFile = o.state ?? DEFAULT_TEST_SERVER_STATE;
  const { state, started } = await startTestServer({
    stateFile,
    ...(o.port === undefined ? {} : { port: o.port }),
  });
  if (out.json) {
    out.data({ ok: true, started, ...state });
    return 0;
  }
  process.stdout.write(`${state.url}\n`);
  out.notice(
    started
      ? `Started PostgreSQL ${state.version} (data in ${state.dataDir}). Tests pick it up from ${stateFile}; \`pitstop test-server stop\` deletes it.`
      : `Already running since ${formatTimestamp(new Date(state.startedAt))} (${stateFile}).`,
  );
  return 0;
}

/** `test-server stop`: stops the cluster and deletes its files. */
export async function runTestServerStop(
  _settings: Settings,
  out: Output,
  o: TestServerOptions,
): Promise<number> {
  const { stopTestServer, DEFAULT_TEST_SERVER_STATE } = await import(
    "../../testing/test-server.js"
  );
  const stopped = await stopTestServer({ stateFile: o.state ?? DEFAULT_TEST_SERVER_STATE });
  if (out.json) out.data({ ok: true, stopped });
  else
    out.line(
      stopped ? "Stopped the test server and deleted its files." : "No test server was running.",
    );
  return 0;
}

/** `test-server status`: the URL of the running server, exit 1 when there is none. */
export async function runTestServerStatus(
  _settings: Settings,
  out: Output,
  o: TestServerOptions,
): Promise<number> {
  const { runningTestServer } = await import("../../testing/test-server.js");
  const state = runningTestServer(o.state);
  if (out.json) out.data({ ok: true, running: state !== undefined, ...state });
  else if (state) process.stdout.write(`${state.url}\n`);
  else out.notice("No test server is running (start one with `pitstop test-server start`).");
  return state ? 0 : 1;
}
