import { describe, expect, inject, it } from "vitest";
import { operationUrl } from "../src/client/exchange.ts";
import { createVideoLogsClient } from "../src/index.ts";
import { loadSpec } from "../src/openapi/load-spec.ts";
import { responseSchemas } from "../src/openapi/response-schemas.ts";
import {
  allOperations,
  type Operation,
  type OperationId,
  operationOf,
  parametersIn,
  parameterWith,
} from "../src/operations/operation-table.ts";
import { declaredStatuses } from "../src/validation/validate-response.ts";
import { expectConforms } from "./lib/judge.ts";

const prismUrl = inject("prismUrl");
const prismDynamicUrl = inject("prismDynamicUrl");
const credentials = { projectId: "contract-project", apiToken: "contract-token" };
const client = createVideoLogsClient({ baseUrl: prismUrl, ...credentials, validation: "off", retries: 0 });
const dynamicClient = createVideoLogsClient({
  baseUrl: prismDynamicUrl,
  ...credentials,
  validation: "off",
  retries: 0,
});

/** Any UUID: the static mock answers every id with the spec's example. */
const SOME_ID = "c22d24f6-5a47-4597-9a23-c7d01e696b92";

/** A valid request of any operation, from the table: its path parameters filled, a small page where it has a size. */
function paramsFor(operation: Operation) {
  const path = Object.fromEntries(parametersIn(operation, "path").map((p) => [p.name, SOME_ID]));
  const pageSize = parameterWith(operation, "x-page-size");
  return { path, query: pageSize ? { [pageSize.name]: 2 } : {} };
}

/** Calls an operation on a client with extra headers and returns status and parsed body, whatever the status. */
async function call(target: typeof client, operationId: OperationId, headers: Record<string, string> = {}) {
  const { response, parsed } = await target.exchange(operationId, paramsFor(operationOf(operationId)), { headers });
  return { status: response.status, body: parsed.ok ? parsed.body : parsed.violation };
}

const operationIdList = allOperations().map((operation) => operation.operationId as OperationId);

const responses = responseSchemas(loadSpec());

describe("the Prism mock of the spec", () => {
  const statusCases = operationIdList.flatMap((operationId) =>
    declaredStatuses(operationId).map((status) => ({ operationId, status: Number(status) })),
  );
  it.each(statusCases)(
    "answers $operationId with a conforming $status body when asked for it",
    async ({ operationId, status }) => {
      const { status: received, body } = await call(client, operationId, { Prefer: `code=${status}` });
      expect(received).toBe(status);
      expectConforms(operationId, status, body);
    },
  );

  const exampleCases = responses.flatMap((r) =>
    Object.entries(r.examples).map(([name, value]) => ({
      operationId: r.operationId as OperationId,
      status: Number(r.status),
      name,
      value,
    })),
  );
  it.each(exampleCases)(
    "serves the named example $name for $operationId $status",
    async ({ operationId, status, name, value }) => {
      const { status: received, body } = await call(client, operationId, { Prefer: `code=${status}, example=${name}` });
      expect(received).toBe(status);
      expect(body).toEqual(value);
      expectConforms(operationId, status, body);
    },
  );

  it.each(operationIdList)("generates %s bodies from the schemas that conform to them", async (operationId) => {
    for (let i = 0; i < 5; i++) {
      const { status, body } = await call(dynamicClient, operationId);
      expect(status).toBe(200);
      expectConforms(operationId, status, body);
    }
  });
});

describe("the Prism mock checks requests like the API does", () => {
  const basic = { authorization: `Basic ${Buffer.from("p:t").toString("base64")}` };
  // Raw fetch on purpose: the client would refuse these requests before sending them.
  const uuidPathOperations = allOperations().filter((o) =>
    parametersIn(o, "path").some((p) => (p.schema as { format?: unknown }).format === "uuid"),
  );
  const pageSizeOperations = allOperations().filter((o) => parameterWith(o, "x-page-size"));

  it.each(uuidPathOperations.map((o) => o.operationId))(
    "answers %s with a non-UUID id with a conforming 422",
    async (operationId) => {
      const operation = operationOf(operationId);
      const url = operationUrl(prismUrl, operation, {
        path: Object.fromEntries(parametersIn(operation, "path").map((p) => [p.name, "not-a-uuid"])),
      });
      const response = await fetch(url, { headers: basic });
      expect(response.status).toBe(422);
      expectConforms(operationId as OperationId, 422, await response.json());
    },
  );

  it.each(pageSizeOperations.map((o) => o.operationId))(
    "answers %s with a page size above its maximum with a conforming 422",
    async (operationId) => {
      const operation = operationOf(operationId);
      const pageSize = parameterWith(operation, "x-page-size")!;
      const maximum = (pageSize.schema as { maximum: number }).maximum;
      const url = operationUrl(prismUrl, operation, {
        ...paramsFor(operation),
        query: { [pageSize.name]: maximum + 1 },
      });
      const response = await fetch(url, { headers: basic });
      expect(response.status).toBe(422);
      expectConforms(operationId as OperationId, 422, await response.json());
    },
  );

  it.each(operationIdList)("answers %s without credentials with a conforming 401", async (operationId) => {
    const response = await fetch(operationUrl(prismUrl, operationOf(operationId), paramsFor(operationOf(operationId))));
    expect(response.status).toBe(401);
    expectConforms(operationId, 401, await response.json());
  });
});
