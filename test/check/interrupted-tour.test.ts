// runDriftCheck({ signal }) aborted during the tour: it sends nothing more and resolves with the results judged
// before, marked interrupted, where it used to reject with the abort's reason.
import { afterEach, describe, expect, it } from "vitest";
import { WRONG_API_TOKEN } from "../../src/check/wrong-credentials.ts";
import { createVideoLogsClient, runDriftCheck } from "../../src/index.ts";
import type { LocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { startStandInSpace } from "../helpers/stand-in-space.ts";

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("the drift check interrupted", () => {
  it("keeps what it judged, sends nothing after, and says it was interrupted", async () => {
    server = await startStandInSpace();
    const client = (apiToken: string) =>
      createVideoLogsClient({ baseUrl: server!.url, projectId: PROJECT_ID, apiToken, retries: 0 });
    const controller = new AbortController();
    // One request at a time: the first result is final before any other request starts.
    const report = await runDriftCheck({
      client: client(API_TOKEN),
      wrongCredentialsClient: client(WRONG_API_TOKEN),
      target: { baseUrl: server.url, kind: "base-url" },
      concurrency: 1,
      signal: controller.signal,
      onResult: () => controller.abort("SIGTERM"),
    });
    expect(report.interrupted).toEqual({ reason: "SIGTERM" });
    expect(report.exchanges.map(({ kind, status, name }) => ({ kind, status, name }))).toEqual([
      { kind: "page", status: 200, name: expect.stringMatching(/^list_logs page 1 /) },
    ]);
    expect(server.requests).toHaveLength(1);
    expect(report.summary).toMatchObject({ requests: 1, checked: 1, errors: 0 });
    expect(report.notes).toEqual([
      "the check was interrupted (SIGTERM): the tour stopped sending; this report holds the 1 response(s) judged before, not the rest of the plan",
    ]);
  });
});
