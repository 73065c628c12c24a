// The built CLI writes the reports that point at the spec's lines: `check --report sarif=… --report gitlab=…` live
// against a stand-in Space and on a recording, with `--spec` (locations in that file) and `--sarif-root`, and `diff`
// of two specs; every result on the line of what it names, with the JSON report's fingerprints.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DiffReport } from "../../src/diff/diff-documents.ts";
import { defaultSpecPath } from "../../src/openapi/spec-path.ts";
import type { DriftReport } from "../../src/report/report-types.ts";
import { assertBuilt, runBin } from "../helpers/cli.ts";
import { driftedRecording, writeHar } from "../helpers/har-recording.ts";
import type { LocalServer } from "../helpers/local-server.ts";
import { lineOfFile, validGitlab, validSarif } from "../helpers/located-reports.ts";
import { API_TOKEN, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { specWithRegion, writeSpec } from "../helpers/spec-variants.ts";
import { startStandInSpace } from "../helpers/stand-in-space.ts";

const env = { SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: API_TOKEN };
let dir: string;
let server: LocalServer | undefined;
let reportCount = 0;

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), "video-logs-located-cli-"));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The key a YAML line declares (`'200':` → 200, `- name: x` → name). */
const keyOnLine = (line: string) => /^\s*(?:- )?'?([^':]+)'?:(?:\s|$)/.exec(line)?.[1];

/** Runs a command with sarif, gitlab and json reports into fresh files; returns them parsed and validated. */
async function located(args: string[], extraEnv: Record<string, string> = {}) {
  const n = reportCount++;
  const file = (ext: string) => join(dir, `${n}.${ext}`);
  const flags = ["--report", `sarif=${file("sarif")}`, "--report", `gitlab=${file("gl.json")}`];
  const result = await runBin([...args, ...flags, "--report", `json=${file("json")}`], extraEnv);
  return {
    ...result,
    sarif: validSarif(readFileSync(file("sarif"), "utf8")),
    gitlab: validGitlab(readFileSync(file("gl.json"), "utf8")),
    json: JSON.parse(readFileSync(file("json"), "utf8")) as unknown,
  };
}

/** Each SARIF result as its rule, its file and the key declared on its line, and its fingerprint. */
function placesOf(sarif: ReturnType<typeof validSarif>, fileOf: (uri: string) => string) {
  return sarif.runs[0]!.results!.map((result) => {
    const physical = result.locations![0]!.physicalLocation!;
    const uri = physical.artifactLocation!.uri!;
    return {
      rule: result.ruleId,
      uri,
      key: keyOnLine(lineOfFile(fileOf(uri), physical.region!.startLine!)),
      fingerprint: result.partialFingerprints!["videoLogs/v1"],
    };
  });
}

describe("check --report sarif and gitlab", () => {
  it("live: locates a string charge and a broken page size in the built-in spec", async () => {
    server = await startStandInSpace({ faults: ["charge-as-string", "ignore-page-size"] });
    const { code, sarif, gitlab, json } = await located(["check", "--base-url", server.url], env);
    expect(code).toBe(1);
    const report = json as DriftReport;
    const spec = "openapi/video-logs.openapi.yaml";
    const places = placesOf(sarif, () => defaultSpecPath());
    expect(places).toEqual(
      report.findings.map((finding) => ({
        rule: finding.check,
        uri: spec,
        // A broken page size names its parameter; a schema finding the property its pointer ends with.
        key: finding.keyword === "page-size" ? "page_size" : finding.pointer.split("/").at(-1),
        fingerprint: finding.fingerprint,
      })),
    );
    expect(places.map((place) => place.key)).toEqual(expect.arrayContaining(["charge", "page_size"]));
    expect(gitlab.map((issue) => [issue.fingerprint, issue.location])).toEqual(
      sarif.runs[0]!.results!.map((result) => [
        result.partialFingerprints!["videoLogs/v1"],
        { path: spec, lines: { begin: result.locations![0]!.physicalLocation!.region!.startLine } },
      ]),
    );
  });

  it("--har with --spec and --sarif-root: results on the lines of that file, its path relative to the root", async () => {
    const specFile = writeSpec(dir, "region.yaml", specWithRegion());
    const har = writeHar(dir, "drifted.har", driftedRecording());
    const { code, sarif, json } = await located(["check", "--har", har, "--spec", specFile, "--sarif-root", dir]);
    expect(code).toBe(1);
    const report = json as DriftReport;
    const places = placesOf(sarif, (uri) => join(dir, uri));
    // The recording's logs lack the region that spec requires: each missing region is on the line of `region:`.
    expect(places.filter((place) => place.key === "region").length).toBeGreaterThan(0);
    expect(places).toEqual(
      report.findings.map((finding) => ({
        rule: finding.check,
        uri: "region.yaml",
        // An unknown property is placed at its object's schema: the charge line's, ChargeDetail.
        key: finding.keyword === "additionalProperties" ? "ChargeDetail" : finding.pointer.split("/").at(-1),
        fingerprint: finding.fingerprint,
      })),
    );
  });

  it("refuses a --sarif-root that is not a folder before anything is read, and writes nothing", async () => {
    const out = join(dir, "refused.sarif");
    const result = await runBin(["check", "--har", "missing.har", "--report", `sarif=${out}`, "--sarif-root", out]);
    expect({ code: result.code, stderr: result.stderr.split("\n")[0] }).toEqual({
      code: 2,
      stderr: `video-logs: --sarif-root must name a folder, got ${JSON.stringify(out)}`,
    });
    expect(existsSync(out)).toBe(false);
  });
});

describe("diff --report sarif and gitlab", () => {
  it("locates each difference on its line in theirs, with the diff JSON's fingerprints and levels", async () => {
    const theirs = writeSpec(dir, "theirs.yaml", specWithRegion());
    const { code, sarif, gitlab, json } = await located(["diff", theirs, "--sarif-root", dir]);
    expect(code).toBe(1);
    const report = json as DiffReport;
    expect(report.version).toBe(2);
    expect(report.differences.map((difference) => difference.kind).sort()).toEqual([
      "optional-parameter-added",
      "required-property-added",
    ]);
    expect(placesOf(sarif, (uri) => join(dir, uri))).toEqual(
      report.differences.map((difference) => ({
        rule: difference.kind,
        uri: "theirs.yaml",
        // A new parameter is placed at its item of the list: its line declares its name.
        key: difference.kind === "optional-parameter-added" ? "name" : "region",
        fingerprint: difference.fingerprint,
      })),
    );
    expect(sarif.runs[0]!.results!.map((result) => result.level)).toEqual(
      report.differences.map(
        (difference) => ({ breaking: "error", "non-breaking": "warning", informational: "note" })[difference.level],
      ),
    );
    expect(gitlab.map((issue) => [issue.check_name, issue.fingerprint, issue.severity])).toEqual(
      report.differences.map((difference) => [difference.kind, difference.fingerprint, "minor"]),
    );
  });

  it("gives a change the same fingerprint in every run, and another change another", async () => {
    const theirs = writeSpec(dir, "again.yaml", specWithRegion());
    const first = await located(["diff", theirs]);
    const second = await located(["diff", theirs]);
    const fingerprints = (json: unknown) =>
      (json as DiffReport).differences.map((difference) => difference.fingerprint);
    expect(fingerprints(second.json)).toEqual(fingerprints(first.json));
    expect(new Set(fingerprints(first.json)).size).toBe(fingerprints(first.json).length);
  });

  it("never writes a report over a document it compares", async () => {
    const theirs = writeSpec(dir, "kept.yaml", specWithRegion());
    const before = readFileSync(theirs, "utf8");
    const result = await runBin(["diff", theirs, "--report", `sarif=${theirs}`]);
    expect({ code: result.code, stderr: result.stderr.split("\n")[0] }).toEqual({
      code: 2,
      stderr: `video-logs: --report sarif would overwrite the document it compares, ${JSON.stringify(theirs)}: write to another file`,
    });
    expect(readFileSync(theirs, "utf8")).toBe(before);
  });
});
