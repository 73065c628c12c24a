import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BundleResult } from "../../scripts/lib/bundle.ts";
import { type PrismServer, startPrismMock } from "../../src/mock/start-prism.ts";
import { validateResponse } from "../../src/validation/validate-response.ts";
import { sharedBundle } from "../helpers/shared-bundle.ts";

const AUTH = `Basic ${Buffer.from("project-id:api-token").toString("base64")}`;
const LOG_ID = "c22d24f6-5a47-4597-9a23-c7d01e696b92";

let bundle: BundleResult;
let prism: PrismServer | undefined;
let baseUrl: string;

beforeAll(async () => {
  bundle = await sharedBundle();
  // The toolkit's own launcher: a supervised Prism that stops with this process even if afterAll never runs.
  // Prism's start is CPU-bound: on a loaded 2-core machine it took more than 20 s, so the wait is generous.
  prism = await startPrismMock({ specPath: bundle.openapi30, readyTimeoutMs: 90_000 });
  baseUrl = prism.url;
}, 120_000);

afterAll(async () => {
  await prism?.stop();
});

async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { accept: "application/json", ...headers } });
  return { status: response.status, body: await response.json() };
}

describe("Prism mocking the 3.0 file", () => {
  it("serves list_logs with a 200 body that the spec's validator accepts", async () => {
    const { status, body } = await get("/api/video/logs?page_size=2", { authorization: AUTH });
    expect(status).toBe(200);
    expect(validateResponse("list_logs", status, body, { mode: "strict" })).toEqual([]);
    // The first example: the only page, so a client walking a static mock reads it and ends.
    expect(body).toEqual(bundle.doc30.components.examples.only_page.value);
  });

  it("serves get_log with a 200 body that the spec's validator accepts", async () => {
    const { status, body } = await get(`/api/video/logs/${LOG_ID}`, { authorization: AUTH });
    expect(status).toBe(200);
    expect(validateResponse("get_log", status, body, { mode: "strict" })).toEqual([]);
  });

  it.each(["completed_log", "in_progress_log", "deleted_log"])(
    "serves the named example %s of get_log, nulls included, unchanged",
    async (name) => {
      const { status, body } = await get(`/api/video/logs/${LOG_ID}`, {
        authorization: AUTH,
        prefer: `example=${name}`,
      });
      expect(status).toBe(200);
      expect(body).toEqual(bundle.doc30.components.examples[name].value);
      expect(validateResponse("get_log", status, body, { mode: "strict" })).toEqual([]);
    },
  );

  it("reads the 3.0 security and parameter schemas: no credentials gets 401, a bad page_size 422", async () => {
    const anonymous = await get("/api/video/logs");
    expect(anonymous.status).toBe(401);
    expect(validateResponse("list_logs", 401, anonymous.body)).toEqual([]);
    const outOfRange = await get("/api/video/logs?page_size=1001", { authorization: AUTH });
    expect(outOfRange.status).toBe(422);
    expect(validateResponse("list_logs", 422, outOfRange.body)).toEqual([]);
  });

  it("is checked by a validator that can fail: a mocked body with a field removed is reported", async () => {
    const { body } = await get("/api/video/logs?page_size=2", { authorization: AUTH });
    const { links: _links, ...withoutLinks } = body as Record<string, unknown>;
    expect(validateResponse("list_logs", 200, withoutLinks).length).toBeGreaterThan(0);
  });
});
