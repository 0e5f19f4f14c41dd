import type { FunctionRow } from "../catalog.js";
import { objectKey, qualifiedName } from "../ident.js";
import type { FunctionDef, Grant } from "../model.js";
import { type BuildContext, replaceOnce } from "./context.js";

/**
 * Functions and procedures in the filter, each registered for dependencies.
 *
 * @example
 * const functions = buildFunctions(rows.functions, ctx);
 */
export function buildFunctions(rows: readonly FunctionRow[], ctx: BuildContext): FunctionDef[] {
  const functions: FunctionDef[] = [];
  for (const f of rows) {
    const key = objectKey.function(f.schema, f.name, f.args);
    ctx.deps.register("pg_proc", f.oid, key);
    if (!ctx.filter.object(f.schema, f.name)) continue;
    functions.push(functionDef(f, ctx.grants.get(`pg_proc:${f.oid}`)));
  }
  return functions;
}

function functionDef(f: FunctionRow, grants: Grant[] | undefined): FunctionDef {
  const word = f.prokind === "p" ? "PROCEDURE" : "FUNCTION";
  const definition = replaceOnce(
    f.definition.trimEnd(),
    `CREATE OR REPLACE ${word} ${f.printed}(`,
    `CREATE OR REPLACE ${word} ${qualifiedName(f.schema, f.name)}(`,
  );
  return {
    schema: f.schema,
    name: f.name,
    ...(f.comment !== null ? { comment: f.comment } : {}),
    kind: f.prokind === "p" ? "procedure" : "function",
    args: f.args,
    signature: f.signature,
    ...(f.returns !== null ? { returns: f.returns } : {}),
    language: f.language,
    definition,
    ...(grants !== undefined ? { grants } : {}),
  };
}
