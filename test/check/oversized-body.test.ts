// A body past the client's maxBodyBytes is an answer, not silence: `check` reports it as a breaking finding of its
// check, with the status the server sent, in every report format; `get`, `list` and `check` exit 1 on it.

import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONFORMANCE_CHECKS } from "../../src/check/plan-probes.ts";
import { runDriftCheck } from "../../src/check/run-drift-check.ts";
import { CHECK_NAMES, type CheckName } from "../../src/findings/checks.ts";
import { fingerprintOf } from "../../src/findings/fingerprint.ts";
import { createVideoLogsClient } from "../../src/index.ts";
import { defaultSpecPath } from "../../src/openapi/spec-path.ts";
import { formatReport, REPORT_FORMATS } from "../../src/report/format-report.ts";
import { findingLocatorOf, readSpecLocations } from "../../src/report/spec-locations.ts";
import { assertBuilt, ROOT, runBin } from "../helpers/cli.ts";
import { type LocalServer, startLocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, PROJECT_ID } from "../helpers/sample-bodies.ts";

/** Streams `bytes` of JSON-looking whitespace then `{}`; the client hangs up once it has read enough. */
function sendLarge(res: ServerResponse, status: number, bytes: number): void {
  res.on("error", () => {});
  res.writeHead(status, { "content-type": "application/json" });
  const chunk = Buffer.alloc(1 << 20, 32);
  let sent = 0;
  const write = (): void => {
    while (sent < bytes && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once("drain", write);
    }
    if (!res.destroyed) res.end("{}");
  };
  write();
}

let server: LocalServer;
beforeAll(async () => {
  // Every request gets a 2 MiB body with the status its probe expects, or 200: only the size is wrong.
  server = await startLocalServer((req, res) => {
    const status = req.headers.authorization?.includes(Buffer.from(`${PROJECT_ID}:${API_TOKEN}`).toString("base64"))
      ? /\/logs\/./.test(req.url!)
        ? 404
        : 200
      : 401;
    sendLarge(res, status, 2 << 20);
  });
});
afterAll(() => server.close());

/** The drift check's tour of `checks` against the server above, by a client that reads at most 4096 bytes a body. */
function tourWithSmallLimit(checks: CheckName[]) {
  const options = {
    baseUrl: server.url,
    projectId: PROJECT_ID,
    apiToken: API_TOKEN,
    validation: "off" as const,
    retries: 0,
    maxBodyBytes: 4096,
  };
  return runDriftCheck({
    client: createVideoLogsClient(options),
    wrongCredentialsClient: createVideoLogsClient({ ...options, apiToken: "wrong" }),
    target: { baseUrl: server.url, kind: "base-url" },
    pages: 1,
    checks,
    // The no-credentials request is sent without the client, under the default body limit, not this client's.
    noCredentialsProbe: false,
  });
}

describe("a body larger than maxBodyBytes in the drift check", () => {
  it("is a breaking size violation of its check, with the status the server sent, and not a missing response", async () => {
    // The server answers every request with the status its probe expects; only the body's size is wrong.
    const report = await tourWithSmallLimit([...CONFORMANCE_CHECKS, "authentication"]);
    expect(report.summary.errors).toBe(0);
    expect(report.exchanges.length).toBeGreaterThan(1);
    for (const check of report.exchanges) {
      expect(check.error).toBeUndefined();
      expect(check.status).toBe(check.expectedStatus[0]);
      expect(check.violations).toEqual([
        {
          // Report v3 names the check of every finding: an unreadable body cannot match its schema.
          check: "response-schema",
          pointer: "",
          kind: "breaking",
          keyword: "size",
          message: "the body is larger than maxBodyBytes (4096 bytes); the client stopped reading it",
          expected: "a body of at most 4096 bytes",
          actual: "more than 4096 bytes",
          fingerprint: fingerprintOf({
            check: "response-schema",
            operation: check.operation,
            status: check.status,
            pointer: "",
            keyword: "size",
          }),
        },
      ]);
    }
    // One finding per operation and status, each counting every response that showed it: the two listings' pages
    // are one finding.
    expect(report.exchanges.map((c) => [c.kind, c.operation, c.status])).toEqual([
      ["page", "list_logs", 200],
      ["page", "list_logs", 200],
      ["unknown-item", "get_log", 404],
      ["wrong-credentials", "list_logs", 401],
    ]);
    expect(report.findings.map((f) => [f.check, f.operation, f.status, f.pointer, f.keyword, f.count])).toEqual([
      ["response-schema", "get_log", 404, "", "size", 1],
      ["response-schema", "list_logs", 200, "", "size", 2],
      ["response-schema", "list_logs", 401, "", "size", 1],
    ]);
    expect(report.summary.breaking).toBe(3);
    const spec = readSpecLocations(defaultSpecPath(), ROOT);
    for (const format of REPORT_FORMATS) {
      const text = formatReport(report, format, { spec: { spec, locator: findingLocatorOf(spec) } });
      expect(text, format).toContain("maxBodyBytes");
      // Markdown's table shows the message and the actual value, not what was expected; GitLab's issue the message.
      if (format === "gitlab") continue;
      expect(text, format).toContain(format === "markdown" ? "`more than 4096 bytes`" : "a body of at most 4096 bytes");
    }
  });

  it("leaves no check of the whole tour failing to run on it, the behaviour checks included", async () => {
    const report = await tourWithSmallLimit([...CHECK_NAMES]);
    expect(report.summary.errors).toBe(0);
    expect(report.exchanges.filter((check) => check.error !== undefined)).toEqual([]);
    // Each check asked for either ran or says why not.
    expect([...report.checksRun, ...report.skipped.map((skipped) => skipped.check)].sort()).toEqual(
      [...CHECK_NAMES].sort(),
    );
  });
});

describe("a body larger than the default 32 MiB on the command line", () => {
  const env = { SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: API_TOKEN };
  let big: LocalServer;
  beforeAll(async () => {
    assertBuilt();
    big = await startLocalServer((_req, res) => sendLarge(res, 200, 33 << 20));
  });
  afterAll(() => big.close());

  it("makes check exit 1 with the finding in its report, not 2 with 'Cannot reach'", async () => {
    // The size finding is a response-schema finding: its check alone reads 3 bodies of 32 MiB instead of the whole
    // tour's 12 (the whole tour meeting an oversized body is the in-process tests above).
    const args = [
      "check",
      "--checks",
      "response-schema",
      "--base-url",
      big.url,
      "--pages",
      "1",
      "--sample",
      "0",
      "--no-auth-probe",
    ];
    const { code, stdout, stderr } = await runBin(args, env);
    expect(stderr).not.toContain("Cannot reach");
    expect(code).toBe(1);
    expect(stdout).toContain("the body is larger than maxBodyBytes (33554432 bytes)");
  }, 60_000);

  it.each([["list"], ["get", "3f1e8a52-9d5c-4b0e-8f7a-2c6d9e4b1a07"]])(
    "makes %s exit 1, the API having answered, naming the limit",
    async (...args) => {
      const { code, stderr } = await runBin([...args, "--base-url", big.url], env);
      expect(code).toBe(1);
      expect(stderr).toContain("maxBodyBytes (33554432 bytes)");
    },
    60_000,
  );
});
