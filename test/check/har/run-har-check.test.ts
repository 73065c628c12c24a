// runHarCheck on recordings built here: what is judged, how, and what is skipped with why.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runHarCheck } from "../../../src/check/har/run-har-check.ts";
import type { Exchange } from "../../../src/client/exchange.ts";
import { fingerprintOf } from "../../../src/findings/fingerprint.ts";
import { reportFailed } from "../../../src/report/report-types.ts";
import { DRIFTED, driftedRecording, type EntrySpec, harRecording, writeHar } from "../../helpers/har-recording.ts";
import { completedLog, inProgressLog } from "../../helpers/sample-bodies.ts";

const dir = mkdtempSync(join(tmpdir(), "video-logs-har-check-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
const check = (entries: EntrySpec[] | { log: unknown }, options: Partial<Parameters<typeof runHarCheck>[0]> = {}) =>
  runHarCheck({
    file: writeHar(dir, `r${files++}.har`, Array.isArray(entries) ? harRecording(entries) : entries),
    ...options,
  });

const LOG_URL = `https://example.signalwire.com/api/video/logs/${completedLog.id}`;
const findingsOf = (report: Awaited<ReturnType<typeof runHarCheck>>, entry: number) =>
  report.exchanges
    .find((c) => c.name.startsWith(`entry ${entry}:`))!
    .violations.map((v) => [v.check, v.kind, v.pointer, v.keyword]);

describe("runHarCheck on the drifted recording", () => {
  it("reports each drift of the issue under the entry that holds it", async () => {
    const report = await check(driftedRecording());
    expect(report.target).toEqual({ kind: "recording", file: expect.stringMatching(/r\d+\.har$/) });
    expect(findingsOf(report, DRIFTED.additiveChargeLines)).toEqual([
      ["response-schema", "additive", "/data/0/charge_details/0/currency", "additionalProperties"],
      ["response-schema", "additive", "/data/0/charge_details/1/currency", "additionalProperties"],
      ["response-schema", "additive", "/data/1/charge_details/0/currency", "additionalProperties"],
      ["response-schema", "additive", "/data/1/charge_details/1/currency", "additionalProperties"],
    ]);
    expect(findingsOf(report, DRIFTED.chargeAsString)).toEqual([
      ["response-schema", "breaking", "/data/0/charge", "type"],
    ]);
    expect(findingsOf(report, DRIFTED.newStatusValue)).toEqual([["response-schema", "breaking", "/status", "enum"]]);
    expect(findingsOf(report, DRIFTED.missingLocked)).toEqual([["response-schema", "breaking", "/locked", "required"]]);
    expect(findingsOf(report, DRIFTED.urlNull)).toEqual([["response-schema", "breaking", "/url", "type"]]);
    expect(findingsOf(report, DRIFTED.base64Page)).toEqual([]);
    // Findings, not occurrences: the four charge lines of entry 0 are one additive drift.
    expect(report.summary).toEqual({ requests: 0, checked: 6, passed: 1, breaking: 4, additive: 1, errors: 0 });
    expect(reportFailed(report)).toBe(true);
  });

  it("lists each drift once, breaking first, with the responses that showed it and the first as its example", async () => {
    const report = await check(driftedRecording());
    const curl = (path: string) =>
      `curl -sS -u "$SIGNALWIRE_PROJECT_ID:$SIGNALWIRE_API_TOKEN" -H 'Accept: application/json' 'https://example.signalwire.com/api/video/logs${path}'`;
    const finding = (
      [operation, pointer, keyword, severity]: [string, string, string, "breaking" | "additive"],
      entry: number,
      example: { message: string; expected: string; actual: string; curl: string },
    ) => {
      const exchange = report.exchanges.findIndex((c) => c.name.startsWith(`entry ${entry}:`));
      const requestId = report.exchanges[exchange]!.requestId;
      const fields = { check: "response-schema", operation, status: 200, pointer, keyword };
      return {
        fingerprint: fingerprintOf(fields),
        ...fields,
        severity,
        count: 1,
        requests: [{ requestId, exchange }],
        example: { ...example, requestId },
      };
    };
    expect(report.exchanges.map((c) => c.requestId)).toEqual([
      "req-44-1267",
      "req-33-1201",
      "req-37-520",
      "req-37-506",
      "req-76-432",
      "req-12-1199",
    ]);
    expect(report.findings).toEqual([
      finding(["get_log", "/locked", "required", "breaking"], DRIFTED.missingLocked, {
        message: 'missing required property "locked"',
        expected: "present",
        actual: "(absent)",
        curl: curl(`/${inProgressLog.id}`),
      }),
      finding(["get_log", "/status", "enum", "breaking"], DRIFTED.newStatusValue, {
        message: '"archived" is not one of "in-progress" | "completed" | null',
        expected: '"in-progress" | "completed" | null',
        actual: '"archived"',
        curl: curl(`/${completedLog.id}`),
      }),
      finding(["get_log", "/url", "type", "breaking"], DRIFTED.urlNull, {
        message: "expected string, got null",
        expected: "string",
        actual: "null",
        curl: curl(`/${completedLog.id}?access_token=[REDACTED]`),
      }),
      finding(["list_logs", "/data/*/charge", "type", "breaking"], DRIFTED.chargeAsString, {
        message: "expected number, got string",
        expected: "number",
        actual: '"0.01"',
        curl: curl("?page_size=2&include_deleted=true"),
      }),
      // Four occurrences in one response: counted and listed once.
      finding(
        ["list_logs", "/data/*/charge_details/*/currency", "additionalProperties", "additive"],
        DRIFTED.additiveChargeLines,
        {
          message: 'unexpected property "currency" (not in the spec)',
          expected: "(absent)",
          actual: '"USD"',
          curl: curl("?page_size=2&token=[REDACTED]"),
        },
      ),
    ]);
    // Every occurrence carries the fingerprint of the finding it belongs to.
    for (const [index, exchange] of report.exchanges.entries()) {
      for (const violation of exchange.violations) {
        const grouped = report.findings.find((f) => f.fingerprint === violation.fingerprint)!;
        expect(grouped.requests.map((r) => r.exchange)).toContain(index);
      }
    }
  });

  it("counts and lists every unrelated entry with why it was not judged", async () => {
    const report = await check(driftedRecording());
    expect(report.recording).toEqual({
      entries: 10,
      judged: 6,
      skipped: 4,
      skippedMatched: 0,
      skippedEntries: [
        {
          entry: 6,
          method: "GET",
          url: "https://cdn.example.net/app.js",
          reason: "no operation of the spec has this path",
        },
        {
          entry: 7,
          method: "OPTIONS",
          url: "https://example.signalwire.com/api/video/logs",
          reason: "the spec has GET at this path, not OPTIONS",
        },
        {
          entry: 8,
          method: "GET",
          url: "https://example.signalwire.com/api/video/rooms",
          reason: "no operation of the spec has this path",
        },
        {
          entry: 9,
          method: "POST",
          url: "https://example.signalwire.com/api/video/logs",
          reason: "the spec has GET at this path, not POST",
        },
      ],
    });
  });

  it("names each check by entry, method and path with secret query values replaced, and keeps its request id", async () => {
    const report = await check(driftedRecording());
    const first = report.exchanges[0]!;
    expect(first).toMatchObject({
      kind: "recorded",
      operation: "list_logs",
      method: "GET",
      status: 200,
      durationMs: 12,
    });
    expect(first.name).toBe("entry 0: GET /api/video/logs?page_size=2&token=[REDACTED]");
    expect(first.url).toBe("https://example.signalwire.com/api/video/logs?page_size=2&token=[REDACTED]");
    expect(first.requestId).toMatch(/^req-/);
    expect(first.expectedStatus).toEqual([200, 400, 401, 403, 422, 500]);
  });

  it("runs the checks of one response and lists the ones that need planned requests as skipped", async () => {
    const report = await check(driftedRecording());
    expect(report.checksRun).toEqual([
      "response-schema",
      "status-code",
      "content-type",
      "not-a-server-error",
      "coverage",
    ]);
    expect(report.skipped.map((s) => s.check)).toEqual([
      "parameters-honoured",
      "pagination-integrity",
      "cross-endpoint-consistency",
      "negative-data",
      "authentication",
    ]);
    const only = await check(driftedRecording(), { checks: ["status-code", "negative-data"] });
    expect(only.checksRun).toEqual(["status-code"]);
    expect(only.skipped.map((s) => s.check)).toEqual(["negative-data"]);
    expect(only.summary.breaking + only.summary.additive).toBe(0);
    const without = await check(driftedRecording(), { skipChecks: ["response-schema"] });
    expect(without.exchanges.every((c) => c.passed)).toBe(true);
  });

  it("hands every judged response to onExchange once, in file order, with the decoded body", async () => {
    const seen: Exchange[] = [];
    await check(driftedRecording(), { onExchange: (exchange) => seen.push(exchange) });
    expect(seen.map((e) => e.operationId)).toEqual([
      "list_logs",
      "list_logs",
      "get_log",
      "get_log",
      "get_log",
      "list_logs",
    ]);
    const base64 = seen[DRIFTED.base64Page]!;
    expect(base64.parsed.ok && (base64.parsed.body as { data: unknown[] }).data).toHaveLength(2);
    expect(JSON.parse(new TextDecoder().decode(base64.bytes))).toEqual(
      base64.parsed.ok ? base64.parsed.body : undefined,
    );
    expect(seen.every((e) => !e.url.includes("urltoken"))).toBe(true);
  });
});

describe("runHarCheck, matching", () => {
  it("judges an operation's path on any host, a staging Space or a proxy", async () => {
    const report = await check(driftedRecording({ origin: "http://127.0.0.1:8080" }));
    expect(report.recording?.judged).toBe(6);
    expect(report.exchanges[0]!.url.startsWith("http://127.0.0.1:8080/api/video/logs")).toBe(true);
  });

  it("strips a proxy's path prefix first, and only where the path starts with it", async () => {
    const proxied = driftedRecording({ prefix: "/proxy/sw" });
    expect((await check(proxied)).recording?.judged).toBe(0);
    const report = await check(proxied, { pathPrefix: "/proxy/sw" });
    expect(report.recording?.judged).toBe(6);
    expect(
      (
        await check(
          [
            { url: LOG_URL, json: completedLog },
            { url: `https://h/proxy/swx/api/video/logs`, json: {} },
          ],
          { pathPrefix: "/proxy/sw" },
        )
      ).recording,
    ).toMatchObject({ judged: 1, skippedEntries: [{ entry: 1 }] });
  });

  it("notes that nothing was judged when no entry is an operation of the spec", async () => {
    const report = await check([{ url: "https://example.com/", text: "<html>" }]);
    expect(report.summary.checked).toBe(0);
    expect(report.notes.join("\n")).toContain("no entry of the recording is an operation of the spec");
    expect(
      (await check({ log: { version: "1.2", creator: { name: "x", version: "1" }, entries: [] } })).recording,
    ).toEqual({ entries: 0, judged: 0, skipped: 0, skippedMatched: 0, skippedEntries: [] });
  });
});

describe("runHarCheck, statuses and bodies", () => {
  it("accepts any status the operation declares and reports an undeclared one once, as status-code", async () => {
    const report = await check([
      { url: LOG_URL, status: 404, json: { errors: [{ code: "not_found", message: "Not found" }] } },
      { url: LOG_URL, status: 302, json: {} },
    ]);
    expect(findingsOf(report, 0).filter(([check]) => check === "status-code")).toEqual([]);
    expect(findingsOf(report, 1).filter(([check]) => check === "status-code")).toEqual([
      ["status-code", "breaking", "", "status"],
    ]);
  });

  it("reports a 5xx as not-a-server-error, declared body or not", async () => {
    const report = await check([
      { url: LOG_URL, status: 500, json: { errors: [{ code: "internal", message: "boom" }] } },
      { url: LOG_URL, status: 503, text: "busy", responseHeaders: { "content-type": "text/plain" } },
    ]);
    expect(findingsOf(report, 0).map(([check]) => check)).toContain("not-a-server-error");
    expect(findingsOf(report, 1).map(([check]) => check)).toEqual(
      expect.arrayContaining(["not-a-server-error", "content-type", "response-schema"]),
    );
  });

  it("judges the content type from the recorded headers", async () => {
    const report = await check([
      { url: LOG_URL, json: completedLog, responseHeaders: { "content-type": "text/html" } },
    ]);
    expect(findingsOf(report, 0)).toEqual([["content-type", "breaking", "", "content-type"]]);
  });

  it("skips an entry with no body, an unknown encoding, invalid base64 or no response, each with its reason", async () => {
    const report = await check([
      { url: LOG_URL, json: completedLog, noBody: true },
      { url: LOG_URL, json: completedLog },
      { url: LOG_URL, status: 0, json: completedLog },
      { url: LOG_URL, status: 101, text: "" },
    ]);
    expect(report.recording?.skippedEntries.map((s) => [s.entry, s.operation, s.reason])).toEqual([
      [0, "get_log", "the recording holds no body for it (no content.text)"],
      [2, "get_log", "no response was recorded (status 0: blocked, aborted or failed)"],
      [3, "get_log", "status 101 is not a final HTTP status (200 to 599)"],
    ]);
    const odd = harRecording([
      { url: LOG_URL, json: completedLog },
      { url: LOG_URL, json: completedLog },
    ]) as { log: { entries: { response: { content: Record<string, unknown> } }[] } };
    odd.log.entries[0]!.response.content.encoding = "gzip";
    odd.log.entries[1]!.response.content.encoding = "base64";
    odd.log.entries[1]!.response.content.text = "not*base64!";
    expect((await check(odd)).recording?.skippedEntries.map((s) => s.reason)).toEqual([
      'content.encoding "gzip" is not one this check reads (base64, or none for text)',
      "content.text is not valid base64 (content.encoding is base64)",
    ]);
  });

  it("decodes base64 with line breaks and either alphabet", async () => {
    const har = harRecording([{ url: LOG_URL, json: completedLog, base64: true }]) as {
      log: { entries: { response: { content: { text: string } } }[] };
    };
    const content = har.log.entries[0]!.response.content;
    content.text = content.text
      .replace(/(.{60})/g, "$1\r\n")
      .replace(/\+/g, "-")
      .replace(/\//g, "_");
    const report = await check(har);
    expect(report.exchanges[0]!.violations).toEqual([]);
  });

  it("judges a body past the limit as a size finding, as a live check does, without decoding it", async () => {
    const seen: Exchange[] = [];
    const report = await check(
      [
        { url: LOG_URL, json: completedLog },
        { url: LOG_URL, json: completedLog, base64: true },
      ],
      { maxBodyBytes: 100, onExchange: (e) => seen.push(e) },
    );
    for (const entry of [0, 1])
      expect(findingsOf(report, entry)).toEqual([["response-schema", "breaking", "", "size"]]);
    // Nothing was judged for conformance, so no Exchange was handed out.
    expect(seen).toEqual([]);
  });

  it("judges a body that is not JSON or not UTF-8 as the client does", async () => {
    const har = harRecording([
      { url: LOG_URL, text: "{nope", responseHeaders: { "content-type": "application/json" } },
      { url: LOG_URL, text: "x", responseHeaders: { "content-type": "application/json" }, base64: true },
    ]) as {
      log: { entries: { response: { content: { text: string } } }[] };
    };
    har.log.entries[1]!.response.content.text = Buffer.from([0x22, 0xff, 0x22]).toString("base64");
    const report = await check(har);
    expect(findingsOf(report, 0).map(([, , , keyword]) => keyword)).toEqual(["json"]);
    expect(findingsOf(report, 1).map(([, , , keyword]) => keyword)).toEqual(["encoding"]);
  });
});
