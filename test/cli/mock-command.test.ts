// `video-logs mock`. Its start on a given port, the spec's examples it serves and its stop on SIGINT (exit 0, the port
// freed) are tested in test/cli/tools-agree-with-mock.test.ts, on the one mock that file starts for our tools: a second
// Prism start here would prove the same again.
import { describe, expect, it } from "vitest";
import { assertBuilt, runBin } from "../helpers/cli.ts";
import { startLocalServer } from "../helpers/local-server.ts";

describe("video-logs mock", () => {
  it("exits 2 with a clear message when the port is taken", async () => {
    assertBuilt();
    const taken = await startLocalServer(() => undefined);
    try {
      const port = new URL(taken.url).port;
      const { code, stderr } = await runBin(["mock", "--port", port]);
      expect(code).toBe(2);
      expect(stderr).toContain(port);
      expect(stderr).not.toContain("    at ");
    } finally {
      await taken.close();
    }
  });
});
