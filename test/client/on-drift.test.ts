// The client's `onDrift` and `driftSummary()`: every finding of every judged response, additive ones in tolerant mode
// too, grouped by fingerprint: the handler hears of each once, later occurrences are counted; credentials removed.
import { afterEach, describe, expect, it } from "vitest";
import { checkOfViolation, foundBy } from "../../src/findings/finding.ts";
import { fingerprintOf } from "../../src/findings/fingerprint.ts";
import { groupFindings, type JudgedExchange } from "../../src/findings/group-findings.ts";
import {
  ApiError,
  ContractViolationError,
  createVideoLogsClient,
  type DriftFinding,
  InvalidInputError,
  validateResponse,
} from "../../src/index.ts";
import { sendJson } from "../helpers/local-server.ts";
import { API_TOKEN, completedLog, PROJECT_ID, pageOf } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";

const servers = serverPerTest();
const additive = { ...completedLog, recording_url: "https://x" };
const breaking = { ...completedLog, charge: "0.01" };

/** The finding of the added `recording_url`, first seen in the response at `index`, with these request ids. */
function recordingUrlFinding(count: number, requestIds: (string | null)[]): DriftFinding {
  return {
    fingerprint: fingerprintOf({
      check: "response-schema",
      operation: "get_log",
      status: 200,
      pointer: "/recording_url",
      keyword: "additionalProperties",
    }),
    check: "response-schema",
    operation: "get_log",
    status: 200,
    pointer: "/recording_url",
    keyword: "additionalProperties",
    severity: "additive",
    count,
    requests: requestIds.map((requestId, exchange) => ({ requestId, exchange })),
    example: {
      message: 'unexpected property "recording_url" (not in the spec)',
      expected: "(absent)",
      actual: '"https://x"',
      curl: "",
      requestId: requestIds[0]!,
    },
  };
}

describe("onDrift", () => {
  it("hears of additive drift in tolerant mode once, and later occurrences are counted", async () => {
    const heard: DriftFinding[] = [];
    const client = await servers.clientWith(
      (_req, res, index) => sendJson(res, 200, additive, { "x-request-id": `req-${index}` }),
      { onDrift: (finding) => heard.push(finding) },
    );
    for (let i = 0; i < 3; i++) await expect(client.getLog(completedLog.id)).resolves.toEqual(additive);
    expect(heard).toEqual([recordingUrlFinding(1, ["req-0"])]);
    expect(client.driftSummary()).toEqual([recordingUrlFinding(3, ["req-0", "req-1", "req-2"])]);
  });

  it("hears of breaking drift once too, and the client still throws a ContractViolationError for each call", async () => {
    const heard: DriftFinding[] = [];
    const client = await servers.clientWith((_req, res) => sendJson(res, 200, breaking), {
      onDrift: (finding) => heard.push(finding),
    });
    await expect(client.getLog(completedLog.id)).rejects.toBeInstanceOf(ContractViolationError);
    await expect(client.getLog(completedLog.id)).rejects.toBeInstanceOf(ContractViolationError);
    const charge: DriftFinding = {
      fingerprint: fingerprintOf({
        check: "response-schema",
        operation: "get_log",
        status: 200,
        pointer: "/charge",
        keyword: "type",
      }),
      check: "response-schema",
      operation: "get_log",
      status: 200,
      pointer: "/charge",
      keyword: "type",
      severity: "breaking",
      count: 1,
      requests: [{ requestId: null, exchange: 0 }],
      example: {
        message: "expected number, got string",
        expected: "number",
        actual: '"0.01"',
        curl: "",
        requestId: null,
      },
    };
    expect(heard).toEqual([charge]);
    expect(client.driftSummary()).toEqual([
      { ...charge, count: 2, requests: [...charge.requests, { requestId: null, exchange: 1 }] },
    ]);
  });

  it("hears of a status the spec does not declare, and the call still throws its ApiError", async () => {
    const heard: DriftFinding[] = [];
    const client = await servers.clientWith((_req, res) => sendJson(res, 418, { error: "teapot" }), {
      onDrift: (finding) => heard.push(finding),
      retries: 0,
    });
    await expect(client.getLog(completedLog.id)).rejects.toBeInstanceOf(ApiError);
    expect(heard).toEqual([
      {
        fingerprint: fingerprintOf({
          check: "status-code",
          operation: "get_log",
          status: 418,
          pointer: "",
          keyword: "status",
        }),
        check: "status-code",
        operation: "get_log",
        status: 418,
        pointer: "",
        keyword: "status",
        severity: "breaking",
        count: 1,
        requests: [{ requestId: null, exchange: 0 }],
        example: {
          message: "status 418 is not declared for get_log",
          expected: "one of 200, 400, 401, 403, 404, 422, 500",
          actual: "418",
          curl: "",
          requestId: null,
        },
      },
    ]);
  });

  it("judges every response with validation off too: the mode decides only what throws", async () => {
    const heard: DriftFinding[] = [];
    const client = await servers.clientWith((_req, res) => sendJson(res, 200, breaking), {
      onDrift: (finding) => heard.push(finding),
      validation: "off",
    });
    await expect(client.getLog(completedLog.id)).resolves.toEqual(breaking);
    expect(heard.map((finding) => `${finding.severity} ${finding.pointer}`)).toEqual(["breaking /charge"]);
  });

  it("removes the credentials from what it hands over: an echoed token in a value, a property name and a request id", async () => {
    const echoed = { ...completedLog, echoed: API_TOKEN, [API_TOKEN]: 1 };
    const heard: DriftFinding[] = [];
    const client = await servers.clientWith(
      (_req, res) => sendJson(res, 200, echoed, { "x-request-id": `id-${API_TOKEN}` }),
      { onDrift: (finding) => heard.push(finding) },
    );
    await client.getLog(completedLog.id);
    await client.getLog(completedLog.id);
    expect(heard).toHaveLength(2);
    const handed = JSON.stringify([heard, client.driftSummary()]);
    expect(handed).not.toContain(API_TOKEN);
    expect(handed).not.toContain(PROJECT_ID);
    expect(heard.map(({ pointer, example }) => [pointer, example.actual, example.requestId])).toEqual([
      ["/echoed", '"[REDACTED]"', "id-[REDACTED]"],
      ["/[REDACTED]", "1", "id-[REDACTED]"],
    ]);
  });

  it("driftSummary after many calls equals the findings of those responses grouped as the drift check groups them", async () => {
    const pages = [
      pageOf(3, { self: "/api/video/logs", first: "/api/video/logs", next: "/api/video/logs?page_token=2" }),
      pageOf(2, { self: "/api/video/logs?page_token=2", first: "/api/video/logs" }, 3),
    ];
    (pages[0]!.data[1] as Record<string, unknown>).charge = "0.01";
    (pages[1]!.data[0] as Record<string, unknown>).recording_url = "https://x";
    (pages[1]!.data[1] as Record<string, unknown>).recording_url = "https://y";
    const bodies: [string, unknown][] = [];
    const client = await servers.clientWith(
      (req, res, index) => {
        const url = new URL(req.url!, "http://x");
        const body = url.pathname.endsWith("/logs")
          ? pages[url.searchParams.has("page_token") ? 1 : 0]
          : [completedLog, additive, breaking][index % 3];
        bodies.push([url.pathname.endsWith("/logs") ? "list_logs" : "get_log", body]);
        sendJson(res, 200, body, { "x-request-id": `req-${index}` });
      },
      { onDrift: () => undefined, validation: "strict" },
    );
    for (let i = 0; i < 6; i++) await client.getLog(completedLog.id, { onValidated: () => undefined });
    for await (const _log of client.iterateLogs({}, { onValidated: () => undefined }));

    const expected: JudgedExchange[] = bodies.map(([operation, body], index) => ({
      operation,
      status: 200,
      requestId: `req-${index}`,
      curl: "",
      violations: validateResponse(operation as "get_log", 200, body).map((v) => foundBy(checkOfViolation(v), v)),
    }));
    expect(bodies).toHaveLength(8);
    expect(client.driftSummary()).toEqual(groupFindings(expected));
    expect(client.driftSummary().map((f) => `${f.severity} ${f.operation} ${f.pointer} ${f.count}`)).toEqual([
      "breaking get_log /charge 2",
      "breaking list_logs /data/*/charge 1",
      "additive get_log /recording_url 2",
      "additive list_logs /data/*/recording_url 1",
    ]);
  });

  describe("a handler that throws", () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    afterEach(() => {
      process.off("warning", onWarning);
      warnings.length = 0;
    });

    it("does not fail the request: the body comes, the error is a process warning, the finding stays counted", async () => {
      process.on("warning", onWarning);
      const client = await servers.clientWith((_req, res) => sendJson(res, 200, additive), {
        onDrift: () => {
          throw new Error(`handler broke on ${API_TOKEN}`);
        },
      });
      await expect(client.getLog(completedLog.id)).resolves.toEqual(additive);
      await expect(client.getLog(completedLog.id)).resolves.toEqual(additive);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map(({ name, message }) => ({ name, message }))).toEqual([
        { name: "VideoLogsDriftHandlerWarning", message: "onDrift threw: Error: handler broke on [REDACTED]" },
      ]);
      expect(client.driftSummary().map((finding) => finding.count)).toEqual([2]);
    });
  });

  it("is off unless given: driftSummary is empty, and a value that is not a function is refused by name", async () => {
    const client = await servers.clientWith((_req, res) => sendJson(res, 200, additive));
    await client.getLog(completedLog.id);
    expect(client.driftSummary()).toEqual([]);
    const create = () =>
      createVideoLogsClient({
        baseUrl: client.baseUrl,
        projectId: PROJECT_ID,
        apiToken: API_TOKEN,
        onDrift: "log" as never,
      });
    expect(create).toThrow(InvalidInputError);
    expect(create).toThrow("Invalid onDrift: expected a function, got a string");
  });
});
