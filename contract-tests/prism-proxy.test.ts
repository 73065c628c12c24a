// Prism's validating proxy in front of a server that drifted (the replay server's `drifted` set): it must point out
// the drift of each drifted response and stay silent for a conforming one. Prism 5.16 reports response violations in an
// `sl-violations` header and passes the upstream response through; with `--errors` it replaces a violating response
// with a 500 problem+json whose `validation` lists them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PrismServer, startPrismProxy } from "../src/mock/start-prism.ts";
import type { OperationId } from "../src/operations/operation-table.ts";
import { validateResponse } from "../src/validation/validate-response.ts";
import { type ReplayServer, startReplayServer } from "./replay/replay-server.ts";

const PROJECT = "7c2e5a90-1d4b-4f38-9a6e-0b3c8d2f1e47";
const TOKEN = "PTproxy-token-for-tests";
const AUTH = { authorization: `Basic ${Buffer.from(`${PROJECT}:${TOKEN}`).toString("base64")}` };

const CLEAN_LOG = "/api/video/logs/61c0e9d4-3b7a-4f25-9e80-a4d2c7b1f358";
const PAGE_2 = "/api/video/logs?page_number=1&page_token=PA7e1b";
const PAGE_3 = "/api/video/logs?page_number=2&page_token=PAc91f";
const LOG_WITH_EXTRA_FIELD = "/api/video/logs/b81c6e04-92d3-4a5f-8c17-6e0d3b9a2f58";
const UNKNOWN_LOG = "/api/video/logs/00000000-0000-4000-8000-000000000000";

interface PrismViolation {
  location: (string | number)[];
  severity: string;
  code: string | number;
  message: string;
}

let upstream: ReplayServer;
let reporting: PrismServer; // passes responses through, reports in a header
let failing: PrismServer; // --errors

// Two Prism processes start at once, beside the contract files that start their own: seconds on a busy 2-core machine.
beforeAll(async () => {
  upstream = await startReplayServer({ fixtureSet: "drifted", projectId: PROJECT, apiToken: TOKEN });
  [reporting, failing] = await Promise.all([
    startPrismProxy({ upstream: upstream.url }),
    startPrismProxy({ upstream: upstream.url, errors: true }),
  ]);
}, 30_000);

afterAll(async () => {
  await Promise.all([reporting?.stop(), failing?.stop()]);
  await upstream?.stop();
});

function violationsHeader(response: Response): PrismViolation[] {
  const header = response.headers.get("sl-violations");
  return header === null ? [] : (JSON.parse(header) as PrismViolation[]);
}

/** Prism's location of a response-body violation as a JSON pointer, e.g. ["response","body","data","0"] → "/data/0". */
function bodyPointer(violation: PrismViolation): string | undefined {
  const [where, part, ...rest] = violation.location.map(String);
  if (where !== "response" || part !== "body") return undefined;
  return rest.map((segment) => `/${segment}`).join("");
}

async function direct(path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(upstream.url + path, { headers: AUTH });
  return { status: response.status, body: await response.json() };
}

describe("Prism's validating proxy in front of a drifted server", () => {
  it("never sends its readiness probe to the upstream", () => {
    expect(upstream.requests).toEqual([]);
  });

  it("passes a conforming response through unchanged and reports nothing", async () => {
    const response = await fetch(reporting.url + CLEAN_LOG, { headers: AUTH });
    expect(response.status).toBe(200);
    expect(response.headers.get("sl-violations")).toBeNull();
    const body = await response.json();
    expect(body).toEqual((await direct(CLEAN_LOG)).body);
    expect(validateResponse("get_log", 200, body, { mode: "strict" })).toEqual([]);
    // The credentials reached the upstream.
    expect(upstream.requests.filter((request) => request.url === CLEAN_LOG).every((r) => r.authorized)).toBe(true);
  });

  it("reports the drifted fields of a list page in sl-violations while passing the page through", async () => {
    const response = await fetch(reporting.url + PAGE_2, { headers: AUTH });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual((await direct(PAGE_2)).body);
    const violations = violationsHeader(response);
    expect(violations).toContainEqual(
      expect.objectContaining({
        location: ["response", "body", "data", "0", "charge"],
        code: "type",
        severity: "Error",
      }),
    );
    expect(violations).toContainEqual(
      expect.objectContaining({
        location: ["response", "body", "data", "2", "status"],
        code: "enum",
        severity: "Error",
      }),
    );
    // Prism explains every anyOf branch, so it also complains about the untouched log's parent object, but never about
    // a log that did not drift.
    const pointers = new Set(violations.map(bodyPointer));
    expect([...pointers].every((pointer) => pointer?.startsWith("/data/0") || pointer?.startsWith("/data/2"))).toBe(
      true,
    );
  });

  it("reports a missing links.self and a 404 body of the wrong shape", async () => {
    const page3 = await fetch(reporting.url + PAGE_3, { headers: AUTH });
    expect(page3.status).toBe(200);
    expect(violationsHeader(page3)).toEqual([
      expect.objectContaining({
        location: ["response", "body", "links"],
        code: "required",
        message: expect.stringContaining("'self'"),
      }),
    ]);

    const missing = await fetch(reporting.url + UNKNOWN_LOG, { headers: AUTH });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: "not found" });
    const codes = violationsHeader(missing).map((violation) => [bodyPointer(violation), violation.code]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ["", "required"],
        ["", "additionalProperties"],
      ]),
    );
  });

  it("agrees with our validator on which responses drifted", async () => {
    const cases: [OperationId, string][] = [
      ["get_log", CLEAN_LOG],
      ["list_logs", PAGE_2],
      ["list_logs", PAGE_3],
      ["get_log", LOG_WITH_EXTRA_FIELD],
      ["get_log", UNKNOWN_LOG],
      ["list_logs", "/api/video/logs"],
    ];
    for (const [operationId, path] of cases) {
      const response = await fetch(reporting.url + path, { headers: AUTH });
      const ours = validateResponse(operationId, response.status, await response.json(), { mode: "strict" });
      const prisms = violationsHeader(response).filter((violation) => bodyPointer(violation) !== undefined);
      expect({ path, prismFlagsIt: prisms.length > 0 }).toEqual({ path, prismFlagsIt: ours.length > 0 });
    }
  });

  it("with --errors, replaces a drifted response by a 500 problem listing the violations", async () => {
    const response = await fetch(failing.url + PAGE_2, { headers: AUTH });
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as { type: string; validation: PrismViolation[] };
    expect(problem.type).toMatch(/#VIOLATIONS$/);
    expect(problem.validation).toContainEqual(
      expect.objectContaining({ location: ["response", "body", "data", "0", "charge"], code: "type" }),
    );
  });

  it("with --errors, still passes a conforming response through", async () => {
    const response = await fetch(failing.url + CLEAN_LOG, { headers: AUTH });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual((await direct(CLEAN_LOG)).body);
  });

  it("flags a request without credentials as a request violation", async () => {
    const reported = await fetch(`${reporting.url}/api/video/logs`);
    expect(reported.status).toBe(401);
    expect(violationsHeader(reported)).toContainEqual(expect.objectContaining({ location: ["request"], code: 401 }));

    const before = upstream.requests.length;
    const refused = await fetch(`${failing.url}/api/video/logs`);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { type: string }).type).toMatch(/#UNAUTHORIZED$/);
    expect(upstream.requests.length).toBe(before); // with --errors Prism answers itself
  });
});
