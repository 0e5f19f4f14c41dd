/**
 * One table (or view) of a schema model in detail, for the studio's side
 * panel: columns, constraints, indexes, triggers, policies, the foreign keys
 * pointing at it, and its DDL as `pitstop schema dump` writes it.
 */
import { DUMP_HEADER, renderDump } from "../dump/dump.js";
import { emptyModel, type SchemaModel } from "../inspect/model.js";
import type { TableResponse } from "./api-types.js";
import { entityId, erGraph } from "./er-graph.js";

/**
 * The details of entity `id` (`schema.name`), or undefined when the model has no such table or view.
 *
 * @example
 * tableDetails(model, "public.orders")?.indexes
 */
export function tableDetails(model: SchemaModel, id: string): TableResponse | undefined {
  const table = model.tables.find((t) => entityId(t.schema, t.name) === id);
  const on = <T extends { schema: string; table: string }>(list: readonly T[]) =>
    list.filter((x) => entityId(x.schema, x.table) === id);
  if (table) {
    const constraints = on(model.constraints);
    const indexes = on(model.indexes);
    const triggers = on(model.triggers);
    const policies = on(model.policies);
    const ddl = dumpOf({
      ...emptyModel(),
      tables: [table],
      constraints,
      indexes,
      triggers,
      policies,
    });
    return {
      id,
      kind: table.kind,
      schema: table.schema,
      name: table.name,
      ...(table.comment ? { comment: table.comment } : {}),
      columns: table.columns.map((c) => ({
        name: c.name,
        type: c.type,
        notNull: c.notNull,
        ...(c.default !== undefined ? { default: c.default } : {}),
        ...(c.identity
          ? { identity: `GENERATED ${c.identity.always ? "ALWAYS" : "BY DEFAULT"} AS IDENTITY` }
          : {}),
        ...(c.generated ? { generated: c.generated.expression } : {}),
        ...(c.comment ? { comment: c.comment } : {}),
      })),
      constraints: constraints.map((c) => ({
        name: c.name,
        type: c.type,
        definition: c.definition,
      })),
      indexes: indexes.map((i) => ({ name: i.name, definition: i.definition })),
      triggers: triggers.map((t) => ({
        name: t.name,
        definition: t.definition,
        ...(t.enabled ? { enabled: t.enabled } : {}),
      })),
      policies: policies.map((p) => ({
        name: p.name,
        command: p.command,
        permissive: p.permissive,
        roles: p.roles,
        ...(p.using !== undefined ? { using: p.using } : {}),
        ...(p.withCheck !== undefined ? { withCheck: p.withCheck } : {}),
      })),
      referencedBy: referencedBy(model, id),
      ddl,
    };
  }
  const view = model.views.find((v) => entityId(v.schema, v.name) === id);
  if (!view) return undefined;
  return {
    id,
    kind: view.materialized ? "materialized view" : "view",
    schema: view.schema,
    name: view.name,
    ...(view.comment ? { comment: view.comment } : {}),
    columns: view.columns.map((c) => ({
      name: c.name,
      type: c.type,
      notNull: false,
      ...(c.comment ? { comment: c.comment } : {}),
    })),
    constraints: [],
    indexes: on(model.indexes).map((i) => ({ name: i.name, definition: i.definition })),
    triggers: on(model.triggers).map((t) => ({ name: t.name, definition: t.definition })),
    policies: [],
    referencedBy: [],
    ddl: dumpOf({ ...emptyModel(), views: [view], indexes: on(model.indexes) }),
  };
}

/** `schema dump`'s text for a part of a model, without the file header. */
function dumpOf(model: SchemaModel): string {
  return renderDump(model).replace(`${DUMP_HEADER}\n\n`, "").trimEnd();
}

function referencedBy(model: SchemaModel, id: string): string[] {
  return erGraph(model)
    .edges.filter((e) => e.to === id)
    .map((e) => `${e.from} (${e.name})`);
}
