import type { FastifyInstance, FastifySchema } from "fastify";
import { HttpProblem } from "./problem.js";
import type { ProductInput, ProductRepository, Sort } from "./repository.js";
import * as S from "./schemas.js";

const product = { $ref: "Product#" };
/** A route's responses: its success, and problem+json for the client's errors. */
const responds = (status: number, body: object) => ({
  [status]: body,
  "4xx": { $ref: "Problem#" },
});
/** A write: X-User-Id checked before the handler runs (401, not a 400 of validation). */
const write = (schema: FastifySchema) => ({
  preHandler: async (request: { headers: Record<string, unknown> }) => {
    writerId(request);
  },
  schema: { headers: S.userHeader, ...schema },
});

/** `/v1/products`: list, read, create, replace, change, remove. */
export function registerProductRoutes(app: FastifyInstance, repo: ProductRepository): void {
  /** The product, or a 404 naming the id. */
  const found = async <T>(id: string, pending: Promise<T | undefined>): Promise<T> =>
    (await pending) ?? Promise.reject(new HttpProblem(404, "Not found", `no product ${id}`));

  app.get<{ Querystring: { limit: number; cursor?: string; tag?: string; sort: Sort } }>(
    "/v1/products",
    {
      schema: {
        summary: "List products",
        querystring: S.listQuery,
        response: responds(200, S.page),
      },
    },
    async (request) => {
      const page = await repo.list(request.query);
      return { items: page.items, next_cursor: page.nextCursor };
    },
  );
  app.get<{ Params: { id: string } }>(
    "/v1/products/:id",
    { schema: { summary: "One product", params: S.idParams, response: responds(200, product) } },
    async (request) => found(request.params.id, repo.get(request.params.id)),
  );
  app.post<{ Body: ProductInput }>(
    "/v1/products",
    write({ summary: "Add a product", body: S.productInput, response: responds(201, product) }),
    async (request, reply) => {
      const created = await repo.create(request.body, writerId(request));
      return reply.code(201).header("location", `/v1/products/${created.id}`).send(created);
    },
  );
  app.put<{ Params: { id: string }; Body: ProductInput }>(
    "/v1/products/:id",
    write({
      summary: "Replace a product",
      params: S.idParams,
      body: S.productInput,
      response: responds(200, product),
    }),
    async (request) =>
      found(request.params.id, repo.replace(request.params.id, request.body, writerId(request))),
  );
  app.patch<{ Params: { id: string }; Body: Partial<ProductInput> }>(
    "/v1/products/:id",
    write({
      summary: "Change some fields of a product",
      params: S.idParams,
      body: S.productPatch,
      response: responds(200, product),
    }),
    async (request) =>
      found(request.params.id, repo.update(request.params.id, request.body, writerId(request))),
  );
  app.delete<{ Params: { id: string } }>(
    "/v1/products/:id",
    write({
      summary: "Remove a product",
      params: S.idParams,
      response: responds(204, { type: "null" }),
    }),
    async (request, reply) => {
      await found(request.params.id, repo.remove(request.params.id));
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
