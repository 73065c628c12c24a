// The conformance checks of one response, in process and in full: which findings, in which order, each whole.
import { afterEach, describe, expect, it } from "vitest";
import { judgeConformance } from "../../src/check/judge-conformance.ts";
import type { Exchange } from "../../src/client/exchange.ts";
import { loadSpec } from "../../src/openapi/load-spec.ts";
import { useSpec } from "../../src/operations/active-spec.ts";
import { createSecretsRedactor } from "../../src/redaction/secrets-redactor.ts";
import { parseJsonBody } from "../../src/validation/parse-json-body.ts";
import { specTablesFromDocument } from "../../src/validation/spec-tables-from-document.ts";
import { API_TOKEN, completedLog } from "../helpers/sample-bodies.ts";

const redactor = createSecretsRedactor([API_TOKEN]);

function exchange(status: number, text: string, contentType: string | null = "application/json"): Exchange {
  const headers: Record<string, string> = contentType === null ? {} : { "content-type": contentType };
  const parsed = parseJsonBody(text, redactor);
  return {
    operationId: "get_log",
    method: "GET",
    url: "http://127.0.0.1:9/api/video/logs/x",
    response: new Response(null, { status, headers }),
    bytes: new TextEncoder().encode(text),
    parsed: parsed.ok ? { ok: true, body: parsed.body, text } : parsed,
    redactor,
  };
}

const serverError = (status: number) => ({
  check: "not-a-server-error",
  kind: "breaking",
  keyword: "server-error",
  pointer: "",
  message: `the server failed with status ${status}`,
  expected: "no 5xx status",
  actual: String(status),
});

/** The error body's finding when it lacks `error`, and when it holds a property the spec does not name. */
const missingError = {
  check: "response-schema",
  kind: "breaking",
  keyword: "required",
  pointer: "/error",
  message: 'missing required property "error"',
  expected: "present",
  actual: "(absent)",
};
const unexpectedProperty = (name: string, actual: string) => ({
  check: "response-schema",
  kind: "additive",
  keyword: "additionalProperties",
  pointer: `/${name}`,
  message: `unexpected property "${name}" (not in the spec)`,
  expected: "(absent)",
  actual,
});

describe("judgeConformance", () => {
  it("finds nothing in an expected, declared status with a valid JSON body", () => {
    expect(judgeConformance(exchange(200, JSON.stringify(completedLog)), [200], "status-code")).toEqual([]);
  });

  it("judges a 5xx the spec does not declare once: the server error, not also an undeclared status", () => {
    expect(judgeConformance(exchange(503, '{"error":"down"}'), [200], "status-code")).toEqual([serverError(503)]);
  });

  it("judges a declared 500 as a server error and its body by the schema, never as an unexpected status", () => {
    expect(judgeConformance(exchange(500, '{"unexpected":1}'), [200], "status-code")).toEqual([
      serverError(500),
      missingError,
      unexpectedProperty("unexpected", "1"),
    ]);
  });

  it("judges an undeclared 5xx the request expected once too: the server error alone", () => {
    expect(judgeConformance(exchange(503, '{"error":"down"}'), [503], "status-code")).toEqual([serverError(503)]);
    expect(judgeConformance(exchange(599, '{"error":"down"}'), [200], "negative-data")).toEqual([serverError(599)]);
  });

  it("puts an unexpected status first, under the request's check, saying when the spec does not declare it", () => {
    expect(judgeConformance(exchange(418, "{}"), [200], "negative-data")).toEqual([
      {
        check: "negative-data",
        kind: "breaking",
        keyword: "status",
        pointer: "",
        message: "expected status 200, got 418; status 418 is not declared for get_log",
        expected: "200",
        actual: "418",
      },
    ]);
  });

  it("calls a declared but unexpected status by the request's check alone, and its body by the schema", () => {
    expect(judgeConformance(exchange(404, '{"nope":true}'), [200, 400], "status-code")).toEqual([
      {
        check: "status-code",
        kind: "breaking",
        keyword: "status",
        pointer: "",
        message: "expected status 200 or 400, got 404",
        expected: "200 or 400",
        actual: "404",
      },
      missingError,
      unexpectedProperty("nope", "true"),
    ]);
  });

  it("states an undeclared status of an expected request under status-code", () => {
    expect(judgeConformance(exchange(418, "{}"), [418], "negative-data")).toEqual([
      {
        check: "status-code",
        kind: "breaking",
        keyword: "status",
        pointer: "",
        message: "status 418 is not declared for get_log",
        expected: "one of 200, 400, 401, 403, 404, 422, 500",
        actual: "418",
      },
    ]);
  });

  it("wants a body sent as application/json, with or without parameters, in any case", () => {
    const text = JSON.stringify(completedLog);
    for (const type of ["application/json", "Application/JSON; charset=utf-8", "application/json ;x=y"])
      expect(judgeConformance(exchange(200, text, type), [200], "status-code")).toEqual([]);
    const wrong = (actual: string) => ({
      check: "content-type",
      kind: "breaking",
      keyword: "content-type",
      pointer: "",
      message: "a JSON body is not sent as application/json",
      expected: "Content-Type: application/json",
      actual,
    });
    expect(judgeConformance(exchange(200, text, "text/plain"), [200], "status-code")).toEqual([wrong("text/plain")]);
    expect(judgeConformance(exchange(200, text, "application/jsonp"), [200], "status-code")).toEqual([
      wrong("application/jsonp"),
    ]);
    expect(judgeConformance(exchange(200, text, null), [200], "status-code")).toEqual([wrong("(no Content-Type)")]);
    expect(judgeConformance(exchange(200, text, `text/${API_TOKEN}`), [200], "status-code")).toEqual([
      wrong("text/[REDACTED]"),
    ]);
  });

  it("asks no content type of an empty body", () => {
    expect(judgeConformance(exchange(204, "", null), [204], "status-code").map((f) => f.check)).not.toContain(
      "content-type",
    );
  });

  it("judges a 500 the spec does not declare, which the request expected, as the server error alone", () => {
    const document = loadSpec();
    const responses = (document.paths as Record<string, { get: { responses: Record<string, unknown> } }>)[
      "/api/video/logs/{id}"
    ]!.get.responses;
    delete responses["500"];
    useSpec(specTablesFromDocument(document));
    expect(judgeConformance(exchange(500, '{"error":"down"}'), [500], "status-code")).toEqual([serverError(500)]);
  });

  it("wants application/json at the start of the Content-Type, not inside it", () => {
    expect(
      judgeConformance(exchange(200, JSON.stringify(completedLog), "text/application/json"), [200], "status-code"),
    ).toEqual([
      {
        check: "content-type",
        kind: "breaking",
        keyword: "content-type",
        pointer: "",
        message: "a JSON body is not sent as application/json",
        expected: "Content-Type: application/json",
        actual: "text/application/json",
      },
    ]);
  });
});

afterEach(() => useSpec());
