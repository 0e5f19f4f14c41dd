import { describe, expect, it, vi } from "vitest";
import { commandToDefine, main } from "./main.js";

// Defined by the build (esbuild `define`); a global stands in for it here.
vi.stubGlobal("PITSTOP_VERSION", "0.0.0-test");

const run = (...args: string[]) => commandToDefine(["node", "pitstop", ...args]);

describe("commandToDefine", () => {
  it("finds the command after global options, skipping their values", () => {
    expect(run("up")).toBe("up");
    expect(run("--database", "postgres://x/db", "--dir", "m", "status", "--json")).toBe("status");
    expect(run("-d", "url", "--format", "goose", "down", "2")).toBe("down");
    expect(run("--dir-format", "goose", "--history-schema", "ops", "status")).toBe("status");
    expect(run("--database=postgres://x/db", "--json", "schema", "dump")).toBe("schema");
    expect(run("lint", "--format", "github")).toBe("lint");
  });

  it("defines all of them for help, no command or a bare --", () => {
    expect(run()).toBeUndefined();
    expect(run("up", "--help")).toBeUndefined();
    expect(run("-h")).toBeUndefined();
    expect(run("help", "up")).toBeUndefined();
    expect(run("--", "up")).toBeUndefined();
  });

  it("defines none for --version", () => {
    expect(run("--version")).toBe("");
    expect(run("-v")).toBe("");
  });
});

describe("main with one command defined", () => {
  const capture = async (...args: string[]) => {
    let text = "";
    const write = (chunk: string | Uint8Array) => {
      text += String(chunk);
      return true;
    };
    const out = vi.spyOn(process.stdout, "write").mockImplementation(write);
    const err = vi.spyOn(process.stderr, "write").mockImplementation(write);
    try {
      return { code: await main(["node", "pitstop", ...args]), text };
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  };

  it("still names the commands there are after a typo", async () => {
    const r = await capture("--dir", "migrations", "upp");
    expect(r.code).toBe(2);
    expect(r.text).toContain("unknown command 'upp'");
    expect(r.text).toContain("Did you mean up?");
  });

  it("lists every command in the help, and one command's options in its own", async () => {
    const all = await capture("--help");
    expect(all.code).toBe(0);
    for (const name of ["up", "status", "lint", "diff", "seed", "adopt", "bundle", "test-server"]) {
      expect(all.text).toMatch(new RegExp(`^  ${name}\\b`, "m"));
    }
    const one = await capture("down", "--help");
    expect(one.text).toContain("Usage: pitstop down");
  });
});
