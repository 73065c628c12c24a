// The set-up the built CLI's test files share: the build checked once, a scratch folder removed at the end, test
// credentials, and each test's server closed after it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll } from "vitest";
import { assertBuilt } from "../helpers/cli.ts";
import type { LocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, PROJECT_ID } from "../helpers/sample-bodies.ts";

export interface CliSuite {
  /** A scratch folder for report and data files, removed after the file's tests. */
  readonly dir: string;
  /** The test credentials, as the CLI reads them. */
  readonly env: Readonly<Record<string, string>>;
  /** Waits for a server the running test starts, and closes it after the test. */
  serve<T extends LocalServer>(started: Promise<T>): Promise<T>;
}

/** Call at the top of a test file; `name` names its scratch folder. */
export function cliSuite(name: string): CliSuite {
  const dir = mkdtempSync(join(tmpdir(), `video-logs-${name}-`));
  let current: LocalServer | undefined;
  beforeAll(() => assertBuilt());
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    env: { SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: API_TOKEN },
    async serve(started) {
      const server = await started;
      current = server;
      return server;
    },
  };
}
