import { createRequire } from "node:module";

type Crypto = typeof import("node:crypto");
let loaded: Crypto | undefined;

/**
 * node:crypto, loaded on first use. Importing it at the top of a module cost
 * every command 6-9 ms of start-up (it loads a dozen internal modules), and
 * `pitstop lint` or `--version` never hash anything (bench/lint). Modules that
 * the CLI loads at start call this where they hash or draw a token.
 * `process.getBuiltinModule` is Node 20.16+; older 20.x requires it.
 *
 * @example nodeCrypto().createHash("sha256").update("x").digest("hex")
 */
export function nodeCrypto(): Crypto {
  loaded ??=
    typeof process.getBuiltinModule === "function"
      ? process.getBuiltinModule("node:crypto")
      : (createRequire(import.meta.url)("node:crypto") as Crypto);
  return loaded;
}
