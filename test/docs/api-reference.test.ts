import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { buildDocs, DOCS_TITLE, makeSelfContained } from "../../scripts/lib/docs.ts";
import { CHROMIUM_PATH, operationRoute, screenshotOperation, withDocsPage } from "../../scripts/lib/docs-browser.ts";
import type { OpenApiDocument } from "../../src/openapi/openapi-document.ts";
import { walkOperations } from "../../src/openapi/walk-operations.ts";
import { sharedBundle } from "../helpers/shared-bundle.ts";

const REQUIRE_TOOLCHAINS = process.env.REQUIRE_TOOLCHAINS === "1";
const hasChromium = existsSync(CHROMIUM_PATH);

function needChromium(ctx: TestContext): void {
  if (hasChromium) return;
  const message = `Chromium is not installed at ${CHROMIUM_PATH} (Debian: apt-get install chromium)`;
  if (REQUIRE_TOOLCHAINS) throw new Error(`${message}, and REQUIRE_TOOLCHAINS=1 demands it`);
  ctx.skip(`${message}; set REQUIRE_TOOLCHAINS=1 to make this a failure`);
}

let dir: string;
let html: string;
let doc31: OpenApiDocument;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "video-logs-docs-"));
  const bundled = await sharedBundle();
  doc31 = bundled.doc31;
  const { openapi31 } = bundled;
  html = await buildDocs(openapi31, join(dir, "docs", "index.html"));
}, 30_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("the HTML API reference", () => {
  it("is one file with Redoc inlined, titled, and free of the CDN logo and web fonts", async () => {
    const page = await readFile(html, "utf8");
    expect(page).toContain(`<title>${DOCS_TITLE}</title>`);
    expect(page).not.toMatch(/<script[^>]+src=/);
    expect(page).not.toMatch(/<link[^>]+href=["']https?:/);
    expect(page).not.toContain("cdn.redoc.ly");
    expect(page).not.toContain("fonts.googleapis.com");
    expect(page).toContain("get_log");
  });

  it("derives an operation's route from its first tag and its operationId, and refuses an operation with neither", () => {
    const [first] = walkOperations({
      paths: { "/r": { get: { operationId: "list_rooms", tags: ["Room Sessions", "Other"] } } },
    });
    expect(operationRoute(first!)).toBe("/#/room-sessions/list_rooms");
    const [untagged] = walkOperations({ paths: { "/r": { get: { operationId: "list_rooms" } } } });
    expect(() => operationRoute(untagged!)).toThrow("GET /r needs a tag and an operationId");
  });

  it("refuses to leave a page that would load web fonts", () => {
    expect(() =>
      makeSelfContained('<link href="https://fonts.googleapis.com/css?family=Roboto" rel="stylesheet">'),
    ).toThrow(/fonts\.googleapis\.com/);
  });

  it("renders both operations and the Log schema in headless Chromium with no console error, failed or offsite request", {
    timeout: 30_000,
  }, async (ctx) => {
    needChromium(ctx);
    const { result, report } = await withDocsPage(html, async (page, origin) => {
      const getLogOperation = walkOperations(doc31).find((operation) => operation.operationId === "get_log")!;
      await page.goto(`${origin}${operationRoute(getLogOperation)}`, { waitUntil: "networkidle" });
      const getLog = page.getByRole("heading", { name: "Get video log" });
      const listLogs = page.getByRole("heading", { name: "List video logs" });
      await getLog.waitFor();
      // The 200 body of get_log is `VideoLog`, an anyOf whose first branch is the `Log` schema.
      const logTab = page.getByRole("tab", { name: "Log", exact: true }).first();
      await logTab.click();
      const logDescription = page.getByText("A video log in its full form.").first();
      await logDescription.waitFor();
      await page
        .getByText(/Show 12 properties/)
        .first()
        .click();
      return {
        getLog: await getLog.isVisible(),
        listLogs: await listLogs.count(),
        logTab: await logTab.isVisible(),
        // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), the rendered text, not the DOM property
        text: await page.locator("body").innerText(),
        sidebar: await page.getByRole("link", { name: /video log/i }).allInnerTexts(),
      };
    });
    expect(result.getLog).toBe(true);
    expect(result.listLogs).toBeGreaterThan(0);
    expect(result.logTab).toBe(true);
    // Properties of Log, visible once the schema is expanded.
    for (const property of ["room_name", "charge_details", "started_at", "locked"])
      expect(result.text).toContain(property);
    expect(result.sidebar.join(" ")).toMatch(/List video logs[\s\S]*Get video log/);
    expect(report.consoleErrors).toEqual([]);
    expect(report.failedRequests).toEqual([]);
    expect(report.offsiteRequests).toEqual([]);
    expect(report.otherLocalPaths.filter((path) => path !== "/favicon.ico")).toEqual([]);
  });

  it("opens each operation of the spec, the screenshot's first, at the route the walker derives for it", {
    timeout: 30_000,
  }, async (ctx) => {
    needChromium(ctx);
    const operations = walkOperations(doc31);
    expect(screenshotOperation(doc31)).toEqual(operations[0]);
    const { result } = await withDocsPage(html, async (page, origin) => {
      const tops: Array<number | undefined> = [];
      for (const operation of operations) {
        await page.goto(`${origin}${operationRoute(operation)}`, { waitUntil: "networkidle" });
        const heading = page.getByRole("heading", { name: operation.summary! }).first();
        await heading.waitFor();
        tops.push((await heading.boundingBox())?.y);
      }
      return tops;
    });
    // Each route scrolls its own operation's heading to the top of the page.
    for (const top of result) expect(top).toBeLessThan(200);
  });

  it("is watched by a browser check that does notice offsite requests and console errors", {
    timeout: 30_000,
  }, async (ctx) => {
    needChromium(ctx);
    const leaky = join(dir, "leaky.html");
    await writeFile(
      leaky,
      '<!doctype html><html><head><link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">' +
        '</head><body><script>console.error("boom")</script></body></html>',
    );
    const { report } = await withDocsPage(leaky, async (page, origin) => {
      await page.goto(`${origin}/`, { waitUntil: "load" });
    });
    expect(report.offsiteRequests).toEqual(["https://fonts.googleapis.com/css?family=Roboto"]);
    expect(report.consoleErrors).toContain("boom");
    expect(report.failedRequests.join("\n")).toContain("fonts.googleapis.com");
  });
});
