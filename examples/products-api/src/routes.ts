import type { FastifyInstance } from "fastify";
import { HttpProblem } from "./problem.js";
import type { ProductInput, ProductRepository, Sort } from "./repository.js";
import * as S from "./schemas.js";

/** `/v1/products`: list, read, create, replace, change, remove. */
export function registerProductRoutes(app: FastifyInstance, repo: ProductRepository): void {
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
      const created = await repo.create(request.body, userOf(request));
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
      (await repo.replace(request.params.id, request.body, userOf(request))) ??
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
      (await repo.update(request.params.id, request.body, userOf(request))) ??
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
}

/** The writer's id; the preHandler has checked it is there. */
function userOf(request: { headers: Record<string, unknown> }): string {
  return (request.headers["x-user-id"] as string).trim();
}
