import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { BadCursorError, ConflictError, StaleError } from "./repository.js";
import { isDatabaseUnavailable } from "./unavailable.js";

export interface FieldError {
  field: string;
  in: "body" | "query" | "path" | "header";
  message: string;
}

/** An error the client can act on, sent as `application/problem+json` (RFC 9457). */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly errors?: FieldError[],
    /** Response headers that go with it: Allow on a 405, Retry-After on a 503. */
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
  }
}

/** Seconds a client waits before retrying while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

const PLACES = { body: "body", querystring: "query", params: "path", headers: "header" } as const;

/** Maps anything a route or Fastify throws to a problem; unexpected errors say nothing of their cause. */
export function toProblem(error: unknown, request: FastifyRequest): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof ConflictError) return new HttpProblem(409, "Conflict", error.message);
  if (error instanceof StaleError) {
    return new HttpProblem(
      412,
      "Precondition failed",
      `${error.message}: read it again (its ETag changed) and retry`,
      [{ field: "if-match", in: "header", message: "does not match the current ETag" }],
    );
  }
  if (error instanceof BadCursorError) {
    return new HttpProblem(400, "Invalid request", error.message, [
      { field: "cursor", in: "query", message: error.message },
    ]);
  }
  const e = error as FastifyError;
  if (e.validation) {
    const where = PLACES[e.validationContext as keyof typeof PLACES] ?? "body";
    const errors = e.validation.map((v) => {
      const params = v.params as Record<string, unknown>;
      const extra = params.missingProperty ?? params.additionalProperty;
      let field = v.instancePath;
      if (typeof extra === "string") field = `${field}/${extra}`;
      if (where !== "body") field = field.replace(/^\//, "");
      const message =
        params.additionalProperty !== undefined
          ? "is not a known field"
          : v.keyword === "pattern" && params.pattern === "\\S"
            ? "must not be blank"
            : (v.message ?? "is invalid");
      return { field: field || "/", in: where, message };
    });
    const detail = errors.map((f) => `${f.field} ${f.message}`).join("; ");
    return new HttpProblem(400, "Invalid request", detail, errors);
  }
  switch (e.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new HttpProblem(400, "Malformed JSON", e.message, [
        { field: "/", in: "body", message: e.message },
      ]);
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new HttpProblem(413, "Body too large", e.message);
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new HttpProblem(415, "Unsupported media type", "send application/json");
  }
  if (typeof e.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 500) {
    return new HttpProblem(e.statusCode, "Bad request", e.message);
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, "database unreachable");
    return new HttpProblem(
      503,
      "Service unavailable",
      "the database cannot be reached just now; retry later",
      undefined,
      { "retry-after": String(RETRY_AFTER_SECONDS) },
    );
  }
  request.log.error({ err: error }, "request failed");
  return new HttpProblem(500, "Internal error", `the request failed; request id ${request.id}`);
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, p: HttpProblem) {
  if (p.headers) reply.headers(p.headers);
  return reply
    .code(p.status)
    .type("application/problem+json")
    .send({
      type: "about:blank",
      title: p.title,
      status: p.status,
      detail: p.message,
      instance: request.url,
      ...(p.errors ? { errors: p.errors } : {}),
    });
}
