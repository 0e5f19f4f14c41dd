/**
 * `pitstop studio`'s page in real headless Chromium (the system's; nothing
 * downloads a browser): the diagram draws every table and foreign key of the
 * fixture, search and click show the right table, the history shows the
 * pending migration and what it changes, the Pending view its lint findings.
 * STUDIO_SCREENSHOT=<file.png> also saves the page for the docs.
 */
import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Driver } from "../src/driver/driver.js";
import { erGraph } from "../src/studio/er-graph.js";
import { describeEachDriver, enabledTestDrivers } from "./helpers/databases.js";
import { startTestStudio, type TestStudio } from "./helpers/studio.js";

/** The system's Chromium (`apt-get install chromium`); playwright never downloads its own. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The page does not depend on the driver: one run, on PGlite when it is enabled. */
const once = (driver: string) => driver === "pglite" || !enabledTestDrivers().includes("pglite");

describe.skipIf(process.env.SKIP_BROWSER_TESTS === "1")("pitstop studio in Chromium", () => {
  describeEachDriver("the page", (ctx) => {
    const run = once(ctx.driverName);
    let driver: Driver;
    let studio: TestStudio;
    let browser: Browser;

    beforeAll(async () => {
      if (!run) return;
      if (!existsSync(CHROMIUM))
        throw new Error(
          `no Chromium at ${CHROMIUM}: apt-get install chromium, set CHROMIUM_PATH, or SKIP_BROWSER_TESTS=1`,
        );
      driver = await ctx.newDriver();
      studio = await startTestStudio(driver);
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    });
    afterAll(async () => {
      await browser?.close();
      await studio?.close();
      await driver?.close();
    });

    const open = async (): Promise<{ page: Page; errors: string[] }> => {
      const page = await browser.newPage({ viewport: { width: 1400, height: 820 } });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      await page.goto(studio.server.url);
      await page.waitForSelector("body[data-ready=true]");
      return { page, errors };
    };

    it.skipIf(!run)(
      "draws every table and foreign key, with views on request, and keeps the token out of the address bar",
      async () => {
        const { page, errors } = await open();
        expect(new URL(page.url()).search).toBe("");
        const model = studio.api.snapshot.model;
        const tables = erGraph(model);
        expect(await page.locator("#diagram g.entity").count()).toBe(tables.entities.length);
        expect(await page.locator("#diagram path.fk").count()).toBe(tables.edges.length);
        const ids = await page
          .locator("#diagram g.entity")
          .evaluateAll((gs) => gs.map((g) => g.getAttribute("data-id")));
        expect(ids.sort()).toEqual(tables.entities.map((e) => e.id).sort());
        await page.locator("#views").check();
        const withViews = erGraph(model, { views: true });
        await expect
          .poll(() => page.locator("#diagram g.entity").count())
          .toBe(withViews.entities.length);
        expect(
          await page.locator('#diagram g.entity.view[data-id="sales.order_totals"]').count(),
        ).toBe(1);
        await page.locator("#schema").selectOption("sales");
        await expect
          .poll(() =>
            page
              .locator("#diagram g.entity")
              .evaluateAll((gs) => gs.map((g) => g.getAttribute("data-id")).sort()),
          )
          .toEqual(["sales.line items", "sales.order_totals", "sales.orders", "sales.shipments"]);
        expect(errors).toEqual([]);
        await page.close();
      },
    );

    it.skipIf(!run)(
      "search centres and highlights a table and shows its columns; clicking a box shows that table; drag pans, buttons zoom",
      async () => {
        const { page, errors } = await open();
        await page.locator("#search").fill("line");
        expect(await page.locator("#table-list button").allTextContents()).toEqual([
          "sales.line items",
        ]);
        await page.locator("#search").press("Enter");
        await expect
          .poll(() => page.locator("#details-title").textContent())
          .toBe("sales.line items");
        expect(await page.locator("#details .column-name").allTextContents()).toEqual([
          "order_id",
          "line_no",
          "sku",
          "Unit-Price",
        ]);
        expect(await page.locator("#diagram g.entity.selected").getAttribute("data-id")).toBe(
          "sales.line items",
        );
        // Centred: the box's middle is the canvas's middle.
        const box = (await page.locator("#diagram g.entity.selected rect.box").boundingBox())!;
        const canvas = (await page.locator("#canvas").boundingBox())!;
        expect(Math.abs(box.x + box.width / 2 - (canvas.x + canvas.width / 2))).toBeLessThan(2);
        expect(Math.abs(box.y + box.height / 2 - (canvas.y + canvas.height / 2))).toBeLessThan(2);
        expect(await page.locator("#details pre.sql").textContent()).toContain(
          'CREATE TABLE sales."line items" (',
        );

        await page.getByRole("button", { name: "Close details" }).click();
        expect(await page.locator("#details").isHidden()).toBe(true);
        await page.getByRole("button", { name: "Fit" }).click();
        await page.locator('#diagram g.entity[data-id="public.customers"] rect.h').click();
        await expect
          .poll(() => page.locator("#details-title").textContent())
          .toBe("public.customers");
        expect(await page.locator("#details .column-name").allTextContents()).toEqual([
          "id",
          "email",
          "referred_by",
          "balance",
        ]);

        const transform = () =>
          page
            .locator("#canvas .stage")
            .evaluate((e) => (e as unknown as { style: { transform: string } }).style.transform);
        const before = await transform();
        await page.mouse.move(canvas.x + 30, canvas.y + 60);
        await page.mouse.down();
        await page.mouse.move(canvas.x + 130, canvas.y + 20, { steps: 5 });
        await page.mouse.up();
        expect(await transform()).not.toBe(before);
        expect(await page.locator("#details-title").textContent()).toBe("public.customers");
        const scale = async () => Number(/scale\(([\d.]+)\)/.exec((await transform()) ?? "")?.[1]);
        const k = await scale();
        await page.getByRole("button", { name: "Zoom in" }).click();
        expect(await scale()).toBeCloseTo(k * 1.25, 5);
        // The table list is reachable from the keyboard.
        await page.locator("#search").fill("");
        await page.locator('#table-list button[data-id="public.audit_log"]').focus();
        await page.keyboard.press("Enter");
        await expect
          .poll(() => page.locator("#details-title").textContent())
          .toBe("public.audit_log");
        expect(errors).toEqual([]);
        if (process.env.STUDIO_SCREENSHOT) {
          await page.locator("#search").fill("orders");
          await page.locator("#search").press("Enter");
          await expect
            .poll(() => page.locator("#details-title").textContent())
            .toBe("sales.orders");
          await page.screenshot({ path: process.env.STUDIO_SCREENSHOT });
        }
        await page.close();
      },
    );

    it.skipIf(!run)(
      "shows the pending migration in the history with what it changes, and its lint findings",
      async () => {
        const { page, errors } = await open();
        await page.getByRole("tab", { name: /History/ }).click();
        const rows = page.locator("table.history tbody tr");
        await expect.poll(() => rows.count()).toBe(2);
        expect(await rows.nth(0).getAttribute("data-status")).toBe("applied");
        expect(await rows.nth(1).getAttribute("data-status")).toBe("pending");
        expect(await rows.nth(1).locator(".status").textContent()).toBe("pending");
        await page.getByRole("button", { name: "000002_orders_placed_at" }).click();
        await expect
          .poll(() => page.locator("#change .differences li").allTextContents(), {
            timeout: 60_000,
          })
          .toEqual(["+ column:sales.orders.note", "+ index:sales.orders_placed_at_idx"]);
        expect(await page.locator("#change pre.sql").textContent()).toContain(
          "CREATE INDEX orders_placed_at_idx ON sales.orders USING btree (placed_at);",
        );

        await page.getByRole("tab", { name: /Pending/ }).click();
        const finding = page.locator(
          '.pending-migration[data-migration="000002_orders_placed_at"] .finding[data-rule="index-concurrently"]',
        );
        await expect.poll(() => finding.count()).toBe(1);
        const text = (await finding.textContent()) ?? "";
        expect(text).toContain("migrations/000002_orders_placed_at.sql:3:1");
        expect(text).toMatch(/Lock: SHARE on/);
        expect(text).toContain("CREATE INDEX CONCURRENTLY orders_placed_at_idx");
        expect(await page.locator("#pending-count").textContent()).toBe("1");

        await page.getByRole("tab", { name: /Drift/ }).click();
        await page.getByRole("button", { name: /Compare the database/ }).click();
        await expect
          .poll(() => page.locator("#drift").textContent(), { timeout: 60_000 })
          .toContain("No drift: the database matches its 1 applied migration(s) (1 pending");
        expect(errors).toEqual([]);
        await page.close();
      },
    );
  });
});
