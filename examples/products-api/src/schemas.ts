/** JSON schemas of requests and responses: validation, serialization and the OpenAPI document. */

const uuid = { type: "string", format: "uuid" } as const;

const fields = {
  name: {
    type: "string",
    minLength: 1,
    maxLength: 200,
    pattern: "\\S",
    description: "Unique among products; not blank.",
  },
  price: {
    type: "number",
    minimum: 0,
    maximum: 9_999_999_999.99,
    description: "In the store's currency; rounded to cents.",
  },
  description: { type: "string", maxLength: 2000 },
  tags: {
    type: "array",
    maxItems: 20,
    uniqueItems: true,
    items: { type: "string", minLength: 1, maxLength: 50 },
  },
} as const;

export const product = {
  $id: "Product",
  type: "object",
  required: ["id", "name", "price", "description", "tags", "created", "updated_by"],
  properties: {
    id: uuid,
    ...fields,
    created: { type: "string", format: "date-time" },
    updated_by: {
      type: ["string", "null"],
      description: "The X-User-Id of the last write (null for seeded rows).",
    },
  },
} as const;

export const productInput = {
  type: "object",
  additionalProperties: false,
  required: ["name", "price"],
  properties: fields,
} as const;

export const productPatch = {
  type: "object",
  additionalProperties: false,
  minProperties: 1,
  properties: fields,
} as const;

export const SORTS = ["created", "-created", "price", "-price", "name", "-name"] as const;

export const listQuery = {
  type: "object",
  additionalProperties: false,
  properties: {
    limit: { type: "integer", minimum: 1, maximum: 100, default: 20 },
    cursor: { type: "string", maxLength: 500, description: "`next_cursor` of the previous page." },
    tag: {
      type: "string",
      minLength: 1,
      maxLength: 50,
      description: "Only products with this tag.",
    },
    sort: { type: "string", enum: SORTS, default: "created", description: "`-` sorts descending." },
  },
} as const;

export const page = {
  type: "object",
  required: ["items", "next_cursor"],
  properties: {
    items: { type: "array", items: { $ref: "Product#" } },
    next_cursor: { type: ["string", "null"] },
  },
} as const;

export const idParams = {
  type: "object",
  required: ["id"],
  properties: { id: uuid },
} as const;

/** RFC 9457 problem details, with the fields that failed validation. */
export const problem = {
  $id: "Problem",
  type: "object",
  required: ["type", "title", "status"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    instance: { type: "string" },
    errors: {
      type: "array",
      items: {
        type: "object",
        required: ["field", "message"],
        properties: {
          field: {
            type: "string",
            description: "JSON pointer into the body, or the parameter name.",
          },
          in: { type: "string", enum: ["body", "query", "path", "header"] },
          message: { type: "string" },
        },
      },
    },
  },
} as const;

const userId = {
  type: "string",
  minLength: 1,
  maxLength: 200,
  description:
    "Set by the trusted front proxy after it authenticated the caller (the `userId` scheme).",
} as const;
const ifMatch = {
  type: "string",
  description:
    "The ETag the client read: the write is refused with 412 if the product changed since.",
} as const;

/** Headers of a create. */
export const writeHeaders = {
  type: "object",
  required: ["x-user-id"],
  properties: { "x-user-id": userId },
} as const;

/** Headers of a replace, change or remove. */
export const conditionalWriteHeaders = {
  type: "object",
  required: ["x-user-id"],
  properties: { "x-user-id": userId, "if-match": ifMatch },
} as const;

/** Headers of a read of one product. */
export const readHeaders = {
  type: "object",
  properties: {
    "if-none-match": {
      type: "string",
      description: "The ETag the client holds: 304 if the product is unchanged.",
    },
  },
} as const;
