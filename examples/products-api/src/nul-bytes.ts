/**
 * The places in a JSON value whose text holds a NUL character: PostgreSQL's text cannot store
 * one, so it is the client's mistake (400 naming the field), not the database's (500).
 *
 * @example
 * nulFields({ name: "a\u0000", tags: ["x", "\u0000"] }) // => ["/name", "/tags/1"]
 */
export function nulFields(value: unknown, at = ""): string[] {
  if (typeof value === "string") return value.includes("\u0000") ? [at || "/"] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nulFields(v, `${at}/${i}`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => [
      ...(k.includes("\u0000") ? [`${at}/${pointerToken(k)}`] : []),
      ...nulFields(v, `${at}/${pointerToken(k)}`),
    ]);
  }
  return [];
}

/** A JSON pointer token (RFC 6901). */
const pointerToken = (key: string) => key.replaceAll("~", "~0").replaceAll("/", "~1");
