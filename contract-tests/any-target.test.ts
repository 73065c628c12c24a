import { describe, it } from "vitest";
import { describeTargetSuite } from "./lib/target-suite.ts";

// Any server that speaks the API: a proxy, a recorder, a staging host. Credentials come from SIGNALWIRE_*.
const baseUrl = process.env.CONTRACT_BASE_URL;

if (baseUrl) {
  describeTargetSuite(`the server at CONTRACT_BASE_URL (${baseUrl})`, {
    client: { baseUrl },
    kind: "base-url",
    knownLogId: process.env.SIGNALWIRE_VIDEO_LOG_ID,
  });
} else {
  describe("the server at CONTRACT_BASE_URL", () => {
    it.skip("is not checked: set CONTRACT_BASE_URL (and SIGNALWIRE_PROJECT_ID, SIGNALWIRE_API_TOKEN) to run this suite", () => {});
  });
}
