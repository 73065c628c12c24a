// The replay server as a contract-test target: its clean recording must satisfy the spec everywhere, and its drifted
// recording must be flagged exactly where the drift was injected. Judged by the same validator the client uses.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVideoLogsClient } from "../src/index.ts";
import type { OperationId } from "../src/operations/operation-table.ts";
import { validateResponse } from "../src/validation/validate-response.ts";
import type { ViolationKind } from "../src/validation/violation.ts";
import { REPLAY_FIXTURES_DIR, type ReplayServer, startReplayServer } from "./replay/replay-server.ts";

const PROJECT = "0f3a9c4e-6b1d-4e27-8a5f-2c9e7b1d4a63";
const TOKEN = "PTreplay-token-for-tests";
const AUTH = { authorization: `Basic ${Buffer.from(`${PROJECT}:${TOKEN}`).toString("base64")}` };
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

interface FetchedPage {
  url: string;
  status: number;
  body: { links: Record<string, string | undefined>; data: Record<string, unknown>[] };
}

async function getJson(
  url: string,
  headers: Record<string, string> = AUTH,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { headers, redirect: "manual" });
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return { status: response.status, body: await response.json() };
}

/**
 * Reads the first page and every page its `next` links lead to, through the client's one page walk (relative links
 * resolved against the page that holds them), with validation off: the tests judge the pages themselves.
 */
async function listAllPages(origin: string, query: Record<string, unknown> = {}): Promise<FetchedPage[]> {
  const client = createVideoLogsClient({
    baseUrl: origin,
    projectId: PROJECT,
    apiToken: TOKEN,
    validation: "off",
    retries: 0,
  });
  const pages: FetchedPage[] = [];
  for await (const { exchange, end } of client.pages("list_logs", { query })) {
    if (pages.length > 10) throw new Error("pagination does not end");
    expect(exchange.response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(exchange.parsed.ok).toBe(true);
    pages.push({
      url: exchange.url,
      status: exchange.response.status,
      body: (exchange.parsed as { body: FetchedPage["body"] }).body,
    });
    if (end.kind === "violation" || end.kind === "unsafe") throw new Error(`the walk stopped: ${JSON.stringify(end)}`);
  }
  return pages;
}

const isDiscarded = (item: Record<string, unknown>): boolean => "discarded_at" in item;

describe("the clean replay set", () => {
  let server: ReplayServer;
  beforeAll(async () => {
    server = await startReplayServer({ fixtureSet: "clean", projectId: PROJECT, apiToken: TOKEN });
  });
  afterAll(() => server.stop());

  it("validates completely on every page, following absolute and relative next links", async () => {
    const pages = await listAllPages(server.url);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) {
      expect(page.status).toBe(200);
      expect(validateResponse("list_logs", page.status, page.body, { mode: "strict" })).toEqual([]);
    }
    const nextLinks = pages.flatMap((page) => (page.body.links.next === undefined ? [] : [page.body.links.next]));
    expect(nextLinks.some((link) => link.startsWith(`${server.url}/`))).toBe(true);
    expect(nextLinks.some((link) => link.startsWith("/api/video/logs?"))).toBe(true);
    expect(pages.at(-1)?.body.links.next).toBeUndefined();

    const logs = pages.flatMap((page) => page.body.data);
    expect(logs.length).toBeGreaterThanOrEqual(7);
    expect(new Set(logs.map((log) => log.id)).size).toBe(logs.length);
    expect(logs.some((log) => log.ended_at === null && log.status === "in-progress")).toBe(true);
    expect(logs.some((log) => log.status === null)).toBe(true);
    expect(logs.some((log) => Array.isArray(log.charge_details) && log.charge_details.length === 0)).toBe(true);
  });

  it("lists deleted logs, in their discarded form, only with include_deleted=true", async () => {
    const withoutFlag = (await listAllPages(server.url)).flatMap((page) => page.body.data);
    const withFalse = (await listAllPages(server.url, { include_deleted: false })).flatMap((page) => page.body.data);
    const withTruePages = await listAllPages(server.url, { include_deleted: true });
    const withTrue = withTruePages.flatMap((page) => page.body.data);

    expect(withoutFlag.filter(isDiscarded)).toEqual([]);
    expect(withFalse).toEqual(withoutFlag);
    const deleted = withTrue.filter(isDiscarded);
    expect(deleted.length).toBeGreaterThanOrEqual(2);
    expect(withTrue.filter((item) => !isDiscarded(item))).toEqual(withoutFlag);
    // The filter survives pagination: every page reached through `next` still carries the deleted logs of that page.
    expect(withTruePages.slice(1).every((page) => page.body.data.some(isDiscarded))).toBe(true);
    for (const page of withTruePages) {
      expect(validateResponse("list_logs", page.status, page.body, { mode: "strict" })).toEqual([]);
    }
    for (const item of deleted) {
      const { status, body } = await getJson(`${server.url}/api/video/logs/${String(item.id)}`);
      expect(status).toBe(200);
      expect(body).toEqual(item);
      expect(validateResponse("get_log", status, body, { mode: "strict" })).toEqual([]);
    }
  });

  it("serves every listed log by id, and one recorded only by id, each valid per the spec", async () => {
    const listed = (await listAllPages(server.url)).flatMap((page) => page.body.data);
    const onlyById = "61c0e9d4-3b7a-4f25-9e80-a4d2c7b1f358";
    expect(listed.map((log) => log.id)).not.toContain(onlyById);
    for (const id of [...listed.map((log) => String(log.id)), onlyById]) {
      const { status, body } = await getJson(`${server.url}/api/video/logs/${id}`);
      expect(status).toBe(200);
      expect((body as { id: string }).id).toBe(id);
      expect(validateResponse("get_log", status, body, { mode: "strict" })).toEqual([]);
    }
  });

  it("answers 401 with the spec's body when the credentials are wrong or missing", async () => {
    const wrong = { authorization: `Basic ${Buffer.from(`${PROJECT}:not-the-token`).toString("base64")}` };
    for (const headers of [wrong, {}]) {
      const { status, body } = await getJson(`${server.url}/api/video/logs`, headers);
      expect(status).toBe(401);
      expect(body).toEqual({ error: "Unauthorized" });
      expect(validateResponse("list_logs", status, body, { mode: "strict" })).toEqual([]);
    }
    const lastTwo = server.requests.slice(-2);
    expect(lastTwo.map((request) => request.authorized)).toEqual([false, false]);
  });

  it("answers an unknown log id with the spec's 404 body and a malformed id with a spec-shaped 422", async () => {
    const missing = await getJson(`${server.url}/api/video/logs/${UNKNOWN_ID}`);
    expect(missing).toEqual({ status: 404, body: { error: "Not Found" } });
    expect(validateResponse("get_log", missing.status, missing.body, { mode: "strict" })).toEqual([]);

    const malformed = await getJson(`${server.url}/api/video/logs/not-a-uuid`);
    expect(malformed.status).toBe(422);
    expect(malformed.body).toMatchObject({ errors: [{ attribute: "id" }] });
    expect(validateResponse("get_log", malformed.status, malformed.body, { mode: "strict" })).toEqual([]);

    const unknownPath = await getJson(`${server.url}/api/video/rooms`);
    expect(unknownPath.status).toBe(404);
  });

  it("rejects a page_size outside 1..1000 with the spec's 422 body", async () => {
    const { status, body } = await getJson(`${server.url}/api/video/logs?page_size=1001`);
    expect(status).toBe(422);
    expect(body).toMatchObject({ errors: [{ attribute: "page_size" }] });
    expect(validateResponse("list_logs", status, body, { mode: "strict" })).toEqual([]);
  });
});

interface ExpectedDrift {
  operationId: OperationId;
  page?: number;
  id?: string | null;
  status: number;
  pointer: string;
  kind: ViolationKind;
}

describe("the drifted replay set", () => {
  const expected = JSON.parse(
    readFileSync(`${REPLAY_FIXTURES_DIR}drifted/expected-drift.json`, "utf8"),
  ) as ExpectedDrift[];
  let server: ReplayServer;
  beforeAll(async () => {
    server = await startReplayServer({ fixtureSet: "drifted", projectId: PROJECT, apiToken: TOKEN });
  });
  afterAll(() => server.stop());

  const summarize = (operationId: OperationId, status: number, body: unknown) =>
    validateResponse(operationId, status, body, { mode: "strict" }).map(({ pointer, kind }) => ({ pointer, kind }));

  it("documents drift of every kind it is meant to exercise", () => {
    expect(expected.map((entry) => entry.pointer)).toEqual(
      expect.arrayContaining(["/links/self", "/data/0/charge", "/data/2/status", "/data/1/project_id", "/error"]),
    );
    expect(new Set(expected.map((entry) => entry.kind))).toEqual(new Set(["breaking", "additive"]));
  });

  for (const query of [{}, { include_deleted: true }]) {
    it(`is flagged on exactly the expected pointers and kinds of each list page (query ${JSON.stringify(query)})`, async () => {
      const pages = await listAllPages(server.url, query);
      const found = pages.map((page) => summarize("list_logs", page.status, page.body));
      const wanted = pages.map((_page, index) =>
        expected
          .filter((entry) => entry.operationId === "list_logs" && entry.page === index + 1)
          .map(({ pointer, kind }) => ({ pointer, kind })),
      );
      expect(found).toEqual(wanted);
      expect(expected.filter((entry) => entry.operationId === "list_logs" && (entry.page ?? 0) > pages.length)).toEqual(
        [],
      );
    });
  }

  it("is flagged on exactly the expected pointers and kinds of each drifted log fetched by id", async () => {
    const ids = [
      ...new Set(expected.flatMap((entry) => (entry.operationId === "get_log" && entry.id ? [entry.id] : []))),
    ];
    expect(ids.length).toBeGreaterThanOrEqual(3);
    for (const id of ids) {
      const { status, body } = await getJson(`${server.url}/api/video/logs/${id}`);
      const entries = expected.filter((entry) => entry.operationId === "get_log" && entry.id === id);
      expect(status).toBe(entries[0]?.status);
      expect(summarize("get_log", status, body)).toEqual(entries.map(({ pointer, kind }) => ({ pointer, kind })));
    }
  });

  it("is flagged on a 404 body of the wrong shape, as a breaking and an additive violation", async () => {
    const { status, body } = await getJson(`${server.url}/api/video/logs/${UNKNOWN_ID}`);
    expect(status).toBe(404);
    const wanted = expected
      .filter((entry) => entry.operationId === "get_log" && entry.id === null && entry.status === 404)
      .map(({ pointer, kind }) => ({ pointer, kind }));
    expect(summarize("get_log", status, body)).toEqual(wanted);
    expect(validateResponse("get_log", status, body, { mode: "tolerant" }).map((v) => v.kind)).toEqual(["breaking"]);
  });

  it("still passes where nothing drifted: its 401 body and a log recorded only by id", async () => {
    const unauthorized = await getJson(`${server.url}/api/video/logs`, {});
    expect(unauthorized.status).toBe(401);
    expect(summarize("list_logs", unauthorized.status, unauthorized.body)).toEqual([]);
    const recorded = await getJson(`${server.url}/api/video/logs/61c0e9d4-3b7a-4f25-9e80-a4d2c7b1f358`);
    expect(summarize("get_log", recorded.status, recorded.body)).toEqual([]);
  });
});
