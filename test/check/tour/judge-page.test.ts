// A listing page's judge in process: conformance, the page's end, its query, and ids seen twice, each finding whole.
import { describe, expect, it } from "vitest";
import { judgePage } from "../../../src/check/tour/judge-page.ts";
import type { Exchange } from "../../../src/client/exchange.ts";
import type { PageEnd, PageStep } from "../../../src/client/page-walk.ts";
import { UnsafeRedirectError } from "../../../src/errors/unsafe-redirect-error.ts";
import { operationOf } from "../../../src/operations/operation-table.ts";
import { createSecretsRedactor } from "../../../src/redaction/secrets-redactor.ts";
import { parseJsonBody } from "../../../src/validation/parse-json-body.ts";
import { paginationViolation } from "../../../src/validation/violation-factory.ts";
import { API_TOKEN, completedLog, pageOf } from "../../helpers/sample-bodies.ts";

const redactor = createSecretsRedactor([API_TOKEN]);
const listLogs = operationOf("list_logs");
const LINKS = { self: "/api/video/logs", first: "/api/video/logs" };

function step(body: unknown, end: PageEnd = { kind: "last" }, status = 200): PageStep {
  const text = JSON.stringify(body);
  const exchange: Exchange = {
    operationId: "list_logs",
    method: "GET",
    url: "http://127.0.0.1:9/api/video/logs",
    response: new Response(null, { status, headers: { "content-type": "application/json" } }),
    bytes: new TextEncoder().encode(text),
    parsed: { ok: true, body, text },
    redactor,
  };
  const items = (body as { data?: unknown[] }).data ?? [];
  return { exchange, items, end };
}

const judge = (s: PageStep, query: Record<string, unknown> = {}, ids = new Set<string>()) =>
  judgePage(s, listLogs, query, () => "parameters-honoured", ids);

describe("judgePage", () => {
  it("finds nothing on a valid last page, and remembers its ids", () => {
    const ids = new Set<string>();
    const page = pageOf(2, LINKS);
    expect(judge(step(page), {}, ids)).toEqual({ findings: [], notes: [], broken: [] });
    expect([...ids]).toEqual(page.data.map((item) => item.id));
  });

  it("finds an id seen earlier in the listing, at its index, redacted", () => {
    const page = pageOf(2, LINKS);
    const ids = new Set([page.data[1]!.id]);
    expect(judge(step(page), {}, ids).findings).toEqual([
      {
        check: "pagination-integrity",
        kind: "breaking",
        keyword: "duplicate",
        pointer: "/data/1/id",
        message:
          "an id appears twice in one listing (read under a created_before pin, so no new item can shift the pages)",
        expected: "each id once per listing",
        actual: page.data[1]!.id,
      },
    ]);
  });

  it("finds the same id twice on one page, and ignores items without a string id", () => {
    const body = { links: LINKS, data: [completedLog, { ...completedLog }, null, { id: 5 }] };
    const { findings } = judge(step(body));
    expect(findings.filter((f) => f.check === "pagination-integrity")).toEqual([
      {
        check: "pagination-integrity",
        kind: "breaking",
        keyword: "duplicate",
        pointer: "/data/1/id",
        message:
          "an id appears twice in one listing (read under a created_before pin, so no new item can shift the pages)",
        expected: "each id once per listing",
        actual: completedLog.id,
      },
    ]);
  });

  it("adds the page end's violation under its check", () => {
    const violation = paginationViolation("links.next points back to this page", "/api/video/logs", redactor);
    const result = judge(step(pageOf(1, LINKS), { kind: "violation", violation }));
    expect(result.findings).toEqual([{ ...violation, check: "pagination-integrity" }]);
  });

  it("notes a next link that leaves the base URL, redacted, and follows it nowhere", () => {
    const next = `https://elsewhere.invalid/?t=${API_TOKEN}`;
    const body = { ...pageOf(1, LINKS), links: { ...LINKS, next } };
    const end: PageEnd = { kind: "unsafe", error: new UnsafeRedirectError("links.next", next, "http://127.0.0.1:9") };
    expect(judge(step(body, end))).toEqual({
      findings: [],
      notes: [
        'pagination-integrity: links.next leaves the base URL; not followed: "https://elsewhere.invalid/?t=[REDACTED]"',
      ],
      broken: [],
    });
  });

  it("notes an empty page that still links to a next page", () => {
    const body = { links: { ...LINKS, next: "/api/video/logs?page_token=2" }, data: [] };
    expect(judge(step(body, { kind: "next", url: "http://127.0.0.1:9/api/video/logs?page_token=2" }))).toEqual({
      findings: [],
      notes: ["pagination-integrity: an empty page still links to a next page"],
      broken: [],
    });
    expect(judge(step({ links: LINKS, data: [] })).notes).toEqual([]);
  });

  it("judges the page against its query, and says which parameters it broke", () => {
    const result = judge(step(pageOf(3, LINKS)), { page_size: 2 });
    expect(result.broken).toEqual(["page_size"]);
    expect(result.findings.map((f) => [f.check, f.keyword])).toEqual([["parameters-honoured", "page-size"]]);
  });

  it("judges no query and no ids on a response that is not a success", () => {
    const ids = new Set<string>();
    const result = judge(step(pageOf(3, LINKS), { kind: "unreadable" }, 500), { page_size: 2 }, ids);
    expect(result.broken).toEqual([]);
    expect(result.notes).toEqual([]);
    expect(result.findings.filter((f) => f.check !== "response-schema")).toEqual([
      {
        check: "not-a-server-error",
        kind: "breaking",
        keyword: "server-error",
        pointer: "",
        message: "the server failed with status 500",
        expected: "no 5xx status",
        actual: "500",
      },
    ]);
    expect(ids.size).toBe(0);
  });

  it("judges no query and no ids on a success whose body is not JSON", () => {
    const ids = new Set<string>();
    const unread = step(pageOf(3, LINKS));
    const parsed = parseJsonBody("{", redactor);
    const page: PageStep = {
      ...unread,
      exchange: { ...unread.exchange, parsed: parsed.ok ? unread.exchange.parsed : parsed },
    };
    const result = judge(page, { page_size: 2 }, ids);
    expect(result.broken).toEqual([]);
    expect(result.findings.map((f) => f.check)).not.toContain("parameters-honoured");
    expect(ids.size).toBe(0);
  });

  it("notes a next link that leaves the base URL even when the body names none", () => {
    const end: PageEnd = { kind: "unsafe", error: new UnsafeRedirectError("links.next", "x", "http://127.0.0.1:9") };
    expect(judge(step({ links: LINKS, data: [] }, end))).toEqual({
      findings: [],
      notes: ["pagination-integrity: links.next leaves the base URL; not followed: "],
      broken: [],
    });
  });

  it("notes a next link that leaves the base URL when the body has no links, or was not read", () => {
    const end: PageEnd = { kind: "unsafe", error: new UnsafeRedirectError("links.next", "x", "http://127.0.0.1:9") };
    const note = "pagination-integrity: links.next leaves the base URL; not followed: ";
    expect(judge(step({ data: [] }, end)).notes).toEqual([note]);
    const unread = step({ links: LINKS, data: [] }, end);
    const parsed = parseJsonBody("{", redactor);
    const page: PageStep = {
      ...unread,
      exchange: { ...unread.exchange, parsed: parsed.ok ? unread.exchange.parsed : parsed },
    };
    expect(judge(page).notes).toEqual([note]);
  });

  it("notes no page that holds items and links to a next page", () => {
    const page = pageOf(2, { ...LINKS, next: "/api/video/logs?page_token=2" });
    expect(judge(step(page, { kind: "next", url: "http://127.0.0.1:9/api/video/logs?page_token=2" }))).toEqual({
      findings: [],
      notes: [],
      broken: [],
    });
  });

  it("counts no item without a string id as a duplicate, however many there are", () => {
    const ids = new Set<string>();
    const body = { links: LINKS, data: [{}, {}, { id: 5 }, { id: 5 }] };
    expect(judge(step(body), {}, ids).findings.filter((f) => f.check === "pagination-integrity")).toEqual([]);
    expect(ids.size).toBe(0);
  });
});
