import { lintScript, loadParser } from "./dist/index.js";
await loadParser();
let sql = "";
for (let i = 0; i < 400; i++) {
  sql += `ALTER TABLE t${i} ADD COLUMN flag boolean NOT NULL DEFAULT false;\n`;
  sql += `CREATE INDEX${i % 2 ? " CONCURRENTLY" : ""} t${i}_name_idx ON t${i} (name);\n`;
  sql += `ALTER TABLE t${i} ALTER COLUMN note TYPE ${i % 3 ? "text" : "varchar(100)"};\n`;
  sql += `INSERT INTO t${i} (name, qty) VALUES ('row ${i}', ${i});\n`;
  sql += `COMMENT ON TABLE t${i} IS 'table number ${i}';\n`;
}
for (let i = 0; i < 3; i++) lintScript(sql);
const t = performance.now();
for (let i = 0; i < 5; i++) lintScript(sql);
console.log(((performance.now() - t) / 5).toFixed(1), "ms per lint");
