// Ctrl-C during the built `video-logs check`: a server answers the first page of each listing and holds every other
// request open; once each listing has asked for its second page (so its first page is judged), the test sends SIGINT.
// The check stops sending, cuts the requests under way, writes every report of what it judged, marked interrupted,
// and exits 2, leaving no process behind.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import * as addFormatsModule from "ajv-formats";
import { SaxesParser } from "saxes";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { planProbes } from "../../src/check/plan-probes.ts";
import type { DriftReport } from "../../src/report/report-types.ts";
import { assertBuilt, BIN, cliEnv, ROOT } from "../helpers/cli.ts";
import { type LocalServer, sendJson, startLocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, completedLog, PROJECT_ID } from "../helpers/sample-bodies.ts";

const env = { SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: API_TOKEN };
const AUTHORIZATION = `Basic ${Buffer.from(`${PROJECT_ID}:${API_TOKEN}`).toString("base64")}`;
/** The listings the tour reads (each with a first page the server answers), as the plan has them. */
const LISTINGS = planProbes({ authProbe: true }).filter((probe) => probe.kind === "page").length;

const addFormats = addFormatsModule.default.default;
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);

let dir: string;
let server: LocalServer | undefined;
let child: ChildProcess | undefined;
beforeAll(async () => {
  assertBuilt();
  dir = await mkdtemp(join(tmpdir(), "video-logs-interrupted-"));
});
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await server?.close();
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/**
 * A server that answers each listing's first page (the credentials right, the tour's pin and page size, no page number)
 * with a page that links to a second one and breaks the spec once; every other request is held open, never answered.
 * `secondPages` resolves once every listing has asked for its second page.
 */
async function answeringFirstPages() {
  const held: ServerResponse[] = [];
  let asked = 0;
  let allAsked: () => void;
  const secondPages = new Promise<void>((resolve) => (allAsked = resolve));
  let answered = 0;
  server = await startLocalServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const query = url.searchParams;
    const firstPage =
      req.headers.authorization === AUTHORIZATION &&
      url.pathname === "/api/video/logs" &&
      query.has("page_size") &&
      !query.has("page_number") &&
      !Number.isNaN(Date.parse(query.get("created_before") ?? ""));
    if (firstPage) {
      const next = new URLSearchParams(query);
      next.set("page_number", "1");
      const links = {
        self: `/api/video/logs?${query}`,
        first: `/api/video/logs?${query}`,
        next: `/api/video/logs?${next}`,
      };
      const data = [completedLog, { ...completedLog, id: "00000000-0000-4000-8000-000000000001", charge: "0.01" }];
      return sendJson(res, 200, { links, data }, { "x-request-id": `first-page-${++answered}` });
    }
    held.push(res);
    if (query.get("page_number") === "1" && ++asked === LISTINGS) allAsked();
  });
  return { held, secondPages, url: server.url };
}

/** The built executable, started; `ended` resolves once it has exited and its output is closed. */
function startCheck(args: string[]) {
  let stderr = "";
  child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: cliEnv(env), stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.resume();
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const ended = new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    child!.once("error", reject);
    child!.once("close", (code) => resolve({ code, stderr }));
  });
  return { child, ended };
}

const stillRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("video-logs check interrupted by Ctrl-C", () => {
  it("writes every report of what was judged, marked interrupted, and exits 2", async () => {
    const { held, secondPages, url } = await answeringFirstPages();
    const files = { json: "r.json", junit: "r.xml", markdown: "r.md", text: "r.txt" };
    const reports = Object.entries(files).flatMap(([format, file]) => ["--report", `${format}=${join(dir, file)}`]);
    const run = startCheck(["check", "--base-url", url, "--quiet", ...reports]);
    await secondPages;
    expect(held.length).toBeGreaterThanOrEqual(LISTINGS);
    run.child.kill("SIGINT");
    const { code, stderr } = await run.ended;

    expect(code).toBe(2);
    expect(stderr).toBe(
      "The check was interrupted (SIGINT): the reports hold what was judged before; the check is incomplete.\n",
    );
    expect(stillRunning(run.child.pid!)).toBe(false);

    const report = JSON.parse(await readFile(join(dir, files.json), "utf8")) as DriftReport;
    const validate = ajv.compile(JSON.parse(await readFile(join(ROOT, "schemas/drift-report.schema.json"), "utf8")));
    expect(validate(report) ? [] : validate.errors).toEqual([]);
    expect(report.interrupted).toEqual({ reason: "SIGINT" });
    // Each listing's first page, judged before the interruption; nothing of the requests held open.
    expect(report.exchanges.map(({ kind, status, requestId }) => ({ kind, status, requestId }))).toEqual(
      Array.from({ length: LISTINGS }, () => ({
        kind: "page",
        status: 200,
        requestId: expect.stringMatching(/^first-page-\d$/),
      })),
    );
    expect(report.summary).toMatchObject({ checked: LISTINGS, errors: 0, breaking: 1 });
    expect(report.findings.map(({ pointer, count }) => ({ pointer, count }))).toEqual([
      { pointer: "/data/*/charge", count: LISTINGS },
    ]);
    const note = `the check was interrupted (SIGINT): the tour stopped sending; this report holds the ${LISTINGS} response(s) judged before, not the rest of the plan`;
    expect(report.notes).toContain(note);

    const text = await readFile(join(dir, files.text), "utf8");
    expect(text.split("\n")[0]).toMatch(
      new RegExp(
        `^INCOMPLETE: 1 breaking, 0 additive findings; \\d+ requests, ${LISTINGS} judged: 0 conform, ${LISTINGS} with breaking drift \\(`,
      ),
    );
    expect(text).toContain(`note: ${note}\n`);

    const markdown = await readFile(join(dir, files.markdown), "utf8");
    expect(markdown.split("\n")[0]).toBe("### ⚠️ Video Logs API drift check");
    expect(markdown).toContain("INCOMPLETE");

    const junit = await readFile(join(dir, files.junit), "utf8");
    const parser = new SaxesParser();
    const properties: Record<string, string> = {};
    parser.on("opentag", (tag) => {
      if (tag.name === "property") properties[String(tag.attributes.name)] = String(tag.attributes.value);
    });
    parser.write(junit).close();
    expect(properties).toEqual({ interrupted: "SIGINT" });
  });
});
