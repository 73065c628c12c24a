import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContractViolationError, createVideoLogsClient } from "../../src/index.ts";
import { type LocalServer, sendJson, startLocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, completedLog, PROJECT_ID, VALID_ID } from "../helpers/sample-bodies.ts";

// One server answering by id: an additive drift, a breaking drift, and a clean log.
const ADDITIVE = "11111111-1111-4111-8111-111111111111";
const BREAKING = "22222222-2222-4222-8222-222222222222";
let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    if (req.url?.endsWith(ADDITIVE)) return sendJson(res, 200, { ...completedLog, recording_url: "https://x" });
    if (req.url?.endsWith(BREAKING)) return sendJson(res, 200, { ...completedLog, charge: "0.01" });
    return sendJson(res, 200, completedLog);
  });
});
afterAll(() => server.close());

const client = (validation: "strict" | "tolerant" | "off") =>
  createVideoLogsClient({ baseUrl: server.url, projectId: PROJECT_ID, apiToken: API_TOKEN, validation });

describe("validation modes", () => {
  it("tolerant is the default and lets an unknown property through", async () => {
    const tolerant = createVideoLogsClient({ baseUrl: server.url, projectId: PROJECT_ID, apiToken: API_TOKEN });
    await expect(tolerant.getLog(ADDITIVE)).resolves.toMatchObject({ recording_url: "https://x" });
  });

  it("tolerant throws on a breaking difference", async () => {
    await expect(client("tolerant").getLog(BREAKING)).rejects.toMatchObject({
      name: "ContractViolationError",
      violations: [{ pointer: "/charge", kind: "breaking" }],
      body: { charge: "0.01" },
    });
  });

  it("strict throws on an unknown property too", async () => {
    const error = await client("strict").getLog(ADDITIVE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractViolationError);
    expect((error as ContractViolationError).violations).toMatchObject([{ pointer: "/recording_url", kind: "additive" }]);
    expect((error as ContractViolationError).message).toContain("/recording_url");
  });

  it("off returns whatever the server sent", async () => {
    await expect(client("off").getLog(BREAKING)).resolves.toMatchObject({ charge: "0.01" });
  });

  it("strict accepts a body that matches the spec", async () => {
    await expect(client("strict").getLog(VALID_ID)).resolves.toEqual(completedLog);
  });
});
