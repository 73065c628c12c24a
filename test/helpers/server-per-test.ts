// One real local server per test, closed after it, and a client pointed at it.
import { afterEach } from "vitest";
import { createVideoLogsClient, type VideoLogsClient, type VideoLogsClientOptions } from "../../src/index.ts";
import { type Handler, type LocalServer, startLocalServer } from "./local-server.ts";
import { API_TOKEN, PROJECT_ID } from "./sample-bodies.ts";

export interface ServerPerTest {
  /** The running test's server. */
  readonly server: LocalServer;
  /** Starts the test's server. */
  start(handler: Handler): Promise<LocalServer>;
  /** Starts the test's server and returns a client for it, with test credentials and millisecond retry delays. */
  clientWith(handler: Handler, options?: VideoLogsClientOptions): Promise<VideoLogsClient>;
}

/** Call at the top of a test file: registers the clean-up and hands out the per-test server. */
export function serverPerTest(): ServerPerTest {
  let current: LocalServer | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  const start = async (handler: Handler) => (current = await startLocalServer(handler));
  return {
    get server() {
      if (!current) throw new Error("this test started no server");
      return current;
    },
    start,
    async clientWith(handler, options = {}) {
      const server = await start(handler);
      return createVideoLogsClient({
        baseUrl: server.url,
        projectId: PROJECT_ID,
        apiToken: API_TOKEN,
        retryDelay: { baseMs: 1, maxMs: 5 },
        ...options,
      });
    },
  };
}
