// The built `video-logs check --propose FILE` against a stand-in Space that drifts and sends request ids: each action's
// evidence, read back with the yaml package, holds the request ids and operation ids as plain text (no Markdown
// backslash before a `-` or a `_`), so they can be copied; the YAML escapes for itself.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { OverlayDocument } from "../../src/propose/overlay-document.ts";
import { assertBuilt, runBin } from "../helpers/cli.ts";
import type { LocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { startStandInSpace } from "../helpers/stand-in-space.ts";

const env = { SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: API_TOKEN };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** `Evidence: 3 observations (get_log 200, list_logs 200); example: …; requests: a, b and 4 more.` */
const EVIDENCE = /Evidence: \d+ observations? \(([^)]*)\); .*?requests: (.*?)(?: and \d+ more)?\./g;

let dir: string;
let server: LocalServer;
const sent: string[] = [];

beforeAll(async () => {
  assertBuilt();
  dir = await mkdtemp(join(tmpdir(), "video-logs-plain-evidence-"));
  server = await startStandInSpace({ faults: ["charge-as-string", "extend-charge-details"], requestIds: sent });
});
afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("check --propose evidence", () => {
  it("holds the request ids and operation ids as plain text, equal to those the server sent", async () => {
    const file = join(dir, "proposal.yaml");
    const run = await runBin(["check", "--base-url", server.url, "--quiet", "--propose", file], env);
    expect(run.code).toBe(1);
    const yaml = await readFile(file, "utf8");
    expect(yaml).not.toContain("\\-");
    expect(yaml).not.toContain("\\_");
    const overlay = parse(yaml) as OverlayDocument;
    const evidence = overlay.actions.flatMap((action) => [...action.description.matchAll(EVIDENCE)]);
    expect(evidence.length).toBeGreaterThanOrEqual(overlay.actions.length);
    const places = new Set(evidence.flatMap(([, where]) => where!.split(", ")));
    expect([...places].sort()).toEqual(["get_log 200", "list_logs 200"]);
    const ids = evidence.flatMap(([, , requests]) => requests!.split(", "));
    for (const id of ids) expect(id).toMatch(UUID);
    expect(ids.filter((id) => !sent.includes(id))).toEqual([]);
  });
});
