/** Small DOM helpers: elements from data, never from HTML strings (names come from the database). */

type Child = Node | string | null | undefined | false;

/**
 * `el("button", { class: "x", "data-id": id }, "label")`.
 *
 * @example
 * document.body.append(el("p", {}, "hello"));
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/** Text safe to put in markup: `&`, `<`, `>` and quotes escaped. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** GET the API (the cookie carries the token); throws with the server's message. */
export async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { credentials: "same-origin" });
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new Error(body.error ?? `${res.status} ${res.statusText}`);
  return body as T;
}

/** POST to the API. */
export async function postJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { method: "POST", credentials: "same-origin" });
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new Error(body.error ?? `${res.status} ${res.statusText}`);
  return body as T;
}

/** `12 ms`, `1.4 s`. */
export function duration(ms: number | null): string {
  if (ms === null) return "";
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** A `<pre><code>` block of SQL. */
export function sqlBlock(sql: string): HTMLElement {
  return el("pre", { class: "sql" }, el("code", {}, sql));
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} missing from the page`);
  return node as T;
}
