// What the package entry loads later: the drift check on runDriftCheck's first call (and the tour it runs is the one
// the module itself runs), the pagination walk on the first iteration.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDriftCheck as runDirectly } from "../../src/check/run-drift-check.ts";
import { createVideoLogsClient, runDriftCheck } from "../../src/index.ts";
import { assertBuilt, runNode } from "../helpers/cli.ts";
import { API_TOKEN, completedLog, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { startStandInSpace } from "../helpers/stand-in-space.ts";

/** A loader hook (in its own thread) that refuses the modules loaded later, so that loading one shows as an error. */
const REFUSING_HOOK = `data:text/javascript,${encodeURIComponent(
  `export async function load(url, context, next) {
    // A module of src/ or, in the bundled dist/, the chunk esbuild names after it ("run-drift-check-<hash>.js").
    const name = url.slice(url.lastIndexOf("/") + 1).replace(/-[A-Z0-9]{8}.js$/, ".js");
    for (const later of ["run-drift-check.js", "page-walk.js"]) if (name === later) throw new Error(later + " loaded");
    return next(url, context);
  }`,
)}`;

describe("the package entry", () => {
  // The first page never comes: what the iteration reports is the module it could not load.
  let silent: Server;
  beforeAll(async () => {
    silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });

  it("is not loaded by importing the entry, validating a response or creating a client, only by its first call", async () => {
    assertBuilt();
    const baseUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const script = [
      `import { register } from "node:module";`,
      `register(${JSON.stringify(REFUSING_HOOK)});`,
      `const { createVideoLogsClient, validateResponse, runDriftCheck } = await import("./dist/src/index.js");`,
      `console.log(JSON.stringify(validateResponse("get_log", 200, ${JSON.stringify(completedLog)})));`,
      `const client = createVideoLogsClient({ baseUrl: ${JSON.stringify(baseUrl)}, projectId: "p", apiToken: "a-token-long-enough" });`,
      `console.log(await runDriftCheck({}).then(() => "ran", (error) => error.message));`,
      `console.log(await client.iterateLogs().next().then(() => "iterated", (error) => error.message));`,
      `process.exit(0);`,
    ].join("\n");
    const { code, stdout, stderr } = await runNode(["--input-type=module", "-e", script]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout.trim().split("\n")).toEqual(["[]", "run-drift-check.js loaded", "page-walk.js loaded"]);
  });

  describe("against the stand-in Space", () => {
    let space: Awaited<ReturnType<typeof startStandInSpace>>;
    beforeAll(async () => {
      space = await startStandInSpace();
    });
    afterAll(() => space.close());

    it("runs the same tour, with the same verdicts, as the drift check module", async () => {
      const tour = async (run: typeof runDirectly) => {
        const client = createVideoLogsClient({
          baseUrl: space.url,
          projectId: PROJECT_ID,
          apiToken: API_TOKEN,
          retries: 0,
        });
        const report = await run({
          client,
          target: { baseUrl: space.url, kind: "base-url" },
          now: () => Date.UTC(2026, 0, 1),
        });
        return {
          summary: report.summary,
          findings: report.findings,
          plan: report.plan,
          exchanges: report.exchanges.map(({ name, kind, status, passed, violations }) => ({
            name,
            kind,
            status,
            passed,
            violations,
          })),
        };
      };
      const [lazily, directly] = [await tour(runDriftCheck), await tour(runDirectly)];
      expect(lazily.exchanges.length).toBeGreaterThan(0);
      expect(lazily).toEqual(directly);
    });
  });
});
