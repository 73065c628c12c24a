import { afterAll, beforeAll } from "vitest";
import { describeTargetSuite } from "./lib/target-suite.ts";
import { type ReplayServer, startReplayServer } from "./replay/replay-server.ts";

// The suite that runs against CONTRACT_BASE_URL and the live API, run here against a server that is not generated
// from the spec, so that its code path is exercised on every `npm test`.
const projectId = "replay-project";
const apiToken = "replay-token";
let server: ReplayServer;

beforeAll(async () => {
  server = await startReplayServer({ fixtureSet: "clean", projectId, apiToken });
});
afterAll(() => server?.stop());

describeTargetSuite("the target suite against the clean replay server", () => ({
  client: { baseUrl: server.url, projectId, apiToken },
  kind: "base-url",
  // A log the recording holds on its own, outside every page.
  knownLogId: "61c0e9d4-3b7a-4f25-9e80-a4d2c7b1f358",
  pages: 3,
}));
