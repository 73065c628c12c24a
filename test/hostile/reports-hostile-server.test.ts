// Every report format, built from a drift check against a server that puts hostile text everywhere it can, read
// back as its consumer reads it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDriftCheck } from "../../src/check/run-drift-check.ts";
import { createVideoLogsClient } from "../../src/index.ts";
import { formatReport } from "../../src/report/format-report.ts";
import type { DriftReport } from "../../src/report/report-types.ts";
import { type Handler, type LocalServer, startLocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { hostileApi } from "./hostile-api.ts";
import { HOSTILE_STRINGS } from "./hostile-strings.ts";
import { RAW_CONTROL } from "./read-back.ts";
import { expectSafeJson, expectSafeJunit, expectSafeMarkdown, expectSafeText } from "./report-assertions.ts";

let server: LocalServer;
let handler: Handler;
const reports = new Map<string, DriftReport>();

beforeAll(async () => {
  server = await startLocalServer((req, res, index) => handler(req, res, index));
  const options = {
    baseUrl: server.url,
    projectId: PROJECT_ID,
    apiToken: API_TOKEN,
    validation: "off" as const,
    retries: 0,
  };
  for (const [name, hostile] of HOSTILE_STRINGS) {
    handler = hostileApi(hostile);
    reports.set(
      name,
      await runDriftCheck({
        client: createVideoLogsClient(options),
        wrongCredentialsClient: createVideoLogsClient({ ...options, apiToken: "wrong" }),
        target: { baseUrl: server.url, kind: "base-url" },
        pages: 2,
      }),
    );
  }
});
afterAll(() => server.close());

const cases = HOSTILE_STRINGS.map(([name, hostile]) => ({ name, hostile }));

/** How the text report shows the first invisible character of the hostile string, if it has one. */
function shownAs(hostile: string): string | undefined {
  const char = [...hostile].find((c) => RAW_CONTROL.test(c));
  if (char === undefined) return undefined;
  const short: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };
  const code = char.codePointAt(0)!;
  return short[char] ?? (code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`);
}

describe("the drift check against a hostile server", () => {
  it("put the hostile text where reports show it: violations, a request id, a note and a refused redirect", () => {
    const report = reports.get("an OSC sequence that sets the window title")!;
    const kinds = report.exchanges.flatMap((c) => c.violations.map((v) => v.keyword));
    expect(kinds).toEqual(expect.arrayContaining(["additionalProperties", "enum", "json", "type"]));
    expect(report.exchanges.some((c) => c.notes?.some((n) => n.includes("attacker.invalid/\\u001b]0;pwned")))).toBe(
      true,
    );
    expect(report.exchanges.some((c) => c.error?.startsWith("Refused to follow"))).toBe(true);
    expect(report.exchanges.some((c) => c.requestId?.startsWith("rq-"))).toBe(true);
  });

  it.each(cases)("in text, $name never reaches the terminal raw nor starts a line", ({ name, hostile }) => {
    const report = reports.get(name)!;
    for (const color of [false, true]) {
      const text = formatReport(report, "text", { color });
      expectSafeText(text, { color });
      // Bounded per request: the tour's length is bounded by its request budget.
      expect(text.length).toBeLessThan(4_000 * report.exchanges.length);
      expect(text).not.toContain(API_TOKEN);
    }
    const shown = shownAs(hostile);
    if (shown) expect(formatReport(report, "text")).toContain(shown);
  });

  it.each(cases)(
    "in Markdown, $name renders as text: no HTML, link, image or extra cell from the server",
    ({ name }) => {
      const report = reports.get(name)!;
      const markdown = formatReport(report, "markdown");
      expectSafeMarkdown(markdown, report);
      expect(markdown).not.toContain(API_TOKEN);
    },
  );

  it.each(cases)("in JUnit, $name leaves the XML well-formed, one testcase per check, no raw control", ({ name }) => {
    const report = reports.get(name)!;
    const xml = formatReport(report, "junit");
    expectSafeJunit(xml, report);
    expect(xml).not.toContain(API_TOKEN);
  });

  it.each(cases)("in JSON, $name keeps the report valid, lossless and free of raw controls", ({ name }) => {
    const report = reports.get(name)!;
    const json = formatReport(report, "json");
    expect(expectSafeJson(json)).toEqual(JSON.parse(JSON.stringify(report)));
    expect(json).not.toContain(API_TOKEN);
  });
});
