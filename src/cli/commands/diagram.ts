import { writeFile } from "node:fs/promises";
import { extname } from "node:path";
import { UsageError } from "../../core/errors.js";
import { migrationsModel, schemaFileModel } from "../../declarative/declarative.js";
import { inspect } from "../../inspect/inspect.js";
import type { SchemaModel } from "../../inspect/model.js";
import { directorySource } from "../../source/directory.js";
import { DIAGRAM_FORMATS, parseDiagramFormat, renderDiagram } from "../../studio/diagram.js";
import { closeForExit, openDatabase } from "../context.js";
import type { Output } from "../output.js";
import type { Settings } from "../settings.js";
import {
  type DeclarativeFlags,
  declarativeOptions,
  scratchDescription,
} from "./declarative-options.js";

/** Mermaid's default `maxTextSize`: longer diagrams are not drawn. */
const MERMAID_MAX_TEXT = 50_000;

export interface DiagramFlags extends DeclarativeFlags {
  format?: string;
  out?: string;
  from?: string;
  file?: string;
  views?: boolean;
}

/** `schema diagram`: the ER diagram of the database, the migrations or a schema file. */
export async function runSchemaDiagram(
  settings: Settings,
  out: Output,
  flags: DiagramFlags,
): Promise<number> {
  const format = parseDiagramFormat(flags.format ?? formatOfFile(flags.out));
  const from = flags.file ? "file" : (flags.from ?? "database");
  if (from !== "database" && from !== "migrations" && from !== "file")
    throw new UsageError(`--from ${from}: use database or migrations (or --file schema.sql)`);
  if (flags.file && flags.from)
    throw new UsageError("--from and --file both say where the schema comes from: give one");
  const model = await loadModel(settings, out, flags, from);
  const text = await renderDiagram(model, format, { views: flags.views ?? false });
  if (format === "mermaid" && text.length > MERMAID_MAX_TEXT)
    out.warn(
      `the diagram is ${text.length} characters: mermaid (and GitHub) refuse more than ${MERMAID_MAX_TEXT} by default; narrow it with --only/--exclude, or draw --format svg`,
    );
  if (!flags.out) {
    if (out.json) out.data({ ok: true, format, diagram: text });
    else process.stdout.write(text);
    return 0;
  }
  await writeFile(flags.out, text);
  if (out.json) out.data({ ok: true, file: flags.out, format });
  else out.notice(`Wrote ${flags.out} (${format}).`);
  return 0;
}

/** `-o schema.svg` without `--format` means svg; an unknown extension means the default. */
function formatOfFile(file: string | undefined): string | undefined {
  const ext = file ? extname(file).slice(1).toLowerCase() : "";
  if (ext === "mmd" || ext === "md") return "mermaid";
  if (ext === "gv") return "dot";
  return (DIAGRAM_FORMATS as readonly string[]).includes(ext) ? ext : undefined;
}

async function loadModel(
  settings: Settings,
  out: Output,
  flags: DiagramFlags,
  from: string,
): Promise<SchemaModel> {
  const options = declarativeOptions(settings, flags, out);
  if (from === "file") {
    out.notice(`Loading ${flags.file} on ${scratchDescription(options)}...`);
    return schemaFileModel(flags.file!, options);
  }
  if (from === "migrations") {
    out.notice(`Replaying ${settings.dir}/ on ${scratchDescription(options)}...`);
    return migrationsModel(directorySource({ dir: settings.dir, allowMissing: true }), options);
  }
  const driver = await openDatabase(settings, out);
  try {
    return await inspect(driver, { ...options.filter, history: settings.history });
  } finally {
    await closeForExit(driver);
  }
}
