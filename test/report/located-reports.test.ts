// `check --report sarif=FILE` and `gitlab=FILE` on a drifted recording, run in-process: valid SARIF 2.1.0 and GitLab
// Code Quality, one result per finding at the line of the spec that declares what it is about, tracked by the JSON
// report's fingerprints.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FindingIdentity } from "../../src/findings/finding.ts";
import { defaultSpecPath } from "../../src/openapi/spec-path.ts";
import { FindingLocator } from "../../src/report/finding-location.ts";
import type { DriftReport } from "../../src/report/report-types.ts";
import { SpecPositions } from "../../src/report/spec-positions.ts";
import { runInProcess } from "../helpers/cli.ts";
import { driftedRecording, RECORDING_SECRETS, writeHar } from "../helpers/har-recording.ts";
import { lineOfFile, validGitlab, validSarif } from "../helpers/located-reports.ts";

const SPEC = "openapi/video-logs.openapi.yaml";
const SPEC_LINES = readFileSync(defaultSpecPath(), "utf8").split("\n");
/** The line (1-based) where `key:` is declared inside the components schema `schema`. */
const declared = (schema: string, key: string) => SPEC_LINES.indexOf(`        ${key}:`, schemaLine(schema)) + 1;
const schemaLine = (schema: string) => SPEC_LINES.indexOf(`    ${schema}:`) + 1;

let dir: string;
let report: DriftReport;
let sarifText: string;
let gitlabText: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "video-logs-located-"));
  const har = writeHar(dir, "drifted.har", driftedRecording());
  const out = (name: string) => join(dir, name);
  const result = await runInProcess([
    "check",
    "--har",
    har,
    "--report",
    `sarif=${out("r.sarif")}`,
    "--report",
    `gitlab=${out("r.gitlab.json")}`,
    "--report",
    `json=${out("r.json")}`,
  ]);
  expect(result.code).toBe(1);
  report = JSON.parse(readFileSync(out("r.json"), "utf8"));
  sarifText = readFileSync(out("r.sarif"), "utf8");
  gitlabText = readFileSync(out("r.gitlab.json"), "utf8");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("check --report sarif=FILE", () => {
  it("is valid SARIF 2.1.0 with one rule per named check and one result per finding, at the line of what it names", () => {
    const log = validSarif(sarifText);
    const [run] = log.runs;
    expect(run!.tool.driver.rules!.map((rule) => rule.id)).toEqual([
      "response-schema",
      "status-code",
      "content-type",
      "not-a-server-error",
      "parameters-honoured",
      "pagination-integrity",
      "cross-endpoint-consistency",
      "negative-data",
      "authentication",
      "coverage",
    ]);
    const places = run!.results!.map((result) => {
      const { physicalLocation, logicalLocations } = result.locations![0]!;
      return {
        rule: result.ruleId,
        level: result.level,
        uri: physicalLocation!.artifactLocation!.uri,
        line: physicalLocation!.region!.startLine,
        logical: logicalLocations!.map((location) => location.name),
        fingerprint: result.partialFingerprints!["videoLogs/v1"],
      };
    });
    const at = (schema: string, key: string) => ({ uri: SPEC, line: declared(schema, key) });
    const fingerprints = report.findings.map((finding) => finding.fingerprint);
    expect(places).toEqual(
      [
        { rule: "response-schema", level: "error", ...at("Log", "locked"), logical: ["get_log", "/locked"] },
        { rule: "response-schema", level: "error", ...at("Log", "status"), logical: ["get_log", "/status"] },
        { rule: "response-schema", level: "error", ...at("Log", "url"), logical: ["get_log", "/url"] },
        { rule: "response-schema", level: "error", ...at("Log", "charge"), logical: ["list_logs", "/data/*/charge"] },
        {
          rule: "response-schema",
          level: "warning",
          uri: SPEC,
          line: schemaLine("ChargeDetail"),
          logical: ["list_logs", "/data/*/charge_details/*/currency"],
        },
      ].map((place, index) => ({ ...place, fingerprint: fingerprints[index] })),
    );
  });

  it("puts the result of `charge` sent as a string on the line where `charge:` is declared under Log", () => {
    const result = validSarif(sarifText).runs[0]!.results!.find((r) => r.message.text!.includes("/data/*/charge:"))!;
    const line = result.locations![0]!.physicalLocation!.region!.startLine!;
    expect(lineOfFile(defaultSpecPath(), line).trim()).toBe("charge:");
    expect(line).toBeGreaterThan(schemaLine("Log"));
    expect(line).toBeLessThan(schemaLine("DiscardedLog"));
  });

  it("says each finding's message with its operation, status and pointer, and no credential of the recording", () => {
    const results = validSarif(sarifText).runs[0]!.results!;
    expect(results.map((result) => result.message.text)).toEqual(
      report.findings.map(
        (finding) =>
          `${finding.operation} ${finding.status} ${finding.pointer}: ${finding.example.message} (1 response)`,
      ),
    );
    for (const secret of Object.values(RECORDING_SECRETS)) expect(sarifText).not.toContain(secret);
  });
});

describe("the validators these tests use", () => {
  it("refuse a SARIF result without its message, and a GitLab issue without its line", () => {
    const log = JSON.parse(sarifText);
    delete log.runs[0].results[0].message;
    expect(() => validSarif(JSON.stringify(log))).toThrow(/must have required property 'message'/);
    const issues = JSON.parse(gitlabText);
    delete issues[0].location.lines;
    expect(() => validGitlab(JSON.stringify(issues))).toThrow(/must have required property 'lines'/);
  });
});

describe("check --report gitlab=FILE", () => {
  it("is valid for the Code Quality schema, with the SARIF results' lines, the findings' fingerprints and severities", () => {
    const issues = validGitlab(gitlabText);
    const results = validSarif(sarifText).runs[0]!.results!;
    expect(issues).toEqual(
      report.findings.map((finding, index) => ({
        description: results[index]!.message.text,
        check_name: finding.check,
        fingerprint: finding.fingerprint,
        severity: finding.severity === "breaking" ? "critical" : "minor",
        location: { path: SPEC, lines: { begin: results[index]!.locations![0]!.physicalLocation!.region!.startLine } },
      })),
    );
  });
});

describe("the node a finding is about", () => {
  const locator = new FindingLocator(new SpecPositions(SPEC_LINES.join("\n")).toJs());
  const finding = (fields: Partial<FindingIdentity>): FindingIdentity => ({
    check: "response-schema",
    operation: "list_logs",
    status: 200,
    pointer: "",
    keyword: "type",
    severity: "breaking",
    ...fields,
  });

  it.each([
    [
      "a status finding: the operation's responses",
      finding({ check: "status-code", status: 418, keyword: "status" }),
      "/paths/~1api~1video~1logs/get/responses",
    ],
    [
      "a finding about the whole body: its status's response",
      finding({ check: "content-type", keyword: "content-type" }),
      "/paths/~1api~1video~1logs/get/responses/200",
    ],
    [
      "a broken page size: the parameter's declaration",
      finding({ check: "parameters-honoured", pointer: "/data", keyword: "page-size" }),
      "/components/parameters/page_size",
    ],
    [
      "a broken filter: the filter named in the example",
      {
        ...finding({ check: "parameters-honoured", pointer: "/data/3/created_at", keyword: "filter" }),
        example: { message: "an item outside the filter created_after=2026-01-01 is listed" },
      },
      "/components/parameters/created_after",
    ],
    [
      "an unknown property: its object's schema",
      finding({ pointer: "/data/*/charge_details/*/currency", keyword: "additionalProperties", severity: "additive" }),
      "/components/schemas/ChargeDetail",
    ],
    [
      "a property of an error body",
      finding({ status: 404, operation: "get_log", pointer: "/error", keyword: "enum" }),
      "/components/schemas/NotFoundError/properties/error",
    ],
    [
      "a finding of no one operation: the paths",
      finding({ check: "coverage", operation: "*", status: null, keyword: "min-coverage" }),
      "/paths",
    ],
  ])("%s", (_what, given, pointer) => {
    expect(locator.specPointer(given)).toBe(pointer);
  });
});
