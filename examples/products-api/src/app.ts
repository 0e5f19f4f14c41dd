import { randomUUID } from "node:crypto";
import swagger from "@fastify/swagger";
import { Ajv } from "ajv";
import formats from "ajv-formats";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
  LogController,
} from "fastify";
import type { Db } from "./db.js";
import { allowedMethods } from "./methods.js";
import type { Metrics } from "./metrics.js";
import { nulFields } from "./nul-bytes.js";
import { registerPage } from "./page.js";
import { HttpProblem, sendProblem, toProblem } from "./problem.js";
import { ProductRepository } from "./repository.js";
import { registerProductRoutes } from "./routes.js";
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
    // One line per request (below), not Fastify's two ("incoming request", "request completed").
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
  } as FastifyServerOptions);

  // Bodies are checked strictly (a price sent as "12" is an error); the query string is text, so
  // its numbers are coerced. Unknown fields are refused, not silently dropped.
  const ajv = (coerceTypes: boolean) =>
    formats.default(new Ajv({ allErrors: true, coerceTypes, useDefaults: true }));
  const strict = ajv(false);
  const coercing = ajv(true);
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
        license: { name: "MIT", identifier: "MIT" },
      },
      // Replaced by the address the client used when the document is served.
      servers: [{ url: "http://127.0.0.1:3000", description: "The default local address." }],
      components: {
        securitySchemes: {
          userId: {
            type: "apiKey",
            in: "header",
            name: "X-User-Id",
            description:
              "The caller's id, set by the trusted front proxy after it authenticated the caller. Trusted only behind that proxy.",
          },
        },
      },
    },
    refResolver: { buildLocalReference: (json) => String(json.$id) },
  });

  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  app.addHook("onResponse", async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      "request",
    );
  });
  // Only JSON bodies (text/plain is a 415, not a string that fails validation); a DELETE may
  // say application/json and send nothing.
  const json = app.getDefaultJsonParser("error", "error");
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    if (body === "" && request.method === "DELETE") return done(null, undefined);
    return json(request, body as string, done);
  });
  // PostgreSQL's text cannot hold a NUL character: a 400 naming the field, before the database.
  app.addHook("preValidation", async (request) => {
    const errors = [
      ...nulFields(request.body).map((field) => ({ field, in: "body" as const })),
      ...nulFields(request.query)
        .map((field) => ({ field: field.slice(1), in: "query" as const }))
        .filter((e) => e.field !== ""),
    ].map((e) => ({ ...e, message: "must not contain a NUL character (\\u0000)" }));
    if (errors.length > 0) {
      const detail = errors.map((e) => `${e.field} ${e.message}`).join("; ");
      throw new HttpProblem(400, "Invalid request", detail, errors);
    }
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
  // A path that exists with another method is a 405 naming the methods it has.
  const allowed = allowedMethods(app);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0]!;
    const methods = allowed(path);
    return sendProblem(
      reply,
      request,
      methods.length > 0
        ? new HttpProblem(
            405,
            "Method not allowed",
            `${path} answers ${methods.join(", ")}, not ${request.method}`,
            undefined,
            { allow: methods.join(", ") },
          )
        : new HttpProblem(404, "Not found", `no route ${request.method} ${path}`),
    );
  });

  registerProductRoutes(app, new ProductRepository(options.db));

  // The document names the server the client reached, so "try it" tools call the right one.
  app.get("/v1/openapi.json", { schema: { hide: true } }, async (request) => ({
    ...app.swagger(),
    servers: [{ url: `${request.protocol}://${request.host}` }],
  }));

  registerPage(app, options.publicDir);
  return app;
}
