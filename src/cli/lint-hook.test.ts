import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintWrittenFiles } from "./lint-hook.js";
import { Output } from "./output.js";
import { resolveSettings } from "./settings.js";

describe("lintWrittenFiles", () => {
  it("lints the files just written, with the folder's earlier migrations as context", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "pitstop-lint-hook-"));
    const dir = join(cwd, "migrations");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(dir);
    writeFileSync(join(dir, "000001_users.sql"), "CREATE TABLE users (id bigint, email text);");
    writeFileSync(join(dir, "000002_index.sql"), "CREATE INDEX users_email_idx ON users (email);");
    writeFileSync(
      join(dir, "000003_new.sql"),
      "CREATE TABLE teams (id bigint); CREATE INDEX ON teams (id);",
    );
    const settings = await resolveSettings({ dir }, {}, cwd);
    const out = new Output({ json: true });
    const written = await lintWrittenFiles(settings, out, [join(dir, "000002_index.sql")]);
    expect(written.map((f) => [f.rule, f.migration])).toEqual([
      ["index-concurrently", "000002_index"],
    ]);
    expect(await lintWrittenFiles(settings, out, [join(dir, "000003_new.sql")])).toEqual([]);
  });
});
