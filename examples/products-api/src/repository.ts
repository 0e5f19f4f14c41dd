import type { Db } from "./db.js";

export interface Product {
  id: string;
  name: string;
  price: number;
  description: string;
  tags: string[];
  created: Date;
  /** The X-User-Id of the last write; null for rows the seeds wrote. */
  updated_by: string | null;
  /** The row's version (`xmin`): the ETag. Changes with every write; never serialized in bodies. */
  version: string;
}

export interface ProductInput {
  name: string;
  price: number;
  description?: string;
  tags?: string[];
}

export type Sort = "created" | "-created" | "price" | "-price" | "name" | "-name";

export interface ListQuery {
  limit: number;
  cursor?: string;
  tag?: string;
  sort: Sort;
}

export interface Page {
  items: Product[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

/** A write that would break a uniqueness rule (a second product with the same name). */
export class ConflictError extends Error {}
/** A cursor this service did not write, or one for another sort. */
export class BadCursorError extends Error {}
/** An `If-Match` write to a product that changed since the client read it. */
export class StaleError extends Error {}

/**
 * The versions a conditional write accepts (`If-Match`); undefined: any (no header, or `*`).
 * An empty list matches nothing.
 */
export type Expected = readonly string[] | undefined;

/** Sort keys map to SQL the service wrote; nothing a client sends is ever spliced into SQL. */
const SORT_COLUMNS = {
  created: { column: "created", type: "timestamptz" },
  price: { column: "price", type: "numeric" },
  name: { column: "name", type: "text" },
} as const;

const COLUMNS =
  "id, name, price::float8 AS price, description, tags, created, updated_by, xmin::text AS version";
/** The version check of a conditional write, its list in parameter `$n`. */
const matches = (n: number) => `($${n}::text[] IS NULL OR xmin::text = ANY($${n}::text[]))`;

/** Products, stored in PostgreSQL. Every value travels as a bind parameter. */
export class ProductRepository {
  constructor(private readonly db: Db) {}

  async list(query: ListQuery): Promise<Page> {
    const descending = query.sort.startsWith("-");
    const { column, type } = SORT_COLUMNS[query.sort.replace("-", "") as keyof typeof SORT_COLUMNS];
    const params: unknown[] = [query.tag ?? null];
    let after = "";
    if (query.cursor !== undefined) {
      const [key, id] = decodeCursor(query.cursor, query.sort);
      params.push(key, id);
      after = `AND (${column}, id) ${descending ? "<" : ">"} ($2::${type}, $3::uuid)`;
    }
    params.push(query.limit + 1);
    const direction = descending ? "DESC" : "ASC";
    const pending = this.db.query<Product & { sort_key: string }>(
      `SELECT ${COLUMNS}, ${column}::text AS sort_key
         FROM products
        WHERE ($1::text IS NULL OR tags @> ARRAY[$1::text]) ${after}
        ORDER BY ${column} ${direction}, id ${direction}
        LIMIT $${params.length}`,
      params,
    );
    const { rows } = query.cursor === undefined ? await pending : await badCursor(pending);
    const more = rows.length > query.limit;
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: items.map(({ sort_key: _, ...product }) => product),
      nextCursor: more && last ? encodeCursor(query.sort, last.sort_key, last.id) : null,
    };
  }

  async get(id: string): Promise<Product | undefined> {
    const { rows } = await this.db.query<Product>(`SELECT ${COLUMNS} FROM products WHERE id = $1`, [
      id,
    ]);
    return rows[0];
  }

  async create(input: ProductInput, user: string): Promise<Product> {
    const { rows } = await conflicts(
      this.db.query<Product>(
        `INSERT INTO products (name, price, description, tags, updated_by)
         VALUES ($1, $2, $3, $4, $5)
         RETURNING ${COLUMNS}`,
        [input.name, input.price, input.description ?? "", input.tags ?? [], user],
      ),
      input.name,
    );
    return rows[0]!;
  }

  /**
   * PUT: every field replaced (left-out optional ones go back to their defaults).
   * Undefined when there is no such product; StaleError when `expected` does not match it.
   * The check and the write are one statement, so of two writers holding the same version one wins.
   */
  async replace(
    id: string,
    input: ProductInput,
    user: string,
    expected?: Expected,
  ): Promise<Product | undefined> {
    const { rows } = await conflicts(
      this.db.query<Product>(
        `UPDATE products SET name = $2, price = $3, description = $4, tags = $5, updated_by = $6
          WHERE id = $1 AND ${matches(7)}
          RETURNING ${COLUMNS}`,
        [
          id,
          input.name,
          input.price,
          input.description ?? "",
          input.tags ?? [],
          user,
          expected ?? null,
        ],
      ),
      input.name,
    );
    return rows[0] ?? this.missingOrStale(id, expected);
  }

  /** PATCH: only the fields given. */
  async update(
    id: string,
    patch: Partial<ProductInput>,
    user: string,
    expected?: Expected,
  ): Promise<Product | undefined> {
    const fields = (["name", "price", "description", "tags"] as const).filter(
      (f) => patch[f] !== undefined,
    );
    const sets = fields.map((f, i) => `${f} = $${i + 4}`);
    const { rows } = await conflicts(
      this.db.query<Product>(
        `UPDATE products SET ${[...sets, "updated_by = $2"].join(", ")}
          WHERE id = $1 AND ${matches(3)} RETURNING ${COLUMNS}`,
        [id, user, expected ?? null, ...fields.map((f) => patch[f])],
      ),
      patch.name,
    );
    return rows[0] ?? this.missingOrStale(id, expected);
  }

  /** The id removed; undefined when there was no such product. */
  async remove(id: string, expected?: Expected): Promise<string | undefined> {
    const { rows } = await this.db.query<{ id: string }>(
      `DELETE FROM products WHERE id = $1 AND ${matches(2)} RETURNING id`,
      [id, expected ?? null],
    );
    return rows[0]?.id ?? this.missingOrStale(id, expected);
  }

  /** After a write that touched no row: undefined if the product is gone, else it was stale. */
  private async missingOrStale(id: string, expected: Expected): Promise<undefined> {
    if (expected === undefined) return undefined;
    const { rows } = await this.db.query("SELECT 1 FROM products WHERE id = $1", [id]);
    if (rows.length > 0) throw new StaleError(`product ${id} changed since it was read`);
    return undefined;
  }
}

async function conflicts<T>(pending: Promise<T>, name: string | undefined): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    if ((error as { code?: string }).code === "23505") {
      throw new ConflictError(`a product named ${JSON.stringify(name)} already exists`);
    }
    throw error;
  }
}

/** A forged cursor whose key does not cast (`22xxx`: data exception) is the client's mistake. */
async function badCursor<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    if (/^22/.test((error as { code?: string }).code ?? "")) {
      throw new BadCursorError("not a cursor this API returned");
    }
    throw error;
  }
}

function encodeCursor(sort: Sort, key: string, id: string): string {
  return Buffer.from(JSON.stringify([sort, key, id])).toString("base64url");
}

function decodeCursor(cursor: string, sort: Sort): [string, string] {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new BadCursorError("not a cursor this API returned");
  }
  if (!Array.isArray(value) || value.length !== 3 || !value.every((v) => typeof v === "string")) {
    throw new BadCursorError("not a cursor this API returned");
  }
  const [made, key, id] = value as [string, string, string];
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    throw new BadCursorError("not a cursor this API returned");
  }
  if (made !== sort) {
    throw new BadCursorError(`the cursor was made for sort=${made}, not sort=${sort}`);
  }
  return [key, id];
}
