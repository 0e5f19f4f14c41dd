// bench/studio: `pitstop studio` on a 300-table schema (test/fixtures/large/
// commerce.sql, loaded with --file) in the system's headless Chromium:
// the page's first load to the diagram drawn, a search (Enter to the table
// centred and its details shown), and a zoom. Baseline, same run, same
// browser: opening the static SVG of the same diagram (what `pitstop schema
// diagram --format svg` writes, served by studio at /api/diagram.svg), which
// has no interaction at all. The layout (dagre) runs once on the server
// when studio starts and is printed separately.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { chromium } from "playwright-core";
import { CLI, median, pgEnv, ROOT } from "./lib.mjs";

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const SCHEMA = process.env.BENCH_STUDIO_SCHEMA ?? join(ROOT, "test/fixtures/large/commerce.sql");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);

// A folder kept between runs: its .pitstop/cache holds PGlite's initialized template.
const cwd = join(tmpdir(), "pitstop-bench-studio");
mkdirSync(cwd, { recursive: true });
const started = performance.now();
const child = spawn(process.execPath, [CLI, "studio", "--file", SCHEMA, "--port", "0", "--json"], {
  cwd,
  env: pgEnv(),
  stdio: ["ignore", "pipe", "inherit"],
});
let out = "";
child.stdout.on("data", (d) => (out += d));
const url = await new Promise((resolve, reject) => {
  child.on("exit", (code) => reject(new Error(`studio exited (${code})`)));
  const timer = setInterval(() => {
    const m = /"url": "([^"]+)"/.exec(out);
    if (m) {
      clearInterval(timer);
      resolve(m[1]);
    }
  }, 100);
});
const startSeconds = (performance.now() - started) / 1000;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  // The first visit trades the token for the cookie; later loads go straight to the page.
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]");
  const origin = new URL(url).origin;
  const tables = await page.locator("#diagram g.entity").count();
  const edges = await page.locator("#diagram path.fk").count();
  const layoutMs = await page.evaluate(() => window.studioTimings.layoutMs);

  const studio = { ready: [], render: [], search: [], zoom: [] };
  const svg = [];
  const names = await page
    .locator("#diagram g.entity")
    .evaluateAll((gs) => gs.map((g) => g.getAttribute("data-id")));
  for (let i = 0; i < rounds; i++) {
    // Baseline: the static SVG of the same diagram, to its load event and a frame.
    await page.goto(`${origin}/api/diagram.svg`);
    svg.push(
      await page.evaluate(
        () =>
          new Promise((resolve) =>
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)),
          ),
      ),
    );
    await page.goto(`${origin}/`);
    await page.waitForSelector("body[data-ready=true]");
    const t = await page.evaluate(() => window.studioTimings);
    studio.ready.push(t.ready);
    studio.render.push(t.render);
    const name = names[(i * 37) % names.length];
    await page.locator("#search").fill(name.replace(/^public\./, ""));
    await page.locator("#search").press("Enter");
    await page.waitForFunction(
      (id) => document.getElementById("details-title")?.textContent === id,
      name,
    );
    studio.search.push(await page.evaluate(() => window.studioTimings.search));
    studio.zoom.push(
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            const t0 = performance.now();
            document.getElementById("zoom-out").click();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
          }),
      ),
    );
  }
  const ms = (v) => `${Math.round(v)} ms`;
  const base = median(svg);
  console.log(
    `bench/studio: ${relative(ROOT, SCHEMA)}, ${tables} tables, ${edges} foreign keys, median of ${rounds}`,
  );
  console.log(
    `  studio start (load the schema on PGlite, lay out): ${startSeconds.toFixed(1)} s, of which layout ${ms(layoutMs)}`,
  );
  console.log(`  baseline: static SVG of the same diagram, load to drawn   ${ms(base)}`);
  console.log(
    `  studio page, load to diagram drawn (interactive)          ${ms(median(studio.ready))}  (${(median(studio.ready) / base).toFixed(2)}x the static SVG)`,
  );
  console.log(
    `    of which fetching the layout and drawing it             ${ms(median(studio.render))}`,
  );
  console.log(
    `  search: Enter to table centred, details shown             ${ms(median(studio.search))}`,
  );
  console.log(
    `  zoom button to next frame                                 ${ms(median(studio.zoom))}`,
  );
} finally {
  await browser.close();
  child.kill("SIGINT");
}
