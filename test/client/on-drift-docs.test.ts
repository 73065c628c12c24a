// The example of docs/client-drift.md, run as written against a local server: only its target is swapped (the Space
// for the server's URL) and the package's name for its source.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { fingerprintOf } from "../../src/findings/fingerprint.ts";
import { ROOT, runNode } from "../helpers/cli.ts";
import { sendJson } from "../helpers/local-server.ts";
import { API_TOKEN, PROJECT_ID, pageOf } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";

const servers = serverPerTest();
const dir = mkdtempSync(join(tmpdir(), "video-logs-on-drift-docs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The TypeScript block under the page's `tested by` marker for this file. */
function documentedExample(): string {
  const page = readFileSync(join(ROOT, "docs/client-drift.md"), "utf8");
  const block = /<!-- tested by: test\/client\/on-drift-docs\.test\.ts -->\n```ts\n([\s\S]*?)```/.exec(page)?.[1];
  if (!block) throw new Error("docs/client-drift.md has no ts block marked as tested by this file");
  return block;
}

it("the documented onDrift example reports a new field once, counts it per page, and passes the Date as its instant", async () => {
  const server = await servers.start((req, res) => {
    const second = req.url!.includes("page_token");
    const page = pageOf(
      1,
      { self: req.url!, first: "/api/video/logs", ...(second ? {} : { next: "/api/video/logs?page_token=2" }) },
      second ? 1 : 0,
    );
    (page.data[0] as Record<string, unknown>).recording_url = "https://x";
    sendJson(res, 200, page);
  });
  const example = documentedExample();
  // The target is the one line changed: a block that no longer says `space: "example"` would reach the network.
  expect(example.split('space: "example"')).toHaveLength(2);
  const script = example
    .replace('space: "example"', `baseUrl: ${JSON.stringify(server.url)}`)
    .replace('from "signalwire-video-logs"', `from ${JSON.stringify(join(ROOT, "src/index.ts"))}`);
  writeFileSync(join(dir, "example.mts"), script);
  const { code, stdout, stderr } = await runNode(["--import", "tsx", join(dir, "example.mts")], {
    env: { SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: API_TOKEN },
  });
  const fingerprint = fingerprintOf({
    check: "response-schema",
    operation: "list_logs",
    status: 200,
    pointer: "/data/*/recording_url",
    keyword: "additionalProperties",
  });
  expect({ code, stderr }).toEqual({
    code: 0,
    stderr: 'additive drift: list_logs /data/*/recording_url: unexpected property "recording_url" (not in the spec)\n',
  });
  expect(stdout.trim().split("\n")).toEqual([
    ...pageOf(2, { self: "", first: "" }).data.map((log) => log.id),
    `${fingerprint} seen 2 times`,
  ]);
  const createdAfter = new URL(server.requests[0]!.url, "http://x").searchParams.get("created_after");
  expect(createdAfter).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
});
