import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { FastifyInstance, FastifyReply } from "fastify";

type Asset = "index.html" | "app.js" | "style.css";

/** The page at `/` and its script and style, read once, served with a strict CSP. */
export function registerPage(app: FastifyInstance, publicDir: string | undefined): void {
  const assets = publicFiles(publicDir);
  const page = (name: Asset, type: string) => async (_: unknown, reply: FastifyReply) =>
    reply
      .type(type)
      .header("content-security-policy", "default-src 'self'; object-src 'none'; base-uri 'none'")
      .header("x-content-type-options", "nosniff")
      .send(assets[name]);
  app.get("/", { schema: { hide: true } }, page("index.html", "text/html; charset=utf-8"));
  app.get("/app.js", { schema: { hide: true } }, page("app.js", "text/javascript; charset=utf-8"));
  app.get("/style.css", { schema: { hide: true } }, page("style.css", "text/css; charset=utf-8"));
  app.get("/favicon.ico", { schema: { hide: true } }, async (_, reply) => reply.code(204).send());
}

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
