/**
 * One entry for every diagram format: `renderDiagram(model, "mermaid")`.
 * The SVG writer (and its layout library) is imported only when asked for.
 */
import { UsageError } from "../core/errors.js";
import type { SchemaModel } from "../inspect/model.js";
import type { ErGraphOptions } from "./er-graph.js";

export const DIAGRAM_FORMATS = ["mermaid", "svg", "dot"] as const;
export type DiagramFormat = (typeof DIAGRAM_FORMATS)[number];
export const DEFAULT_DIAGRAM_FORMAT: DiagramFormat = "mermaid";

/** `mermaid` -> itself; anything else is a usage error naming the choices. */
export function parseDiagramFormat(text: string | undefined, setting = "--format"): DiagramFormat {
  if (text === undefined) return DEFAULT_DIAGRAM_FORMAT;
  const format = DIAGRAM_FORMATS.find((f) => f === text.toLowerCase());
  if (!format)
    throw new UsageError(`${setting} ${text}: not a diagram format`, {
      hint: `Use one of: ${DIAGRAM_FORMATS.join(", ")}.`,
    });
  return format;
}

/**
 * The diagram of `model` in `format`.
 *
 * @example
 * const svg = await renderDiagram(await inspect(driver), "svg", { views: true });
 */
export async function renderDiagram(
  model: SchemaModel,
  format: DiagramFormat,
  options: ErGraphOptions = {},
): Promise<string> {
  if (format === "mermaid") return (await import("./mermaid.js")).renderMermaid(model, options);
  if (format === "dot") return (await import("./dot.js")).renderDot(model, options);
  return (await import("./svg.js")).renderSvg(model, options);
}
