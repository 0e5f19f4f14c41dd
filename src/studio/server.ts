/**
 * `pitstop studio`'s web server: node:http on 127.0.0.1 only, the page's
 * three static files and the JSON API, every request checked for a loopback
 * Host header and the token. Nothing it answers writes to the database.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { PitstopError } from "../core/errors.js";
import type { StudioApi } from "./api.js";
import { checkToken, cookieName, loopbackHost, newToken } from "./auth.js";

/** The address studio binds: loopback, never a public interface. */
export const STUDIO_HOST = "127.0.0.1";
export const DEFAULT_STUDIO_PORT = 4800;

/** The page's files, by URL path. */
const ASSETS: Record<string, { file: string; type: string }> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/app.js": { file: "app.js", type: "text/javascript; charset=utf-8" },
  "/app.css": { file: "app.css", type: "text/css; charset=utf-8" },
};

const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cache-Control": "no-store",
};

export interface StudioServerOptions {
  /** The API, or its promise: the port is taken first, requests wait until the schema is read. */
  readonly api: StudioApi | Promise<StudioApi>;
  /** 0: any free port. */
  readonly port: number;
  /** Folder holding index.html, app.js and app.css (the build writes them to dist/studio). */
  readonly assetsDir: string;
  /** Default: 256 random bits. */
  readonly token?: string;
}

export interface StudioServer {
  readonly server: Server;
  readonly port: number;
  readonly token: string;
  /** `http://127.0.0.1:<port>/?token=<token>`: what the user opens. */
  readonly url: string;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/**
 * Serves the studio page and API until `close()`.
 *
 * @example
 * const studio = await startStudioServer({ api, port: 0, assetsDir: "dist/studio" });
 * console.log(studio.url);
 */
export async function startStudioServer(options: StudioServerOptions): Promise<StudioServer> {
  const assets = readAssets(options.assetsDir);
  const token = options.token ?? newToken();
  let port = options.port;
  const server = createServer((req, res) => {
    handle(req, res, { api: options.api, assets, token, port }).catch((error) =>
      send(res, 500, "application/json", JSON.stringify({ error: String(error) })),
    );
  });
  await listen(server, options.port);
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `http://${STUDIO_HOST}:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readAssets(dir: string): Map<string, Buffer> {
  const assets = new Map<string, Buffer>();
  for (const [route, { file }] of Object.entries(ASSETS)) {
    try {
      assets.set(route, readFileSync(path.join(dir, file)));
    } catch {
      throw new PitstopError("STUDIO_ASSETS", `the studio page is missing: no ${file} in ${dir}`, {
        hint: "The package's build writes it (npm run build); reinstall pg-pitstop if it is gone.",
      });
    }
  }
  return assets;
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE")
        reject(
          new PitstopError(
            "PORT_IN_USE",
            `--port ${port}: ${STUDIO_HOST}:${port} is already in use`,
            {
              hint: "Give another port with --port <n>, or --port 0 for any free one.",
              exitCode: 2,
            },
          ),
        );
      else if (error.code === "EACCES")
        reject(
          new PitstopError("PORT_DENIED", `--port ${port}: not allowed to listen on it`, {
            hint: "Ports below 1024 need privileges: use --port 4800, or --port 0 for any free one.",
            exitCode: 2,
          }),
        );
      else reject(error);
    });
    server.listen({ host: STUDIO_HOST, port, exclusive: true }, () => resolve());
  });
}

interface Context {
  readonly api: StudioApi | Promise<StudioApi>;
  readonly assets: Map<string, Buffer>;
  readonly token: string;
  readonly port: number;
}

async function handle(req: IncomingMessage, res: ServerResponse, ctx: Context): Promise<void> {
  if (!loopbackHost(req.headers.host, ctx.port)) {
    send(
      res,
      403,
      "text/plain; charset=utf-8",
      "Forbidden: studio answers only on 127.0.0.1 or localhost.\n",
    );
    return;
  }
  const url = new URL(req.url ?? "/", `http://${STUDIO_HOST}:${ctx.port}`);
  const how = checkToken(req, url, ctx.token, ctx.port);
  if (how === "missing" || how === "wrong") {
    const text =
      how === "missing"
        ? "Unauthorized: open the URL `pitstop studio` printed (it carries the token).\n"
        : "Unauthorized: wrong token. Open the URL `pitstop studio` printed.\n";
    if (url.pathname.startsWith("/api/"))
      send(res, 401, "application/json", JSON.stringify({ error: text.trim() }));
    else send(res, 401, "text/plain; charset=utf-8", text);
    return;
  }
  const method = req.method ?? "GET";
  if (url.pathname === "/api/reload") {
    // A state change (of the server, never the database): POST with the cookie or header, not a link.
    if (method !== "POST" || how === "query") {
      send(res, 405, "application/json", JSON.stringify({ error: "POST /api/reload" }), {
        Allow: "POST",
      });
      return;
    }
    const api = await ctx.api;
    await api.reload();
    send(res, 200, "application/json", JSON.stringify(api.overview()));
    return;
  }
  if (method !== "GET" && method !== "HEAD") {
    send(res, 405, "text/plain; charset=utf-8", "Method not allowed: studio only reads.\n", {
      Allow: "GET, HEAD",
    });
    return;
  }
  if (how === "query" && !url.pathname.startsWith("/api/")) {
    // Keep the token in an HttpOnly cookie and out of the address bar (and history).
    url.searchParams.delete("token");
    send(res, 302, "text/plain; charset=utf-8", "", {
      "Set-Cookie": `${cookieName(ctx.port)}=${ctx.token}; HttpOnly; SameSite=Strict; Path=/`,
      Location: `${url.pathname}${url.search}`,
    });
    return;
  }
  if (url.pathname === "/api/diagram.svg") {
    send(res, 200, "image/svg+xml; charset=utf-8", await (await ctx.api).svg(url.searchParams));
    return;
  }
  if (url.pathname.startsWith("/api/")) {
    const { status, body } = await (await ctx.api).get(url.pathname, url.searchParams);
    send(res, status, "application/json", JSON.stringify(body));
    return;
  }
  if (url.pathname === "/favicon.ico") {
    send(res, 204, "image/x-icon", "");
    return;
  }
  const asset = ctx.assets.get(url.pathname);
  if (!asset) {
    send(res, 404, "text/plain; charset=utf-8", "Not found.\n");
    return;
  }
  send(res, 200, ASSETS[url.pathname]!.type, asset);
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    "Content-Type": type,
    "Content-Length": Buffer.byteLength(body),
    ...headers,
  });
  res.end(res.req.method === "HEAD" ? undefined : body);
}
