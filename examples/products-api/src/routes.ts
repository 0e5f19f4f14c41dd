import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from "fastify";
import { etag, expectedVersions, noneMatch } from "./conditional.js";
import { HttpProblem } from "./problem.js";
import type { Product, ProductInput, ProductRepository, Sort } from "./repository.js";
import * as S from "./schemas.js";

const problems = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "Problem#" } } },
});
/** A route's responses: its success, and problem+json for every error. */
const responds = (status: number, description: string, body?: object, headers?: object) => ({
  [status]: {
    description,
    ...(headers ? { headers } : {}),
    ...(body ? { content: { "application/json": { schema: body } } } : { type: "null" }),
  },
  "4xx": problems("The client's mistake; `errors` names the fields."),
  "5xx": problems("The service's fault, or its database is unreachable (503, with Retry-After)."),
});
const versioned = { etag: { type: "string", description: "The product's version, for If-Match." } };
const product = { $ref: "Product#" };

/**
 * A write: X-User-Id checked as the request arrives (401 before the body is read or validated).
 * In the OpenAPI document the header is both a required parameter and the `userId` scheme.
 */
const write = (schema: FastifySchema & Record<string, unknown>, conditional: boolean) => ({
  onRequest: async (request: FastifyRequest) => {
    writerId(request);
  },
  schema: {
    ...schema,
    headers: conditional ? S.conditionalWriteHeaders : S.writeHeaders,
    security: [{ userId: [] }],
  },
});

/** `/v1/products`: list, read, create, replace, change, remove. */
export function registerProductRoutes(app: FastifyInstance, repo: ProductRepository): void {
  /** The product, or a 404 naming the id. */
  const found = async <T>(id: string, pending: Promise<T | undefined>): Promise<T> =>
    (await pending) ?? Promise.reject(new HttpProblem(404, "Not found", `no product ${id}`));
  const withTag = (reply: FastifyReply, p: Product) => reply.header("etag", etag(p.version));

  app.get<{ Querystring: { limit: number; cursor?: string; tag?: string; sort: Sort } }>(
    "/v1/products",
    {
      schema: {
        summary: "List products",
        operationId: "listProducts",
        security: [],
        querystring: S.listQuery,
        response: responds(200, "A page of products.", S.page),
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
        operationId: "getProduct",
        security: [],
        params: S.idParams,
        headers: S.readHeaders,
        response: {
          ...responds(200, "The product.", product, versioned),
          304: { description: "Not modified: If-None-Match lists its version.", type: "null" },
        },
      },
    },
    async (request, reply) => {
      const p = await found(request.params.id, repo.get(request.params.id));
      withTag(reply, p);
      if (noneMatch(request.headers["if-none-match"], p.version)) return reply.code(304).send();
      return p;
    },
  );
  app.post<{ Body: ProductInput }>(
    "/v1/products",
    write(
      {
        summary: "Add a product",
        operationId: "createProduct",
        body: S.productInput,
        response: responds(201, "Added.", product, {
          ...versioned,
          location: { type: "string", description: "The new product's URL." },
        }),
      },
      false,
    ),
    async (request, reply) => {
      const created = await repo.create(request.body, writerId(request));
      withTag(reply, created);
      return reply.code(201).header("location", `/v1/products/${created.id}`).send(created);
    },
  );
  app.put<{ Params: { id: string }; Body: ProductInput }>(
    "/v1/products/:id",
    write(
      {
        summary: "Replace a product",
        operationId: "replaceProduct",
        params: S.idParams,
        body: S.productInput,
        response: responds(200, "Replaced.", product, versioned),
      },
      true,
    ),
    async (request, reply) => {
      const { id } = request.params;
      const expected = expectedVersions(request.headers["if-match"]);
      const p = await found(id, repo.replace(id, request.body, writerId(request), expected));
      return withTag(reply, p).send(p);
    },
  );
  app.patch<{ Params: { id: string }; Body: Partial<ProductInput> }>(
    "/v1/products/:id",
    write(
      {
        summary: "Change some fields of a product",
        operationId: "updateProduct",
        params: S.idParams,
        body: S.productPatch,
        response: responds(200, "Changed.", product, versioned),
      },
      true,
    ),
    async (request, reply) => {
      const { id } = request.params;
      const expected = expectedVersions(request.headers["if-match"]);
      const p = await found(id, repo.update(id, request.body, writerId(request), expected));
      return withTag(reply, p).send(p);
    },
  );
  app.delete<{ Params: { id: string } }>(
    "/v1/products/:id",
    write(
      {
        summary: "Remove a product",
        operationId: "deleteProduct",
        params: S.idParams,
        response: responds(204, "Removed."),
      },
      true,
    ),
    async (request, reply) => {
      const { id } = request.params;
      await found(id, repo.remove(id, expectedVersions(request.headers["if-match"])));
      return reply.code(204).send();
    },
  );
}

/** The writer's id from X-User-Id, which the front proxy sets; 401 without one. */
function writerId(request: { headers: Record<string, unknown> }): string {
  const user = request.headers["x-user-id"];
  if (typeof user !== "string" || user.trim() === "" || user.length > 200) {
    throw new HttpProblem(
      401,
      "Unauthorized",
      "writes need the X-User-Id header set by the front proxy",
      [{ field: "x-user-id", in: "header", message: "is required" }],
    );
  }
  return user.trim();
}
