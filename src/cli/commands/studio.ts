import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { UsageError } from "../../core/errors.js";
import { DEFAULT_DDL_LOCK_TIMEOUT_MS } from "../../runner/run.js";
import { directorySource } from "../../source/directory.js";
import type { StudioApi as StudioApiType } from "../../studio/api.js";
import type { StudioFrom } from "../../studio/snapshot.js";
import { closeForExit, openDatabase } from "../context.js";
import type { Output } from "../output.js";
import type { Settings } from "../settings.js";
import {
  type DeclarativeFlags,
  declarativeOptions,
  scratchDescription,
} from "./declarative-options.js";

export interface StudioFlags extends DeclarativeFlags {
  port?: string;
  open?: boolean;
  from?: string;
  file?: string;
}

/**
 * `studio`: the schema, its history, pending migrations with their lint
 * findings and drift, on a local page, until Ctrl-C.
 */
export async function runStudio(
  settings: Settings,
  out: Output,
  flags: StudioFlags,
): Promise<number> {
  const { DEFAULT_STUDIO_PORT, startStudioServer } = await import("../../studio/server.js");
  const { StudioApi } = await import("../../studio/api.js");
  const port = parsePort(flags.port, DEFAULT_STUDIO_PORT);
  const from = studioFrom(settings, out, flags);
  const declarative = declarativeOptions(settings, flags, out);
  const source = directorySource({
    dir: settings.dir,
    allowMissing: true,
    ...(settings.format ? { format: settings.format } : {}),
  });
  // The port first: a port in use is found before the schema is read (which may take a while).
  let ready!: (api: Promise<StudioApiType>) => void;
  const apiReady = new Promise<StudioApiType>((resolve) => {
    ready = resolve;
  });
  const studio = await startStudioServer({ api: apiReady, port, assetsDir: assetsDir() });
  if (from.kind === "migrations")
    out.notice(`Replaying ${settings.dir}/ on ${scratchDescription(declarative)}...`);
  if (from.kind === "file")
    out.notice(`Loading ${from.file} on ${scratchDescription(declarative)}...`);
  const opening = StudioApi.open({
    from,
    migrations: source,
    declarative,
    lint: {
      ...(settings.lint.pgVersion ? { pgVersion: settings.lint.pgVersion } : {}),
      ddlLockTimeoutMs: settings.ddlLockTimeoutMs ?? DEFAULT_DDL_LOCK_TIMEOUT_MS,
      rules: settings.lint.rules,
      history: settings.history,
    },
  });
  opening.catch(() => {});
  ready(opening);
  let api: StudioApiType;
  try {
    api = await opening;
    // The diagram is laid out before the URL is shown: the page's first load finds it ready.
    await api.warmUp();
  } catch (error) {
    await studio.close();
    throw error;
  }
  const overview = api.overview();
  if (out.json) out.data({ ok: true, url: studio.url, port: studio.port, source: overview.source });
  else {
    out.line(`pitstop studio: ${overview.source}`);
    out.line(
      `  ${overview.tables} table(s), ${overview.views} view(s), ${overview.foreignKeys} foreign key(s), ${overview.migrations} migration(s)${overview.pending === undefined ? "" : `, ${overview.pending} pending`}`,
    );
    out.line();
    out.line(`  Open ${studio.url}`);
    out.line();
    out.line("Listening on 127.0.0.1 only. Ctrl-C stops it.");
  }
  if (flags.open) openBrowser(studio.url);
  await stopSignal();
  out.notice("Stopping studio (Ctrl-C again to quit at once)...");
  await studio.close();
  await api.close();
  return 0;
}

/** `--port 4800`; 0 picks a free one. */
export function parsePort(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n > 65_535)
    throw new UsageError(`--port ${text}: not a port number`, {
      hint: "Give 1-65535, or --port 0 for any free port.",
    });
  return n;
}

function studioFrom(settings: Settings, out: Output, flags: StudioFlags): StudioFrom {
  if (flags.file && flags.from)
    throw new UsageError("--from and --file both say where the schema comes from: give one");
  if (flags.file) return { kind: "file", file: flags.file };
  const from = flags.from ?? "database";
  if (from === "migrations") return { kind: "migrations" };
  if (from !== "database")
    throw new UsageError(`--from ${from}: use database or migrations (or --file schema.sql)`);
  return {
    kind: "database",
    open: () => openDatabase(settings, out),
    close: (driver) => closeForExit(driver),
  };
}

/** dist/studio next to the bundled CLI; from a source checkout, the built one. */
function assetsDir(): string {
  const here = new URL("studio/", import.meta.url);
  if (existsSync(new URL("index.html", here))) return fileURLToPath(here);
  return fileURLToPath(new URL("../../../dist/studio/", import.meta.url));
}

/** Resolves on Ctrl-C (or SIGTERM). */
function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

/** Best effort: the URL is printed either way. */
function openBrowser(url: string): void {
  const [command, args] =
    process.platform === "darwin"
      ? ["open", [url]]
      : process.platform === "win32"
        ? ["cmd", ["/c", "start", '""', url]]
        : ["xdg-open", [url]];
  try {
    const child = spawn(command, args as string[], { detached: true, stdio: "ignore" });
    child.on("error", () => {});
    child.unref();
  } catch {
    // No opener on this machine: the printed URL is enough.
  }
}
