// runDriftCheck({ onExchange }): every response the tour judges is handed over once, with the exchange as received.
import { afterEach, describe, expect, it } from "vitest";
import { WRONG_API_TOKEN } from "../../src/check/wrong-credentials.ts";
import type { Exchange } from "../../src/client/exchange.ts";
import { createVideoLogsClient, runDriftCheck } from "../../src/index.ts";
import type { LocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { startStandInSpace } from "../helpers/stand-in-space.ts";

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("the drift check's onExchange", () => {
  it("receives every judged response once, with the real client's redactor", async () => {
    server = await startStandInSpace({ faults: ["null-url"] });
    const client = (apiToken: string) =>
      createVideoLogsClient({ baseUrl: server!.url, projectId: PROJECT_ID, apiToken, retries: 0 });
    const exchanges: Exchange[] = [];
    const report = await runDriftCheck({
      client: client(API_TOKEN),
      wrongCredentialsClient: client(WRONG_API_TOKEN),
      target: { baseUrl: server.url, kind: "base-url" },
      concurrency: 8,
      onExchange: (exchange) => exchanges.push(exchange),
    });
    const answered = report.exchanges.filter((check) => check.status !== null);
    expect(exchanges).toHaveLength(answered.length);
    expect(exchanges).toHaveLength(server.requests.length);
    expect(exchanges.map((exchange) => `${exchange.response.status} ${new URL(exchange.url).pathname}`).sort()).toEqual(
      answered.map((check) => `${check.status} ${new URL(check.url).pathname}`).sort(),
    );
    // The wrong-credentials answer is read with the real credentials' redactor, as the report is.
    const redacted = exchanges.map((exchange) => exchange.redactor.text(`${PROJECT_ID}:${API_TOKEN}`));
    expect(new Set(redacted)).toEqual(new Set(["[REDACTED]"]));
  });
});
