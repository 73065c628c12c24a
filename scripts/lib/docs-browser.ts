// Opens the built docs page in headless Chromium, served from a loopback HTTP server, and records everything that
// went wrong or left the machine: console errors, page errors, failed requests, and requests to any other origin
// (those are blocked, so a page that needs the internet shows up here instead of silently working online).
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Page } from "playwright-core";
import type { OpenApiDocument } from "../../src/openapi/openapi-document.ts";
import { type WalkedOperation, walkOperations } from "../../src/openapi/walk-operations.ts";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface DocsPageReport {
  consoleErrors: string[];
  failedRequests: string[];
  /** Requests to anything but the local server (blocked). */
  offsiteRequests: string[];
  /** Paths asked of the local server other than the page itself. */
  otherLocalPaths: string[];
}

async function serve(html: string, otherLocalPaths: string[]): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://local").pathname;
    if (path === "/" || path === "/index.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(html);
      return;
    }
    otherLocalPaths.push(path);
    // Browsers ask for a favicon on their own; an empty answer keeps that from logging an error.
    res.writeHead(path === "/favicon.ico" ? 204 : 404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

/**
 * Serves `htmlFile`, opens it in a fresh headless Chromium profile, runs `use` with the page, then closes everything.
 * The report is complete once this resolves.
 */
export async function withDocsPage<T>(
  htmlFile: string,
  use: (page: Page, origin: string) => Promise<T>,
): Promise<{ result: T; report: DocsPageReport }> {
  const report: DocsPageReport = { consoleErrors: [], failedRequests: [], offsiteRequests: [], otherLocalPaths: [] };
  const { server, origin } = await serve(await readFile(htmlFile, "utf8"), report.otherLocalPaths);
  const profile = await mkdtemp(join(tmpdir(), "video-logs-chromium-"));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
    });
    try {
      await context.route("**/*", async (route) => {
        const url = route.request().url();
        if (url.startsWith(`${origin}/`) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
        report.offsiteRequests.push(url);
        return route.abort("blockedbyclient");
      });
      const page = context.pages()[0] ?? (await context.newPage());
      page.on("console", (message) => {
        if (message.type() === "error") report.consoleErrors.push(message.text());
      });
      page.on("pageerror", (error) => report.consoleErrors.push(`uncaught: ${error.message}`));
      page.on("requestfailed", (request) =>
        report.failedRequests.push(`${request.url()} (${request.failure()?.errorText ?? "failed"})`),
      );
      page.on("response", (response) => {
        if (response.status() >= 400) report.failedRequests.push(`${response.url()} (HTTP ${response.status()})`);
      });
      const result = await use(page, origin);
      return { result, report };
    } finally {
      await context.close();
    }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(profile, { recursive: true, force: true });
  }
}

/** The page route Redoc gives an operation: its first tag, lower-cased with dashes, then its operationId. */
export function operationRoute(operation: WalkedOperation): string {
  const [tag] = operation.tags;
  if (tag === undefined || operation.operationId === undefined) {
    throw new Error(
      `${operation.method.toUpperCase()} ${operation.path} needs a tag and an operationId to have a docs route`,
    );
  }
  const slug = tag
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `/#/${slug}/${operation.operationId}`;
}

/** The operation the screenshot shows: the spec's first one (the page also holds the others and their schemas). */
export function screenshotOperation(doc: OpenApiDocument): WalkedOperation {
  const [first] = walkOperations(doc);
  if (!first) throw new Error("the spec has no operation to show");
  return first;
}

/** Opens the docs at the spec's first operation and saves a PNG of the viewport; throws if anything went wrong. */
export async function screenshotDocs(htmlFile: string, pngFile: string, doc: OpenApiDocument): Promise<DocsPageReport> {
  const operation = screenshotOperation(doc);
  const { report } = await withDocsPage(htmlFile, async (page, origin) => {
    await page.goto(`${origin}${operationRoute(operation)}`, { waitUntil: "networkidle" });
    if (operation.summary) await page.getByRole("heading", { name: operation.summary }).waitFor();
    // The search box reads "Loading..." until its index is built; the picture is better without it.
    await page
      .getByText("Loading...")
      .waitFor({ state: "hidden", timeout: 5_000 })
      .catch(() => undefined);
    await page.screenshot({ path: pngFile });
  });
  const problems = [...report.consoleErrors, ...report.failedRequests, ...report.offsiteRequests];
  if (problems.length > 0) throw new Error(`the docs page had problems:\n${problems.join("\n")}`);
  return report;
}
