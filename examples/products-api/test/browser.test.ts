import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import type { TestDatabase } from "pg-pitstop/testing";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { freshDatabase } from "./support/databases.js";

/** The system's Chromium (`apt-get install chromium`); playwright never downloads its own. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// SKIP_BROWSER_TESTS=1 skips this on a machine with no Chromium; otherwise a missing one is an error.
describe.skipIf(process.env.SKIP_BROWSER_TESTS === "1")(
  "the page at /, in headless Chromium",
  () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let browser: Browser;
    let base: string;

    beforeAll(async () => {
      t = await freshDatabase("pglite");
      // A name that would run if the page put product names in as HTML.
      await t.db.query("INSERT INTO products (name, price, tags) VALUES ($1, 5, '{cheap}')", [
        '<img src=x onerror="window.__owned = true">',
      ]);
      app = await buildApp({ db: t.db });
      await app.listen({ host: "127.0.0.1", port: 0 });
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      if (!existsSync(CHROMIUM)) {
        throw new Error(
          `no Chromium at ${CHROMIUM}: apt-get install chromium, set CHROMIUM_PATH, or SKIP_BROWSER_TESTS=1`,
        );
      }
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    });
    afterAll(async () => {
      await browser?.close();
      await app?.close();
      await t?.drop();
    });

    it("lists the products, filters by tag, sorts, and shows names as text", async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      await page.goto(base);
      const names = page.locator("#products tr td:first-child");
      await expect.poll(() => names.count()).toBe(4);
      expect((await names.allTextContents()).sort()).toEqual([
        '<img src=x onerror="window.__owned = true">',
        "Nintendo Switch",
        "PlayStation 4",
        "Xbox One X",
      ]);
      expect(await page.evaluate(() => (window as { __owned?: boolean }).__owned)).toBeUndefined();
      expect(await page.locator("#products img").count()).toBe(0);

      await page.fill("#tag", "sony");
      await page.click("button[type=submit]");
      await expect.poll(() => names.allTextContents()).toEqual(["PlayStation 4"]);
      const row = page.locator("#products tr").first();
      expect(await row.locator("td.price").textContent()).toBe("$299.00");
      expect(await row.locator(".tag").allTextContents()).toEqual(["console", "sony"]);

      await page.fill("#tag", "");
      await page.selectOption("#sort", "-price");
      await page.click("button[type=submit]");
      await expect.poll(() => names.first().textContent()).toBe("Xbox One X");

      await page.fill("#tag", "nothing-has-this");
      await page.click("button[type=submit]");
      await expect.poll(() => page.locator("#status").textContent()).toBe("No products.");
      expect(errors).toEqual([]);
      await page.close();
    });
  },
);
