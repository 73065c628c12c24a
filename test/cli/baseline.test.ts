// `check --baseline FILE` and `check --write-baseline FILE` on the built CLI against the stand-in Space: an entry hides
// only what it names, an earlier report only its findings, stale and expired entries are listed, a baseline that
// cannot be used is refused (exit 2) before any request, and an ignore file written today hides today's drift.
import { readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import * as addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import type { DriftReport } from "../../src/report/report-types.ts";
import { ROOT, runBin } from "../helpers/cli.ts";
import { type Fault, startStandInSpace } from "../helpers/stand-in-space.ts";
import { cliSuite } from "./cli-suite.ts";

const { dir, env, serve } = cliSuite("baseline");
const addFormats = addFormatsModule.default.default;

let files = 0;
/** A file of the scratch folder holding `content` (JSON unless a string), named `name`. */
function write(content: unknown, name = `baseline-${++files}.json`): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

/** The built executable's check of a stand-in Space with these faults, its JSON report read from a file. */
async function check(faults: Fault[], args: string[]) {
  // Closed here rather than after the test: one test may run several checks.
  const server = await startStandInSpace({ faults });
  const reportFile = join(dir, `report-${++files}.json`);
  try {
    const run = await runBin(["check", "--base-url", server.url, "--report", `json=${reportFile}`, ...args], env);
    return { ...run, report: JSON.parse(readFileSync(reportFile, "utf8")) as DriftReport };
  } finally {
    await server.close();
  }
}

/** A committed JSON Schema, compiled as a consumer would (strict, every format checked). */
function schemaValidator(path: string) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(ROOT, path), "utf8")));
}

/** The report's findings as `KNOWN|NEW check operation status pointer`. */
const findings = (report: DriftReport | undefined) =>
  report!.findings.map(
    (f) => `${f.known ? "KNOWN" : "NEW"} ${f.check} ${f.operation} ${f.status} ${f.pointer || "(body)"}`,
  );

describe("check --baseline with an ignore file", () => {
  it("hides the findings an entry names, `*` standing for one segment, and fails on the rest (exit 1)", async () => {
    const ignore = write({
      ignore: [
        { check: "response-schema", pointer: "/data/*/charge" },
        { check: "response-schema", operation: "get_log", pointer: "/charge", reason: "SW-1" },
      ],
    });
    const { code, report } = await check(["charge-as-string", "new-status-value"], ["--baseline", ignore]);
    expect(code).toBe(1);
    expect(findings(report)).toEqual([
      "KNOWN response-schema get_log 200 /charge",
      "NEW response-schema get_log 200 /status",
      "KNOWN response-schema list_logs 200 /data/*/charge",
      "NEW response-schema list_logs 200 /data/*/status",
    ]);
    expect(report!.summary).toMatchObject({ breaking: 2, known: 2 });
    expect(report!.baseline).toEqual({ stale: [], expired: [] });
  }, 60_000);

  it("with a concrete pointer hides the finding it normalises to, whatever index it names (exit 0)", async () => {
    const ignore = write({
      ignore: [
        { check: "response-schema", operation: "list_logs", pointer: "/data/0/charge" },
        { check: "response-schema", operation: "list_logs", pointer: "/data/41/status", keyword: "enum" },
        { check: "response-schema", operation: "get_log", status: 200 },
      ],
    });
    const { code, report } = await check(["charge-as-string", "new-status-value"], ["--baseline", ignore]);
    expect(code).toBe(0);
    expect(report!.summary).toMatchObject({ breaking: 0, known: 4 });
  }, 60_000);

  it("lists an expired entry and a stale one in the JSON report and as notes, and an expired one hides nothing", async () => {
    const expired = { check: "response-schema", expires: "2020-01-31", reason: "was to be fixed" };
    const stale = { check: "status-code", operation: "get_log" };
    const ignore = write({
      ignore: [expired, { check: "response-schema", pointer: "/charge", expires: "2999-12-31" }, stale],
    });
    const { code, stdout, report } = await check(["charge-as-string"], ["--baseline", ignore, "--report", "text=-"]);
    expect(code).toBe(1);
    expect(findings(report)).toEqual([
      "KNOWN response-schema get_log 200 /charge",
      "NEW response-schema list_logs 200 /data/*/charge",
    ]);
    expect(report!.baseline).toEqual({ stale: [{ index: 2, entry: stale }], expired: [{ index: 0, entry: expired }] });
    const notes = [
      'baseline: entry 0 expired on 2020-01-31 and hides nothing: {"check":"response-schema","expires":"2020-01-31","reason":"was to be fixed"}',
      'baseline: entry 2 matched no finding (stale): {"check":"status-code","operation":"get_log"}',
    ];
    expect(report!.notes).toEqual(notes);
    for (const note of notes) expect(stdout).toContain(`note: ${note}`);
    const validate = schemaValidator("schemas/drift-report.schema.json");
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  }, 60_000);

  it("is read when it starts with a UTF-8 byte order mark", async () => {
    const ignore = write(`\uFEFF${JSON.stringify({ ignore: [{ check: "status-code" }] })}`);
    const { code, report } = await check(["answer-203"], ["--baseline", ignore]);
    expect(code).toBe(0);
    expect(report!.summary).toMatchObject({ breaking: 0, known: 2 });
  }, 60_000);
});

describe("check --baseline with an earlier JSON report", () => {
  it("of version 6 hides its findings only: a new finding of the same operation fails the run", async () => {
    const earlier = join(dir, "earlier.json");
    const first = await check(["charge-as-string"], ["--report", `json=${earlier}`]);
    expect(first.code).toBe(1);

    const again = await check(["charge-as-string"], ["--baseline", earlier]);
    expect(again.code).toBe(0);
    expect(again.report!.summary).toMatchObject({ breaking: 0, known: 2 });

    const worse = await check(["charge-as-string", "new-status-value"], ["--baseline", earlier]);
    expect(worse.code).toBe(1);
    expect(findings(worse.report)).toEqual([
      "KNOWN response-schema get_log 200 /charge",
      "NEW response-schema get_log 200 /status",
      "KNOWN response-schema list_logs 200 /data/*/charge",
      "NEW response-schema list_logs 200 /data/*/status",
    ]);
  }, 90_000);

  it("of version 5 (a committed report of an earlier release) hides the same drift, by recomputed fingerprints", async () => {
    const v5 = join(ROOT, "test/cli/fixtures/report-v5.json");
    expect(JSON.parse(readFileSync(v5, "utf8")).version).toBe(5);
    const { code, report } = await check(["get-differs-from-listing", "wrong-404-body"], ["--baseline", v5]);
    expect(code).toBe(0);
    expect(findings(report)).toEqual([
      "KNOWN response-schema get_log 404 /error",
      "KNOWN cross-endpoint-consistency get_log 200 /room_name",
    ]);
    expect(report!.baseline).toEqual({ stale: [], expired: [] });

    const other = await check(["charge-as-string"], ["--baseline", v5]);
    expect(other.code).toBe(1);
    expect(other.report!.summary).toMatchObject({ breaking: 2, known: 0 });
    expect(other.report!.baseline!.stale.map((s) => s.index)).toEqual([0, 1]);
  }, 90_000);
});

const KEYS = "an entry may hold check, operation, status, pointer, keyword, fingerprint, reason and expires";

describe("check --baseline refuses, with exit 2 and before any request,", () => {
  it.each([
    [
      "an entry with a misspelled key",
      { ignore: [{ check: "response-schema", pointr: "/charge" }] },
      [
        "The baseline {file} is not a valid ignore file (schemas/baseline.schema.json):",
        `  entry 0 (/ignore/0) has an unknown key "pointr" (did you mean "pointer"?): ${KEYS}`,
      ],
    ],
    [
      "an empty entry",
      { ignore: [{ check: "status-code" }, {}] },
      [
        "The baseline {file} is not a valid ignore file (schemas/baseline.schema.json):",
        '  entry 1 (/ignore/1) is empty and would hide every finding: name at least its check, e.g. {"check": "response-schema", "pointer": "/data/*/charge"}',
      ],
    ],
    [
      "an entry without check",
      { ignore: [{ operation: "get_log", pointer: "/charge" }] },
      [
        "The baseline {file} is not a valid ignore file (schemas/baseline.schema.json):",
        '  entry 0 (/ignore/0) names no check, so it would hide the findings of every check: add the check that found the drift, e.g. "check": "response-schema" (video-logs check --list-checks)',
      ],
    ],
    [
      "an expires date that does not exist",
      { ignore: [{ check: "status-code", expires: "2027-02-29" }] },
      [
        "The baseline {file} is not a valid ignore file (schemas/baseline.schema.json):",
        '  entry 0 (/ignore/0), "expires": "2027-02-29" is not a date that exists, written YYYY-MM-DD (the entry lasts to the end of that day, UTC)',
      ],
    ],
    [
      "a version 5 report whose violation names no check",
      { version: 5, checks: [{ operation: "get_log", violations: [{ kind: "breaking" }] }] },
      ['The baseline {file} is not a readable version 5 report: at /checks/0/violations/0, "check" is missing'],
    ],
    [
      "a version 6 report whose finding has no fingerprint",
      { version: 6, findings: [{ check: "status-code" }] },
      ['The baseline {file} is not a readable version 6 report: at /findings/0, "fingerprint" is missing'],
    ],
    [
      "a file that is not JSON",
      "{ignore}",
      ["The baseline {file} is not JSON: unexpected character at line 1, column 2"],
    ],
    [
      "JSON of neither form",
      { known: [] },
      [
        "The baseline {file} is neither an ignore file nor an earlier JSON report (check --report json=FILE)",
        'An ignore file: {"ignore": [{"check": "response-schema", "operation": "get_log", "pointer": "/data/*/charge"}]}',
      ],
    ],
  ])("%s, naming what is wrong", async (_what, content, lines) => {
    const file = write(content);
    const server = await serve(startStandInSpace());
    const { code, stdout, stderr } = await runBin(["check", "--base-url", server.url, "--baseline", file], env);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`video-logs: ${lines.join("\n").replaceAll("{file}", file)}\n`);
    expect(server.requests).toEqual([]);
  });

  it("a file that does not exist, and one larger than 256 MiB without reading it", async () => {
    const server = await serve(startStandInSpace());
    const missing = join(dir, "missing.json");
    const huge = write("", "huge.json");
    truncateSync(huge, 300 * 1024 * 1024);
    for (const [file, message] of [
      [missing, `Cannot read the baseline ${missing}: ENOENT`],
      [huge, `The baseline ${huge} is 300 MiB, more than the 256 MiB a baseline may have`],
    ] as const) {
      const { code, stderr } = await runBin(["check", "--base-url", server.url, "--baseline", file], env);
      expect(code).toBe(2);
      expect(stderr).toBe(`video-logs: ${message}\n`);
    }
    expect(server.requests).toEqual([]);
  });
});

describe("check --write-baseline FILE", () => {
  it("writes an ignore file of today's findings, valid for its schema, that a later --baseline reads back", async () => {
    const known = join(dir, "known-drift.json");
    const faults: Fault[] = ["charge-as-string", "new-status-value"];
    const today = await check(faults, ["--write-baseline", known]);
    expect(today.code).toBe(1);
    expect(today.stderr).toContain(`Baseline (4 entries) written to ${known}\n`);

    const written = JSON.parse(readFileSync(known, "utf8")) as { ignore: Record<string, unknown>[] };
    const validate = schemaValidator("schemas/baseline.schema.json");
    expect(validate(written), JSON.stringify(validate.errors)).toBe(true);
    const ninetyDaysOn = new Date(Date.parse(today.report!.startedAt) + 90 * 86_400_000).toISOString().slice(0, 10);
    expect(written.ignore).toEqual(
      today.report!.findings.map(({ check, operation, status, pointer, keyword, fingerprint }) => ({
        check,
        operation,
        status,
        pointer,
        keyword,
        fingerprint,
        expires: ninetyDaysOn,
      })),
    );

    const later = await check(faults, ["--baseline", known]);
    expect(later.code).toBe(0);
    expect(later.report!.summary).toMatchObject({ breaking: 0, known: 4 });
    expect(later.report!.baseline).toEqual({ stale: [], expired: [] });
  }, 90_000);

  it.each([
    [
      "the baseline it reads",
      (file: string) => ["--baseline", file, "--write-baseline", file],
      (file: string) =>
        `--write-baseline would overwrite the file --baseline reads, ${JSON.stringify(file)}: write to another file`,
    ],
    [
      "a report's file",
      (file: string) => ["--format", "json", "--out", file, "--write-baseline", file],
      (file: string) => `--out and --write-baseline name the same file, ${JSON.stringify(file)}: give each its own`,
    ],
    [
      "a file in a folder that does not exist",
      (file: string) => ["--write-baseline", join(file, "nowhere", "known.json")],
      (file: string) =>
        `Cannot write the baseline to ${join(file, "nowhere", "known.json")}: its folder does not exist or is not writable`,
    ],
  ])("refuses %s with exit 2, sends nothing and leaves the file as it was", async (_what, flags, message) => {
    const file = write({ ignore: [{ check: "status-code" }] });
    const server = await serve(startStandInSpace());
    const { code, stderr } = await runBin(["check", "--base-url", server.url, ...flags(file)], env);
    expect(code).toBe(2);
    expect(stderr.split("\n")[0]).toBe(`video-logs: ${message(file)}`);
    expect(server.requests).toEqual([]);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ ignore: [{ check: "status-code" }] });
  });
});
