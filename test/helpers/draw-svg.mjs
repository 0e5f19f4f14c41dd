// For heavy-imports.mjs: draws an SVG through the built package, which must load the layout chunk.
import { emptyModel, renderSvg } from "pg-pitstop";

await renderSvg(emptyModel());
