import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createVideoLogsClient,
  type InvalidInputError,
  isInvalidInputError,
  type ListLogsQuery,
} from "../../src/index.ts";
import { type LocalServer, sendJson, startLocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, completedLog, PROJECT_ID } from "../helpers/sample-bodies.ts";

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer((_req, res) => sendJson(res, 200, completedLog));
});
afterAll(() => server.close());

const credentials = { projectId: PROJECT_ID, apiToken: API_TOKEN };
const noEnv = { env: {} };

function thrown(fn: () => unknown): InvalidInputError {
  try {
    fn();
  } catch (error) {
    if (isInvalidInputError(error)) return error;
    throw error;
  }
  throw new Error("expected an InvalidInputError");
}

describe("bad input is refused with an InvalidInputError before anything is sent", () => {
  it.each([
    ["a numeric id", "42"],
    ["an empty id", ""],
    ["a path traversal", "../../admin"],
    ["a UUID with a trailing query", "c22d24f6-5a47-4597-9a23-c7d01e696b92?x=1"],
  ])("getLog refuses %s", async (_label, id) => {
    const client = createVideoLogsClient({ baseUrl: server.url, ...credentials });
    const before = server.requests.length;
    await expect(client.getLog(id)).rejects.toMatchObject({ name: "InvalidInputError", field: "id" });
    expect(server.requests.length).toBe(before);
  });

  it.each<[string, ListLogsQuery, string]>([
    ["page_size above 1000", { page_size: 1001 }, "query.page_size"],
    ["page_size 0", { page_size: 0 }, "query.page_size"],
    ["a negative page_number", { page_number: -1 }, "query.page_number"],
    ["a fractional page_size", { page_size: 2.5 }, "query.page_size"],
    ["a created_on that is no date", { created_on: "yesterday" }, "query.created_on"],
    ["an unknown parameter", { page: 2 } as unknown as ListLogsQuery, "query.page"],
  ])("listLogs refuses %s", async (_label, query, field) => {
    const client = createVideoLogsClient({ baseUrl: server.url, ...credentials });
    const before = server.requests.length;
    await expect(client.listLogs(query)).rejects.toMatchObject({ name: "InvalidInputError", field });
    expect(server.requests.length).toBe(before);
  });

  it.each(["exa mple", "example.com", "evil.example.org/x", "-example", "a@b", "example.signalwire.com.evil.org", ""])(
    "refuses the Space name %j",
    (space) => {
      expect(thrown(() => createVideoLogsClient({ space, ...credentials, ...noEnv })).field).toBe("space");
    },
  );

  it("turns a Space name into its signalwire.com host and nothing else", () => {
    expect(createVideoLogsClient({ space: "Example", ...credentials }).baseUrl).toBe("https://example.signalwire.com");
    expect(createVideoLogsClient({ space: "example.signalwire.com", ...credentials }).baseUrl).toBe(
      "https://example.signalwire.com",
    );
  });

  it.each([
    "http://example.signalwire.com",
    "http://10.0.0.5:4010",
    "ftp://127.0.0.1",
    "https://user:pass@example.signalwire.com",
    "https://example.signalwire.com/?token=1",
    "not a url",
  ])("refuses the base URL %s", (baseUrl) => {
    const error = thrown(() => createVideoLogsClient({ baseUrl, ...credentials }));
    expect(error.field).toBe("baseUrl");
    expect(error.message).not.toContain("pass");
  });

  it.each(["http://127.0.0.1:4010", "http://localhost:4010", "http://[::1]:4010", "https://proxy.internal.example/sw"])(
    "accepts the base URL %s",
    (baseUrl) => {
      expect(() => createVideoLogsClient({ baseUrl, ...credentials })).not.toThrow();
    },
  );

  it("names the environment variable when credentials are missing", () => {
    const noToken = thrown(() => createVideoLogsClient({ baseUrl: server.url, projectId: PROJECT_ID, ...noEnv }));
    expect(noToken).toMatchObject({ field: "apiToken" });
    expect(noToken.message).toContain("SIGNALWIRE_API_TOKEN");
    const noProject = thrown(() => createVideoLogsClient({ baseUrl: server.url, apiToken: API_TOKEN, ...noEnv }));
    expect(noProject).toMatchObject({ field: "projectId" });
  });

  it("reads space and credentials from the SIGNALWIRE_* environment", () => {
    const env = { SIGNALWIRE_SPACE: "acme", SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: API_TOKEN };
    expect(createVideoLogsClient({ env }).baseUrl).toBe("https://acme.signalwire.com");
  });

  it("refuses a missing target", () => {
    expect(thrown(() => createVideoLogsClient({ ...credentials, ...noEnv })).field).toBe("space");
  });

  it.each([
    [{ timeoutMs: 0 }, "timeoutMs"],
    [{ retries: -1 }, "retries"],
    [{ validation: "lenient" }, "validation"],
  ])("refuses the option %j", (option, field) => {
    expect(
      thrown(() => createVideoLogsClient({ baseUrl: server.url, ...credentials, ...(option as object) })).field,
    ).toBe(field);
  });
});
