import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checksum } from "../core/checksum.js";
import { PitstopError } from "../core/errors.js";
import { directorySource } from "./directory.js";

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "pitstop-src-"));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}

async function loadError(dir: string): Promise<PitstopError> {
  try {
    await directorySource({ dir }).load();
  } catch (error) {
    if (error instanceof PitstopError) return error;
    throw error;
  }
  throw new Error("expected an error");
}

describe("directorySource", () => {
  it("reads -- +up / -- +down sections and paired files, in version order", async () => {
    const dir = folder({
      "20240102000000_second.up.sql": "CREATE TABLE b (id int);\n",
      "20240102000000_second.down.sql": "DROP TABLE b;\n",
      "20240101000000_first.sql":
        "-- header\n-- +up\nCREATE TABLE a (id int);\n-- +down\nDROP TABLE a;\n",
      "README.md": "ignored",
    });
    const [first, second] = await directorySource({ dir }).load();
    expect(first!.name).toBe("first");
    expect(first!.up.kind === "sql" && first!.up.sql).toBe("CREATE TABLE a (id int);\n");
    expect(first!.down?.kind === "sql" && first!.down.sql).toBe("DROP TABLE a;\n");
    const up = first!.up as { source: string; offset: number; sql: string };
    expect(up.source.slice(up.offset, up.offset + up.sql.length)).toBe(up.sql);
    expect(second!.versionText).toBe("20240102000000");
    expect(second!.down?.kind === "sql" && second!.down.sql).toBe("DROP TABLE b;\n");
  });

  it("checksums the up script with CRLF and LF alike", async () => {
    const lf = await directorySource({
      dir: folder({ "1_a.sql": "-- +up\nSELECT 1;\n-- +down\nSELECT 2;\n" }),
    }).load();
    const crlf = await directorySource({
      dir: folder({ "1_a.sql": "-- +up\r\nSELECT 1;\r\n-- +down\r\nSELECT 3;\r\n" }),
    }).load();
    expect(lf[0]!.checksum).toBe(crlf[0]!.checksum);
    expect(lf[0]!.checksum).toBe(checksum("SELECT 1;\n"));
  });

  it("takes a file without markers as all up, and reads no-transaction on the marker", async () => {
    const [plain, notx] = await directorySource({
      dir: folder({ "1_plain.sql": "SELECT 1;", "2_notx.sql": "-- +up no-transaction\nVACUUM;\n" }),
    }).load();
    expect(plain!.down).toBeUndefined();
    expect(plain!.up.transaction).toBeUndefined();
    expect(notx!.up.transaction).toBe(false);
  });

  it("refuses duplicate versions, naming both files", async () => {
    const e = await loadError(folder({ "1_a.sql": "SELECT 1;", "001_b.sql": "SELECT 1;" }));
    expect(e.code).toBe("DUPLICATE_VERSION");
    expect(e.message).toMatch(/001_b\.sql.*1_a\.sql|1_a\.sql.*001_b\.sql/);
  });

  it("refuses a .sql file that is not named like a migration", async () => {
    const e = await loadError(folder({ "1_a.sql": "SELECT 1;", "schema.sql": "SELECT 1;" }));
    expect(e.code).toBe("MIGRATION_NAME");
    expect(e.message).toContain("schema.sql");
  });

  it("refuses a second up section with its line", async () => {
    const e = await loadError(folder({ "1_a.sql": "-- +up\nSELECT 1;\n-- +up\nSELECT 2;\n" }));
    expect(e.code).toBe("MIGRATION_FORMAT");
    expect(e.message).toContain("1_a.sql:3:1");
  });

  it("refuses a down file without its up file", async () => {
    expect((await loadError(folder({ "1_a.down.sql": "SELECT 1;" }))).code).toBe(
      "MIGRATION_FORMAT",
    );
  });

  it("says the folder is missing, with a hint", async () => {
    const e = await loadError(join(tmpdir(), "pitstop-no-such-folder"));
    expect(e.code).toBe("NO_MIGRATIONS_DIR");
    expect(e.hint).toContain("pitstop init");
  });
});
