// The generated project bench/diff, bench/inspect and scripts/inspect-models.mjs
// share: a schema from test/fixtures/large's generator (58 tables at 5 modules
// x 10) and the seven changes its desired schema.sql makes to it.
import { generateSchema } from "../test/fixtures/large/generate.mjs";

/** The generated schema: `{ sql, tables }`. */
export function benchSchema(modules, perModule = 10) {
  return generateSchema({
    name: "bench",
    modules,
    perModule,
    seed: 5,
    nouns: ["mod"],
    partitionEvery: 10,
  });
}

/** What the desired schema changes, in the generated sizes: 7 statements up. */
export const BENCH_CHANGES = `
ALTER TABLE mod.mod_a ADD COLUMN archived_at timestamptz;
ALTER TABLE mod2.mod_b ADD COLUMN note text NOT NULL DEFAULT '';
CREATE TABLE mod3.extra (id bigint PRIMARY KEY, mod_a_id bigint REFERENCES mod3.mod_a (id));
CREATE INDEX ON mod4.mod_c (created_at);
CREATE OR REPLACE VIEW mod5.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change, min(created_at) AS first_change FROM mod5.mod_a GROUP BY tenant_id;
DROP TRIGGER touch ON mod5.mod_b;
`;
