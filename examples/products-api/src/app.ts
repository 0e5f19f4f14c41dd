import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import swagger from "@fastify/swagger";
import { Ajv } from "ajv";
import formats from "ajv-formats";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
} from "fastify";
import type { Db } from "./db.js";
import type { Metrics } from "./metrics.js";
import { HttpProblem, sendProblem, toProblem } from "./problem.js";
import { type ProductInput, ProductRepository, type Sort } from "./repository.js";
import * as S from "./schemas.js";

export interface AppOptions {
  db: Db;
  /** The process's pino logger; none when left out (tests). */
  logger?: FastifyBaseLogger;
  metrics?: Metrics;
  /** HTTPS key and certificate (PEM); HTTP without. */
  https?: { key: Buffer; cert: Buffer };
  /** Where index.html and app.js are (default: `public/` beside the built or source file). */
  publicDir?: string;
}

/** Bodies are small JSON documents; anything larger is refused before it is read whole. */
export const BODY_LIMIT = 16 * 1024;
const REQUEST_ID = /^[\w.:-]{1,64}$/;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: BODY_LIMIT,
    // Behind a proxy that sets one, keep its request id (if it looks like one) so logs line up.
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    },
    ...(options.https ? { https: options.https } : {}),
    forceCloseConnections: "idle",
    return503OnClosing: true,
  } as FastifyServerOptions);

  // Bodies are checked strictly (a price sent as "12" is an error); the query string is text, so
  // its numbers are coerced. Unknown fields are refused, not silently dropped.
  const strict = formats.default(
    new Ajv({ allErrors: true, coerceTypes: false, useDefaults: true }),
  );
  const coercing = formats.default(
    new Ajv({ allErrors: true, coerceTypes: true, useDefaults: true }),
  );
  strict.addSchema(S.product);
  coercing.addSchema(S.product);
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === "body" ? strict : coercing).compile(schema),
  );

  app.addSchema(S.product);
  app.addSchema(S.problem);
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "products-api",
        version: "1.0.0",
        description:
          "Products. Writes need `X-User-Id`, set by the trusted front proxy once it has authenticated the caller.",
      },
    },
    refResolver: { buildLocalReference: (json) => String(json.$id) },
  });

  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  // While shutting down, a response in flight also closes its keep-alive connection: otherwise
  // the server would wait for the client to hang up before it could finish closing.
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  app.addHook("onSend", async (_request, reply) => {
    if (closing) reply.header("connection", "close");
  });
  if (options.metrics) {
    const metrics = options.metrics;
    app.addHook("onResponse", async (request, reply) => {
      // The route template, never the raw URL: `/v1/products/:id`, not one series per product.
      const route = request.routeOptions.url ?? "unmatched";
      metrics.observe(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    });
  }
  app.setErrorHandler((error, request, reply) =>
    sendProblem(reply, request, toProblem(error, request)),
  );
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      request,
      new HttpProblem(404, "Not found", `no route ${request.method} ${request.url.split("?")[0]}`),
    ),
  );

  const repo = new ProductRepository(options.db);
  const problems = { "4xx": { $ref: "Problem#" } };
  const writer = async (request: { headers: Record<string, unknown> }) => {
    const user = request.headers["x-user-id"];
    if (typeof user !== "string" || user.trim() === "" || user.length > 200) {
      throw new HttpProblem(
        401,
        "Unauthorized",
        "writes need the X-User-Id header set by the front proxy",
        [{ field: "x-user-id", in: "header", message: "is required" }],
      );
    }
  };
  const missing = (id: string) => new HttpProblem(404, "Not found", `no product ${id}`);

  app.get<{ Querystring: { limit: number; cursor?: string; tag?: string; sort: Sort } }>(
    "/v1/products",
    {
      schema: {
        summary: "List products",
        querystring: S.listQuery,
        response: { 200: S.page, ...problems },
      },
    },
    async (request) => {
      const page = await repo.list(request.query);
      return { items: page.items, next_cursor: page.nextCursor };
    },
  );
  app.get<{ Params: { id: string } }>(
    "/v1/products/:id",
    {
      schema: {
        summary: "One product",
        params: S.idParams,
        response: { 200: { $ref: "Product#" }, ...problems },
      },
    },
    async (request) =>
      (await repo.get(request.params.id)) ?? Promise.reject(missing(request.params.id)),
  );
  app.post<{ Body: ProductInput }>(
    "/v1/products",
    {
      preHandler: writer,
      schema: {
        summary: "Add a product",
        headers: S.userHeader,
        body: S.productInput,
        response: { 201: { $ref: "Product#" }, ...problems },
      },
    },
    async (request, reply) => {
      const created = await repo.create(request.body);
      return reply.code(201).header("location", `/v1/products/${created.id}`).send(created);
    },
  );
  app.put<{ Params: { id: string }; Body: ProductInput }>(
    "/v1/products/:id",
    {
      preHandler: writer,
      schema: {
        summary: "Replace a product",
        headers: S.userHeader,
        params: S.idParams,
        body: S.productInput,
        response: { 200: { $ref: "Product#" }, ...problems },
      },
    },
    async (request) =>
      (await repo.replace(request.params.id, request.body)) ??
      Promise.reject(missing(request.params.id)),
  );
  app.patch<{ Params: { id: string }; Body: Partial<ProductInput> }>(
    "/v1/products/:id",
    {
      preHandler: writer,
      schema: {
        summary: "Change some fields of a product",
        headers: S.userHeader,
        params: S.idParams,
        body: S.productPatch,
        response: { 200: { $ref: "Product#" }, ...problems },
      },
    },
    async (request) =>
      (await repo.update(request.params.id, request.body)) ??
      Promise.reject(missing(request.params.id)),
  );
  app.delete<{ Params: { id: string } }>(
    "/v1/products/:id",
    {
      preHandler: writer,
      schema: {
        summary: "Remove a product",
        headers: S.userHeader,
        params: S.idParams,
        response: { 204: { type: "null" }, ...problems },
      },
    },
    async (request, reply) => {
      if (!(await repo.remove(request.params.id))) throw missing(request.params.id);
      return reply.code(204).send();
    },
  );

  app.get("/v1/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  const assets = publicFiles(options.publicDir);
  const page =
    (name: Asset, type: string) => async (_: unknown, reply: import("fastify").FastifyReply) =>
      reply
        .type(type)
        .header("content-security-policy", "default-src 'self'; object-src 'none'; base-uri 'none'")
        .header("x-content-type-options", "nosniff")
        .send(assets[name]);
  app.get("/", { schema: { hide: true } }, page("index.html", "text/html; charset=utf-8"));
  app.get("/app.js", { schema: { hide: true } }, page("app.js", "text/javascript; charset=utf-8"));
  app.get("/style.css", { schema: { hide: true } }, page("style.css", "text/css; charset=utf-8"));
  app.get("/favicon.ico", { schema: { hide: true } }, async (_, reply) => reply.code(204).send());
  return app;
}

type Asset = "index.html" | "app.js" | "style.css";

function publicFiles(dir: string | undefined): Record<Asset, string> {
  const candidates = dir
    ? [dir]
    : [new URL("./public/", import.meta.url), new URL("../public/", import.meta.url)].map((u) =>
        fileURLToPath(u),
      );
  const found = candidates.find((d) => existsSync(`${d}/index.html`));
  if (found === undefined) throw new Error(`no index.html in ${candidates.join(" or ")}`);
  return {
    "index.html": readFileSync(`${found}/index.html`, "utf8"),
    "app.js": readFileSync(`${found}/app.js`, "utf8"),
    "style.css": readFileSync(`${found}/style.css`, "utf8"),
  };
}
