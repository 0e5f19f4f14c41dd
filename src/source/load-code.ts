import { ownAliases } from "./own-entry.js";

export interface ImportCodeOptions {
  /** Read the file again on every call instead of Node's module cache (seeds edited between runs). */
  fresh?: boolean;
}

/**
 * Imports a TypeScript or JavaScript file through jiti (no build step), loaded
 * only when called. `import ... from "pg-pitstop"` inside it resolves to this
 * copy of pitstop, even where pitstop is run with npx from elsewhere.
 *
 * @example
 * const mod = await importCode("/proj/seeds/users.ts");
 * await (mod.seed as SeedFunction)(db, ctx);
 */
export async function importCode(
  file: string,
  options: ImportCodeOptions = {},
): Promise<Record<string, unknown>> {
  const { createJiti } = await import("jiti");
  const jiti = createJiti(import.meta.url, {
    ...ownAliases(),
    ...(options.fresh ? { moduleCache: false } : {}),
  });
  return (await jiti.import(file)) as Record<string, unknown>;
}
