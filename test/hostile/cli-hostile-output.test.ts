// The built CLI against hostile servers: reports on stdout and in --out files, get/list output and stderr lines.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DriftReport } from "../../src/report/report-types.ts";
import { assertBuilt, runBin, runInProcess } from "../helpers/cli.ts";
import { sendJson } from "../helpers/local-server.ts";
import { API_TOKEN, completedLog, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";
import { hostileApi } from "./hostile-api.ts";
import { HOSTILE_STRINGS } from "./hostile-strings.ts";
import { rawControls } from "./read-back.ts";
import { expectSafeJson, expectSafeJunit, expectSafeMarkdown, expectSafeText } from "./report-assertions.ts";

const env = { SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: API_TOKEN };
const servers = serverPerTest();
const outDir = mkdtempSync(join(tmpdir(), "video-logs-hostile-"));
// Every hostile string at once (the long run aside, which the in-process table covers), each in every field.
const EVERYTHING = HOSTILE_STRINGS.filter(([, s]) => s.length < 1000)
  .map(([, s]) => s)
  .join(" ");

beforeAll(() => assertBuilt());
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** The violation lines get and list write on stderr: kind, operation, pointer, message, nothing else. */
function expectViolationLines(stderr: string, operation: string): void {
  expect(rawControls(stderr)).toEqual([]);
  const lines = stderr.trimEnd().split("\n");
  expect(lines.filter((line) => !new RegExp(`^(breaking|additive) ${operation} /.*: `).test(line))).toEqual([]);
}

describe("video-logs check against a server sending hostile text in every field", () => {
  let report: DriftReport;
  beforeAll(async () => {
    const server = await servers.start(hostileApi(EVERYTHING));
    const run = await runBin(["check", "--base-url", server.url, "--format", "json", "--pages", "2"], env);
    // The refused redirect leaves one check without a response: the check is incomplete, which exits 2.
    expect(run.code).toBe(2);
    report = expectSafeJson(run.stdout);
    // The summary line (the JSON report being on stdout), then why the check is incomplete; no server text on stderr.
    expect(run.stderr).toBe(
      `DRIFT: 7 breaking, 2 additive findings; 19 requests, 18 judged: 0 conform, 16 with breaking drift, 2 with additive drift only; 1 without response (base-url ${server.url})\n` +
        "1 request(s) got no response; the check is incomplete.\n",
    );
  });

  it("writes a JSON report that is valid, schema-conformant and free of raw controls, keeping the server's text", () => {
    // The JSON text escapes the C1 CSI and the bidi override; the parsed report has them back as sent.
    // Messages quote a server's property name cut short, so look for each piece anywhere in the parsed report.
    const parsed = JSON.stringify(report);
    expect(parsed).toContain("\u009b31mred");
    expect(parsed).toContain("\u202eevil");
  });

  it.each([
    ["text", (out: string) => expectSafeText(out, report)],
    ["markdown", (out: string) => expectSafeMarkdown(out, report)],
    ["junit", (out: string) => expectSafeJunit(out, report)],
  ] as const)("writes a %s report to stdout and to --out that its reader shows as text", async (format, expectSafe) => {
    const server = await servers.start(hostileApi(EVERYTHING));
    const file = join(outDir, `report.${format}`);
    // The built executable wrote the JSON report above; this table of formats, to stdout and to --out, comes from the
    // runCli it runs, in-process (the executable's own --out writing is run in test/cli/flag-vocabulary.test.ts).
    const [toStdout, toFile] = await Promise.all([
      runInProcess(["check", "--base-url", server.url, "--format", format, "--pages", "2"], env),
      runInProcess(["check", "--base-url", server.url, "--format", format, "--pages", "2", "--out", file], env),
    ]);
    for (const run of [toStdout, toFile]) {
      expect(run.code).toBe(2);
      expect(rawControls(run.stderr)).toEqual([]);
    }
    // On stderr: where the report went, the summary line unless the text report is on stdout, and why it is incomplete.
    const summary = `DRIFT: 7 breaking, 2 additive findings; 19 requests, 18 judged: 0 conform, 16 with breaking drift, 2 with additive drift only; 1 without response (base-url ${server.url})`;
    const incomplete = "1 request(s) got no response; the check is incomplete.";
    expect(toStdout.stderr.split("\n")).toEqual([...(format === "text" ? [] : [summary]), incomplete, ""]);
    expect(toFile.stderr.split("\n")).toEqual([`Report written to ${file}`, summary, incomplete, ""]);
    for (const output of [toStdout.stdout, readFileSync(file, "utf8")]) {
      expectSafe(output);
      expect(output).not.toContain(API_TOKEN);
    }
  });
});

describe("video-logs get and list against hostile bodies", () => {
  // Hostile property names and a hostile value: the additive and enum violations quote them on stderr.
  const hostileLog = {
    ...completedLog,
    status: EVERYTHING,
    ...Object.fromEntries(HOSTILE_STRINGS.filter(([, s]) => s.length < 1000).map(([, s], i) => [`${i}${s}`, s])),
  };

  it("get prints JSON that parses back to the log sent and escapes every violation line", async () => {
    const server = await servers.start((_req, res) => sendJson(res, 200, hostileLog));
    const run = await runBin(["get", completedLog.id, "--base-url", server.url, "--validation", "strict"], env);
    expect(run.code).toBe(1);
    expect(rawControls(run.stdout)).toEqual([]);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(hostileLog)));
    expectViolationLines(run.stderr, "get_log");
    expect(run.stderr.split("\n").filter((l) => l.startsWith("additive"))).toHaveLength(
      Object.keys(hostileLog).length - Object.keys(completedLog).length,
    );
  });

  it("list prints one parseable NDJSON line per log and escapes every violation line", async () => {
    const server = await servers.start((req, res) =>
      sendJson(res, 200, { links: { self: req.url, first: req.url }, data: [hostileLog, hostileLog, completedLog] }),
    );
    const tolerant = await runBin(["list", "--base-url", server.url, "--validation", "off"], env);
    expect(tolerant.code).toBe(0);
    expect(rawControls(tolerant.stdout.replace(/\n/g, ""))).toEqual([]);
    expect(
      tolerant.stdout
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line)),
    ).toEqual(JSON.parse(JSON.stringify([hostileLog, hostileLog, completedLog])));
    // The violation lines of the built executable's stderr are read in the get test above; strict list runs in-process.
    const strict = await runInProcess(["list", "--base-url", server.url, "--validation", "strict"], env);
    expect(strict.code).toBe(1);
    expectViolationLines(strict.stderr, "list_logs");
  });
});

describe("video-logs get against a hostile status line or redirect", () => {
  let raw: Server | undefined;
  afterAll(() => raw?.close());

  /** A server on node:net: node:http refuses to send these status texts at all. */
  async function rawServer(statusLine: Buffer, headers = ""): Promise<string> {
    raw?.close();
    raw = createServer((socket) =>
      socket.once("data", () => {
        const body = '{"error":"Internal Server Error"}';
        socket.end(
          Buffer.concat([
            statusLine,
            Buffer.from(
              `\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n${headers}connection: close\r\n\r\n${body}`,
            ),
          ]),
        );
      }),
    );
    await new Promise<void>((resolve) => raw!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(raw.address() as { port: number }).port}`;
  }

  // The built executable meets the first status line; the others reach the runCli it runs, in-process.
  it.each([
    ["an OSC title and BEL", Buffer.from("HTTP/1.1 500 \u001b]0;pwned\u0007 oops", "latin1")],
    ["a CSI that clears the screen", Buffer.from("HTTP/1.1 500 \u001b[2J\u001b[Hfake prompt $ ", "latin1")],
    ["a bidi override (UTF-8)", Buffer.from("HTTP/1.1 500 \u202eerror\u202c", "utf8")],
    ["a C1 CSI (UTF-8)", Buffer.from("HTTP/1.1 500 \u009b31mred", "utf8")],
    ["a line separator (UTF-8)", Buffer.from("HTTP/1.1 500 x\u2028OK: 0 requests", "utf8")],
    ["a raw C1 byte", Buffer.from("HTTP/1.1 500 \x9b31m", "latin1")],
  ])("escapes %s in the status text on stderr and exits 1", async (name, statusLine) => {
    const url = await rawServer(statusLine);
    const args = ["get", completedLog.id, "--base-url", url];
    const run = name === "an OSC title and BEL" ? await runBin(args, env) : await runInProcess(args, env);
    expect(run.code).toBe(1);
    expect(rawControls(run.stderr)).toEqual([]);
    expect(run.stderr).toMatch(/^video-logs: 500 .*: GET http:\/\/127\.0\.0\.1:\d+\/api\/video\/logs\/\S+\n$/);
  });
});
