import { objectKey } from "./ident.js";
import type {
  CollationDef,
  ConstraintDef,
  ExtensionDef,
  FunctionDef,
  IndexDef,
  PolicyDef,
  SchemaDef,
  SchemaModel,
  SequenceDef,
  TableDef,
  TriggerDef,
  TypeDef,
  ViewDef,
} from "./model.js";

type ObjectOf<K extends keyof SchemaModel> = SchemaModel[K][number];

/** The key of an object of the model (see `objectKey`). */
export function keyOfObject<K extends keyof SchemaModel>(kind: K, object: ObjectOf<K>): string {
  switch (kind) {
    case "schemas":
      return objectKey.schema((object as SchemaDef).name);
    case "extensions":
      return objectKey.extension((object as ExtensionDef).name);
    case "collations": {
      const c = object as CollationDef;
      return objectKey.collation(c.schema, c.name);
    }
    case "types": {
      const t = object as TypeDef;
      return objectKey.type(t.schema, t.name);
    }
    case "sequences": {
      const s = object as SequenceDef;
      return objectKey.sequence(s.schema, s.name);
    }
    case "tables": {
      const t = object as TableDef;
      return objectKey.table(t.schema, t.name);
    }
    case "views": {
      const v = object as ViewDef;
      return objectKey.view(v.schema, v.name);
    }
    case "functions": {
      const f = object as FunctionDef;
      return objectKey.function(f.schema, f.name, f.args);
    }
    case "constraints": {
      const c = object as ConstraintDef;
      return objectKey.constraint(c.schema, c.table, c.name);
    }
    case "indexes": {
      const i = object as IndexDef;
      return objectKey.index(i.schema, i.name);
    }
    case "triggers": {
      const t = object as TriggerDef;
      return objectKey.trigger(t.schema, t.table, t.name);
    }
    case "policies": {
      const p = object as PolicyDef;
      return objectKey.policy(p.schema, p.table, p.name);
    }
    default:
      throw new Error(`unknown model kind ${String(kind)}`);
  }
}

/** The key of a column's default expression (a node of its own when diffing). */
export function defaultKeyOf(schema: string, table: string, column: string): string {
  return `default:${objectKey.column(schema, table, column).slice("column:".length)}`;
}
