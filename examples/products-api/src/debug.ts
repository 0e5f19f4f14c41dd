import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { Session } from "node:inspector/promises";
import type { Registry } from "prom-client";

export interface Readiness {
  ok: boolean;
  checks: Record<string, string>;
}

export interface DebugOptions {
  registry: Registry;
  ready(): Promise<Readiness>;
  log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

const MAX_PROFILE_SECONDS = 60;

/**
 * The operator's port, kept off the public one: probes, metrics and
 * profiles. Bound to 127.0.0.1 by default because a heap snapshot holds
 * every secret the process has in memory.
 */
export function createDebugServer(options: DebugOptions): Server {
  let profiling = false;
  const handlers: Record<
    string,
    (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>
  > = {
    "/healthz": async (_req, res) => send(res, 200, "text/plain", "ok\n"),
    "/readyz": async (_req, res) => {
      const r = await options.ready();
      send(res, r.ok ? 200 : 503, "application/json", `${JSON.stringify(r)}\n`);
    },
    "/metrics": async (_req, res) =>
      send(res, 200, options.registry.contentType, await options.registry.metrics()),
    "/debug/profile": async (_req, res, url) => {
      const seconds = Number(url.searchParams.get("seconds") ?? "10");
      if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_PROFILE_SECONDS) {
        return send(res, 400, "text/plain", `seconds must be in (0, ${MAX_PROFILE_SECONDS}]\n`);
      }
      if (profiling)
        return send(res, 409, "text/plain", "a profile is being taken: try again after it\n");
      profiling = true;
      try {
        const profile = await cpuProfile(seconds * 1000);
        options.log.info({ seconds }, "CPU profile taken");
        res.setHeader(
          "content-disposition",
          `attachment; filename="products-api-${Date.now()}.cpuprofile"`,
        );
        send(res, 200, "application/json", JSON.stringify(profile));
      } finally {
        profiling = false;
      }
    },
    "/debug/heap": async (_req, res) => {
      res.writeHead(200, {
        "content-type": "application/json",
        "content-disposition": `attachment; filename="products-api-${Date.now()}.heapsnapshot"`,
      });
      const session = new Session();
      session.connect();
      // Chunks go straight to the client: a snapshot can be larger than we want to hold twice.
      session.on("HeapProfiler.addHeapSnapshotChunk", (m) => res.write(m.params.chunk));
      try {
        await session.post("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
      } finally {
        session.disconnect();
      }
      res.end();
      options.log.info({}, "heap snapshot taken");
    },
  };
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://debug");
    const handler = req.method === "GET" ? handlers[url.pathname] : undefined;
    if (!handler) return send(res, 404, "text/plain", "not found\n");
    handler(req, res, url).catch((error: unknown) => {
      options.log.error({ err: error, path: url.pathname }, "debug endpoint failed");
      if (!res.headersSent) send(res, 500, "text/plain", "failed\n");
      else res.destroy();
    });
  });
}

async function cpuProfile(ms: number): Promise<unknown> {
  const session = new Session();
  session.connect();
  try {
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
    await new Promise((resolve) => setTimeout(resolve, ms));
    const { profile } = await session.post("Profiler.stop");
    return profile;
  } finally {
    session.disconnect();
  }
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}
