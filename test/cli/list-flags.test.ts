import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ReplayServer, startReplayServer } from "../../contract-tests/replay/replay-server.ts";
import { operationOf, parametersIn } from "../../src/operations/operation-table.ts";
import { assertBuilt, runBin } from "../helpers/cli.ts";

const PROJECT_ID = "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d";
const API_TOKEN = "PTlist-flags-secret";
const env = { SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: API_TOKEN };
let server: ReplayServer;

beforeAll(async () => {
  assertBuilt();
  server = await startReplayServer({ fixtureSet: "clean", projectId: PROJECT_ID, apiToken: API_TOKEN });
});
afterAll(() => server?.stop());

describe("video-logs list flags, derived from the spec's query parameters", () => {
  it("offers one flag per query parameter of the list operation, described from the spec", async () => {
    const { code, stdout } = await runBin(["list", "--help"], env);
    expect(code).toBe(0);
    // The help wraps a long description at 120 columns: compared with its line breaks as spaces.
    const text = stdout.replace(/\s+/g, " ");
    for (const parameter of parametersIn(operationOf("list_logs"), "query")) {
      expect(stdout).toContain(`--${parameter.name.replace(/_/g, "-")}`);
      expect(text).toContain(parameter.description!.split(". ")[0]!.replace(/\.$/, ""));
    }
  });

  it("sends each flag as its query parameter, typed by its schema", async () => {
    const before = server.requests.length;
    const { code } = await runBin(
      ["list", "--base-url", server.url, "--page-size", "2", "--page-number", "0", "--include-deleted", "--limit", "1"],
      env,
    );
    expect(code).toBe(0);
    const sent = new URL(server.requests[before]!.url, server.url).searchParams;
    expect(Object.fromEntries(sent)).toEqual({ page_size: "2", page_number: "0", include_deleted: "true" });
  });

  it("refuses an integer outside the schema's bounds with the flag's range, before sending anything", async () => {
    const before = server.requests.length;
    const { code, stderr } = await runBin(["list", "--base-url", server.url, "--page-size", "1001"], env);
    expect(code).toBe(2);
    expect(stderr).toContain("--page-size must be a whole number from 1 to 1000");
    expect(server.requests.length).toBe(before);
  });
});
