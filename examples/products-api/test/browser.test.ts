import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import type { TestDatabase } from "pg-pitstop/testing";
import { type Browser, chromium, type Page } from "playwright-core";
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

    const open = async (path = "/") => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => {
        if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) {
          errors.push(m.text());
        }
      });
      await page.goto(`${base}${path}`);
      return { page, errors };
    };
    const names = (page: Page) => page.locator("#products tr td:first-child");

    it("lists the products, filters by tag, sorts, keeps both in the URL, shows names as text", async () => {
      const { page, errors } = await open();
      await expect.poll(() => names(page).count()).toBe(4);
      expect((await names(page).allTextContents()).sort()).toEqual([
        '<img src=x onerror="window.__owned = true">',
        "Nintendo Switch",
        "PlayStation 4",
        "Xbox One X",
      ]);
      expect(await page.evaluate(() => (window as { __owned?: boolean }).__owned)).toBeUndefined();
      expect(await page.locator("#products img").count()).toBe(0);

      await page.locator("#tag").fill("sony");
      await page.getByRole("button", { name: "Show" }).click();
      await expect.poll(() => names(page).allTextContents()).toEqual(["PlayStation 4"]);
      expect(new URL(page.url()).searchParams.get("tag")).toBe("sony");
      const row = page.locator("#products tr").first();
      expect(await row.locator("td.price").textContent()).toBe("$299.00");
      expect(await row.locator(".tag").allTextContents()).toEqual(["console", "sony"]);

      await page.locator("#tag").fill("");
      await page.locator("#sort").selectOption("-price");
      await page.getByRole("button", { name: "Show" }).click();
      await expect.poll(() => names(page).first().textContent()).toBe("Xbox One X");
      expect(new URL(page.url()).search).toBe("?sort=-price");
      // Reload and a shared link keep the state.
      await page.reload();
      await expect.poll(() => names(page).first().textContent()).toBe("Xbox One X");
      expect(await page.locator("#sort").inputValue()).toBe("-price");
      const shared = await open("/?sort=-name&tag=console");
      await expect
        .poll(() => names(shared.page).allTextContents())
        .toEqual(["Xbox One X", "PlayStation 4", "Nintendo Switch"]);
      expect(await shared.page.locator("#tag").inputValue()).toBe("console");
      await page.goBack();
      await expect.poll(() => names(page).allTextContents()).toEqual(["PlayStation 4"]);

      await page.locator("#tag").fill("nothing-has-this");
      await page.getByRole("button", { name: "Show" }).click();
      await expect.poll(() => page.locator("#status").textContent()).toBe("No products.");
      expect([...errors, ...shared.errors]).toEqual([]);
      await shared.page.close();
      await page.close();
    });

    it("creates, edits through a 412 conflict, and deletes, with the API's errors inline", async () => {
      const { page, errors } = await open();
      page.on("dialog", (d) => void d.accept());
      await expect.poll(() => names(page).count()).toBeGreaterThan(0);
      await page.getByLabel("Signed in as").fill("ada");
      await page.getByLabel("Signed in as").press("Tab");

      // Create: a blank name and a text price come back from the API as inline errors.
      await page.getByRole("button", { name: "Add product" }).click();
      await page.getByLabel("Name", { exact: true }).fill("   ");
      await page.getByLabel("Price (USD)").fill("cheap");
      await page.getByRole("button", { name: "Save" }).click();
      await expect
        .poll(() => page.locator("#f-name-error").textContent())
        .toBe("must not be blank");
      expect(await page.locator("#f-price-error").textContent()).toContain("number");
      expect(await page.getByLabel("Name", { exact: true }).getAttribute("aria-invalid")).toBe(
        "true",
      );
      await page.getByLabel("Name", { exact: true }).fill("Steam Deck");
      await page.getByLabel("Price (USD)").fill("399");
      await page.getByLabel("Tags").fill("handheld, valve");
      await page.getByRole("button", { name: "Save" }).click();
      await expect.poll(() => page.locator("#status").textContent()).toBe("Saved “Steam Deck”.");
      const deck = page.locator("#products tr", { hasText: "Steam Deck" });
      await expect.poll(() => deck.locator("td").nth(3).textContent()).toBe("ada");

      // Edit, while someone else changes the same product: 412, then reload their version.
      await page.getByRole("button", { name: "Edit Steam Deck" }).click();
      await expect
        .poll(() => page.getByLabel("Name", { exact: true }).inputValue())
        .toBe("Steam Deck");
      const id = await deck.getAttribute("data-id");
      const other = await app.inject({
        method: "PATCH",
        url: `/v1/products/${id}`,
        headers: { "x-user-id": "grace" },
        payload: { price: 349 },
      });
      expect(other.statusCode).toBe(200);
      await page.getByLabel("Name", { exact: true }).fill("Steam Deck OLED");
      await page.getByRole("button", { name: "Save" }).click();
      await expect.poll(() => page.locator("#conflict").isVisible()).toBe(true);
      await page.getByRole("button", { name: "Reload their version" }).click();
      await expect.poll(() => page.getByLabel("Price (USD)").inputValue()).toBe("349");
      expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe("Steam Deck");
      await page.getByLabel("Name", { exact: true }).fill("Steam Deck OLED");
      await page.getByRole("button", { name: "Save" }).click();
      await expect
        .poll(() => page.locator("#status").textContent())
        .toBe("Saved “Steam Deck OLED”.");
      const after = await app.inject({ method: "GET", url: `/v1/products/${id}` });
      expect(after.json()).toMatchObject({
        name: "Steam Deck OLED",
        price: 349,
        updated_by: "ada",
      });

      // Delete.
      await page.getByRole("button", { name: "Delete Steam Deck OLED" }).click();
      await expect
        .poll(() => page.locator("#status").textContent())
        .toBe("Deleted “Steam Deck OLED”.");
      expect((await app.inject({ method: "GET", url: `/v1/products/${id}` })).statusCode).toBe(404);
      expect(errors).toEqual([]);
      await page.close();
    });

    it("works from the keyboard, announces results, and fits a phone's width", async () => {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      await page.goto(base);
      await expect.poll(() => names(page).count()).toBeGreaterThan(0);
      expect(await page.locator("#status").getAttribute("role")).toBe("status");
      expect(await page.locator("#alert").getAttribute("role")).toBe("alert");
      // No sideways scrolling: on a phone each product is a card.
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).toBe(true);
      const table = await page.locator("#table").boundingBox();
      expect(table!.x + table!.width).toBeLessThanOrEqual(360);
      // Keyboard only: focus "Add product", Enter opens the form with the cursor in Name, Escape closes.
      await page.locator("#add").focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("f-name");
      await page.keyboard.press("Escape");
      await expect.poll(() => page.locator("#editor").isVisible()).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("add");
      // Every form control has a label.
      const unlabelled = await page.evaluate(() =>
        [...document.querySelectorAll("input, select, textarea")]
          .filter((e) => (e as HTMLInputElement).labels?.length === 0)
          .map((e) => e.id),
      );
      expect(unlabelled).toEqual([]);
      await page.close();
    });

    it("says so when the API answers a proxy's HTML page or is down, and marks the rows stale", async () => {
      const own = await buildApp({ db: t.db });
      await own.listen({ host: "127.0.0.1", port: 0 });
      const at = `http://127.0.0.1:${(own.server.address() as AddressInfo).port}`;
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(at);
      await expect.poll(() => names(page).count()).toBeGreaterThan(0);

      // A proxy in front answering its own HTML error page.
      await page.route("**/v1/products?*", (route) =>
        route.fulfill({ status: 502, contentType: "text/html", body: "<h1>502 Bad Gateway</h1>" }),
      );
      await page.getByRole("button", { name: "Show" }).click();
      await expect.poll(() => page.locator("#alert").textContent()).toContain("502");
      expect(await page.locator("#alert").textContent()).toContain("not data");
      expect(await page.locator("#table").getAttribute("class")).toContain("stale");
      await page.unroute("**/v1/products?*");
      await page.getByRole("button", { name: "Show" }).click();
      await expect.poll(() => page.locator("#alert").isVisible()).toBe(false);

      // The service stops.
      await own.close();
      await page.getByRole("button", { name: "Show" }).click();
      await expect
        .poll(() => page.locator("#alert").textContent())
        .toContain("Cannot reach the API");
      expect(await page.locator("#stale").textContent()).toContain("may be out of date");
      expect(await names(page).count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      await page.close();
    });
  },
);
