import { describe, it } from "vitest";
import { describeTargetSuite } from "./lib/target-suite.ts";

// The live SignalWire API. Runs only when a Space and credentials are configured: `npm run test:live`.
const { SIGNALWIRE_SPACE, SIGNALWIRE_PROJECT_ID, SIGNALWIRE_API_TOKEN, SIGNALWIRE_VIDEO_LOG_ID } = process.env;

if (SIGNALWIRE_SPACE && SIGNALWIRE_PROJECT_ID && SIGNALWIRE_API_TOKEN) {
  describeTargetSuite(`the live API of Space ${SIGNALWIRE_SPACE}`, {
    client: { space: SIGNALWIRE_SPACE },
    kind: "space",
    knownLogId: SIGNALWIRE_VIDEO_LOG_ID,
  });
} else {
  describe("the live API", () => {
    it.skip("is not checked: set SIGNALWIRE_SPACE, SIGNALWIRE_PROJECT_ID and SIGNALWIRE_API_TOKEN to run it", () => {});
  });
}
