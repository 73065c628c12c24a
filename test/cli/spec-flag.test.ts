// `--spec FILE` on check (live and --har), get and list: the command judges by that document, reads its query flags
// from it and proposes against it; a document that fails a gate is refused with its problem before anything is sent.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadSpec } from "../../src/openapi/load-spec.ts";
import type { OverlayDocument } from "../../src/propose/overlay-document.ts";
import type { DriftReport } from "../../src/report/report-types.ts";
import { assertBuilt, runBin } from "../helpers/cli.ts";
import { harRecording, writeHar } from "../helpers/har-recording.ts";
import { type LocalServer, sendJson, startLocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, completedLog, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { specWithRegion, writeSpec } from "../helpers/spec-variants.ts";

const env = { SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: API_TOKEN };
const regionLog = { ...completedLog, region: "eu" };
const API = "https://example.signalwire.com/api/video/logs";

let dir: string;
let server: LocalServer;
/** Ours with a required `region` on every log and a `region` query parameter on list_logs. */
let regionSpec: string;
/** Ours with an operation property the OpenAPI 3.1 schema does not allow. */
let brokenSpec: string;

beforeAll(async () => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), "video-logs-spec-flag-"));
  regionSpec = writeSpec(dir, "region.yaml", specWithRegion());
  const broken = loadSpec();
  broken.paths["/api/video/logs"].get.responsez = {};
  brokenSpec = writeSpec(dir, "broken.yaml", broken);
  server = await startLocalServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/api/video/logs")
      sendJson(res, 200, { links: { self: url.href, first: url.href }, data: [regionLog] });
    else sendJson(res, 200, regionLog);
  });
});

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const refusal = (file: string) =>
  `video-logs: --spec ${file} is not a valid OpenAPI 3.1 document (checked against the official OAS 3.1 schema)\n` +
  `  #/paths/~1api~1video~1logs/get: has a property that is not allowed here: "responsez"\n`;

describe("--spec with a document that fails a gate", () => {
  it.each([
    ["check", ["check", "--base-url"]],
    ["list", ["list", "--base-url"]],
    ["get", ["get", completedLog.id, "--base-url"]],
  ])("makes %s exit 2 naming the problem, and send nothing", async (_command, args) => {
    const before = server.requests.length;
    const { code, stdout, stderr } = await runBin([...args, server.url, "--spec", brokenSpec], env);
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: "", stderr: refusal(brokenSpec) });
    expect(server.requests.length).toBe(before);
  });

  it("refuses a document split over files, saying to bundle it first", async () => {
    const split = loadSpec();
    split.components.schemas.Log.properties.charge = { $ref: "charge.yaml" };
    const file = writeSpec(dir, "split.yaml", split);
    const har = writeHar(dir, "none.har", harRecording([]));
    const { code, stderr } = await runBin(["check", "--har", har, "--spec", file]);
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr:
        `video-logs: --spec ${file} has a $ref that cannot be followed inside the document\n` +
        '  #/components/schemas/Log/properties/charge: $ref "charge.yaml" points outside the document: bundle the ' +
        "spec into one file first (for example `npx @redocly/cli bundle FILE -o bundled.yaml`), so that no other " +
        "file or URL is read\n",
    });
  });

  it("that is missing is refused as unreadable", async () => {
    const missing = join(dir, "missing.yaml");
    const { code, stderr } = await runBin(["list", "--base-url", server.url, "--spec", missing], env);
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr: `video-logs: --spec ${missing} cannot be read: no such file\n`,
    });
  });
});

describe("check --har --spec", () => {
  const recording = () =>
    writeHar(
      dir,
      "regions.har",
      harRecording([
        { url: `${API}?page_size=1`, json: { links: { self: API, first: API }, data: [regionLog] } },
        { url: `${API}/${completedLog.id}`, json: regionLog },
      ]),
    );

  it("judges by the built-in spec without it: a region is a field the spec does not declare", async () => {
    const { code, stdout } = await runBin(["check", "--har", recording(), "--strict", "--format", "json"]);
    const report = JSON.parse(stdout) as DriftReport;
    expect(code).toBe(1);
    expect(
      report.exchanges.flatMap((check) => check.violations.map((v) => `${check.operation} ${v.pointer} ${v.message}`)),
    ).toEqual([
      'list_logs /data/0/region unexpected property "region" (not in the spec)',
      'get_log /region unexpected property "region" (not in the spec)',
    ]);
  });

  it("judges by the given document, and the report says which", async () => {
    const { code, stdout } = await runBin([
      "check",
      "--har",
      recording(),
      "--strict",
      "--spec",
      regionSpec,
      "--format",
      "json",
    ]);
    const report = JSON.parse(stdout) as DriftReport;
    expect(code).toBe(0);
    expect(report.summary).toMatchObject({ checked: 2, passed: 2, breaking: 0, additive: 0 });
    expect(report.notes).toEqual([`judged by the spec in ${regionSpec} (--spec), not the built-in one`]);
  });

  it("proposes against the given document: a log without a region drops region from what it requires", async () => {
    const har = writeHar(
      dir,
      "no-region.har",
      harRecording([{ url: `${API}/${completedLog.id}`, json: completedLog }]),
    );
    const proposal = join(dir, "proposal.yaml");
    const { code, stderr } = await runBin([
      "check",
      "--har",
      har,
      "--spec",
      regionSpec,
      "--propose",
      proposal,
      "--quiet",
    ]);
    expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
    const overlay = parse(readFileSync(proposal, "utf8")) as OverlayDocument;
    const required = specWithRegion().components.schemas.Log.required as string[];
    expect(overlay.actions.map(({ description: _description, ...action }) => action)).toEqual([
      { target: "$.components.schemas.Log.required", remove: true },
      { target: "$.components.schemas.Log", update: { required: required.filter((name) => name !== "region") } },
    ]);
  });
});

describe("list and get --spec", () => {
  it("take the query flags of the given document's parameters, and judge by it", async () => {
    const before = server.requests.length;
    const args = ["list", "--base-url", server.url, "--validation", "strict", "--region", "eu"];
    const { code, stdout, stderr } = await runBin([...args, "--spec", regionSpec], env);
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: `${JSON.stringify(regionLog)}\n`, stderr: "" });
    expect(new URL(server.requests[before]!.url, server.url).searchParams.get("region")).toBe("eu");
  });

  it("without it, know no --region flag and find the region undeclared", async () => {
    const unknown = await runBin(["list", "--base-url", server.url, "--region", "eu"], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("video-logs: Unknown option '--region'\nRun `video-logs list --help` for usage.\n");
    const strict = await runBin(["get", completedLog.id, "--base-url", server.url, "--validation", "strict"], env);
    expect({ code: strict.code, stderr: strict.stderr }).toEqual({
      code: 1,
      stderr: 'additive get_log /region: unexpected property "region" (not in the spec)\n',
    });
  });

  it("get judges by the given document", async () => {
    const args = ["get", completedLog.id, "--base-url", server.url, "--validation", "strict", "--format", "ndjson"];
    const { code, stdout, stderr } = await runBin([...args, "--spec", regionSpec], env);
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: `${JSON.stringify(regionLog)}\n`, stderr: "" });
  });

  it("refuses --out naming the file --spec reads", async () => {
    const { code, stderr } = await runBin(
      ["list", "--base-url", server.url, "--spec", regionSpec, "--out", regionSpec],
      env,
    );
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr: `video-logs: --out would overwrite the spec --spec reads, ${JSON.stringify(regionSpec)}: write to another file\nRun \`video-logs list --help\` for usage.\n`,
    });
  });
});
