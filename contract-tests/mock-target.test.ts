import { describe, expect, inject, it } from "vitest";
import { createVideoLogsClient } from "../src/index.ts";
import { declaredStatuses } from "../src/validation/validate-response.ts";
import { loadSpec } from "../src/openapi/load-spec.ts";
import { responseSchemas } from "../scripts/lib/response-schemas.ts";
import { expectConforms } from "./lib/judge.ts";

const prismUrl = inject("prismUrl");
const prismDynamicUrl = inject("prismDynamicUrl");
const credentials = { projectId: "contract-project", apiToken: "contract-token" };
const client = createVideoLogsClient({ baseUrl: prismUrl, ...credentials, validation: "off", retries: 0 });
const dynamicClient = createVideoLogsClient({ baseUrl: prismDynamicUrl, ...credentials, validation: "off", retries: 0 });

const LOG_ID = "c22d24f6-5a47-4597-9a23-c7d01e696b92";

/** Calls an operation on a client with extra headers and returns status and parsed body, whatever the status. */
async function call(target: typeof client, operationId: "get_log" | "list_logs", headers: Record<string, string> = {}) {
  const { data, error, response } =
    operationId === "get_log"
      ? await target.raw.GET("/api/video/logs/{id}", { params: { path: { id: LOG_ID } }, headers })
      : await target.raw.GET("/api/video/logs", { params: { query: { page_size: 2 } }, headers });
  return { status: response.status, body: response.ok ? data : error };
}

const responses = responseSchemas(loadSpec());

describe("the Prism mock of the spec", () => {
  const statusCases = (["get_log", "list_logs"] as const).flatMap((operationId) =>
    declaredStatuses(operationId).map((status) => ({ operationId, status: Number(status) })),
  );
  it.each(statusCases)("answers $operationId with a conforming $status body when asked for it", async ({ operationId, status }) => {
    const { status: received, body } = await call(client, operationId, { Prefer: `code=${status}` });
    expect(received).toBe(status);
    expectConforms(operationId, status, body);
  });

  const exampleCases = responses.flatMap((r) =>
    Object.entries(r.examples).map(([name, value]) => ({
      operationId: r.operationId as "get_log" | "list_logs",
      status: Number(r.status),
      name,
      value,
    })),
  );
  it.each(exampleCases)("serves the named example $name for $operationId $status", async ({ operationId, status, name, value }) => {
    const { status: received, body } = await call(client, operationId, { Prefer: `code=${status}, example=${name}` });
    expect(received).toBe(status);
    expect(body).toEqual(value);
    expectConforms(operationId, status, body);
  });

  it.each(["get_log", "list_logs"] as const)("generates %s bodies from the schemas that conform to them", async (operationId) => {
    for (let i = 0; i < 5; i++) {
      const { status, body } = await call(dynamicClient, operationId);
      expect(status).toBe(200);
      expectConforms(operationId, status, body);
    }
  });
});

describe("the Prism mock checks requests like the API does", () => {
  it("answers a non-UUID id with a conforming 422", async () => {
    const response = await fetch(`${prismUrl}/api/video/logs/not-a-uuid`, {
      headers: { authorization: `Basic ${Buffer.from("p:t").toString("base64")}` },
    });
    expect(response.status).toBe(422);
    expectConforms("get_log", 422, await response.json());
  });

  it("answers page_size=1001 with a conforming 422", async () => {
    const response = await fetch(`${prismUrl}/api/video/logs?page_size=1001`, {
      headers: { authorization: `Basic ${Buffer.from("p:t").toString("base64")}` },
    });
    expect(response.status).toBe(422);
    expectConforms("list_logs", 422, await response.json());
  });

  it("answers a request without credentials with a conforming 401", async () => {
    const response = await fetch(`${prismUrl}/api/video/logs`);
    expect(response.status).toBe(401);
    expectConforms("list_logs", 401, await response.json());
  });
});
