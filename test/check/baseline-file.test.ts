// An earlier report read as a baseline, in process: which versions it reads (3 to 8, nothing else), every field it
// needs refused by its pointer when missing or malformed, and a value of neither form refused whole.
import { describe, expect, it } from "vitest";
import { BASELINE_REPORT_VERSIONS, BaselineFileError, parseBaseline } from "../../src/check/baseline-file.ts";
import { fingerprintOf } from "../../src/findings/fingerprint.ts";

const FP = "0123456789abcdef";
const finding = {
  fingerprint: FP,
  check: "response-schema",
  operation: "get_log",
  status: 200,
  pointer: "",
  keyword: "type",
};

/** The BaselineFileError parseBaseline throws for `value`, as its name, lines and message. */
function refusal(value: unknown): { name: string; lines: readonly string[]; message: string } {
  try {
    parseBaseline(value, "r.json");
  } catch (error) {
    expect(error).toBeInstanceOf(BaselineFileError);
    const { name, lines, message } = error as BaselineFileError;
    return { name, lines, message };
  }
  throw new Error("not refused");
}

const NEITHER = [
  "The baseline r.json is neither an ignore file nor an earlier JSON report (check --report json=FILE)",
  'An ignore file: {"ignore": [{"check": "response-schema", "operation": "get_log", "pointer": "/data/*/charge"}]}',
];

const wrongVersion = (shown: string) =>
  `The baseline r.json is a report of version ${shown}, which cannot be a baseline: use a JSON report of version 3 to 8 (check --report json=FILE) or an ignore file`;

describe("parseBaseline", () => {
  it.each([
    ["null", null],
    ["text", "ignore"],
    ["an array, whatever keys it carries", Object.assign([], { ignore: [], version: 6, findings: [] })],
    ["an object of neither form", { findings: [] }],
  ])("refuses %s as neither form, in two lines", (_what, value) => {
    expect(refusal(value)).toEqual({ name: "BaselineFileError", lines: NEITHER, message: NEITHER.join("\n") });
  });

  it("reads reports of versions 3 to 8 and no others", () => {
    expect(BASELINE_REPORT_VERSIONS).toEqual({ fromChecks: [3, 4, 5], fromFindings: [6, 7, 8] });
    for (const version of [3, 4, 5])
      expect(parseBaseline({ version, checks: [] }, "r.json")).toEqual({
        source: { kind: "report", version },
        entries: [],
      });
    for (const version of [6, 7, 8])
      expect(parseBaseline({ version, findings: [finding] }, "r.json")).toEqual({
        source: { kind: "report", version },
        entries: [finding],
      });
    expect(refusal({ version: 9, findings: [] }).lines).toEqual([wrongVersion("9")]);
    expect(refusal({ version: 2.5, checks: [] }).lines).toEqual([wrongVersion("2.5")]);
    expect(refusal({ version: "6", findings: [] }).lines).toEqual([wrongVersion('"6"')]);
    expect(refusal({ version: null }).lines).toEqual([wrongVersion("null")]);
    expect(refusal({ version: "x".repeat(60) }).lines).toEqual([wrongVersion(`"${"x".repeat(39)}`)]);
  });

  it("keeps a version 6 finding's fields as the report wrote them, a null status included", () => {
    const written = { ...finding, status: null, pointer: "/data/0", extra: 1 };
    const { extra: _extra, ...entry } = written;
    expect(parseBaseline({ version: 6, findings: [written] }, "r.json").entries).toEqual([entry]);
  });

  it.each([
    [{ findings: {} }, 'at /, "findings" must be an array'],
    [{ findings: [3] }, "at /findings/0, must be an object"],
    [{ findings: [null] }, "at /findings/0, must be an object"],
    [{ findings: [[]] }, "at /findings/0, must be an object"],
    [{ findings: [{ ...finding, fingerprint: 5 }] }, 'at /findings/0, "fingerprint" must be a string'],
    [{ findings: [{ ...finding, fingerprint: `${FP}0` }] }, 'at /findings/0, "fingerprint" must be 16 hex digits'],
    [{ findings: [{ ...finding, fingerprint: `0${FP}` }] }, 'at /findings/0, "fingerprint" must be 16 hex digits'],
    [
      { findings: [{ ...finding, fingerprint: FP.toUpperCase() }] },
      'at /findings/0, "fingerprint" must be 16 hex digits',
    ],
    [{ findings: [finding, { ...finding, check: 1 }] }, 'at /findings/1, "check" must be a string'],
    [{ findings: [{ ...finding, status: 200.5 }] }, 'at /findings/0, "status" must be a whole number or null'],
    [{ findings: [{ ...finding, status: undefined }] }, 'at /findings/0, "status" is missing'],
    [{ findings: [{ ...finding, pointer: undefined }] }, 'at /findings/0, "pointer" is missing'],
    [{ findings: [{ ...finding, keyword: 5 }] }, 'at /findings/0, "keyword" must be a string'],
    [{ findings: [{ ...finding, keyword: undefined }] }, 'at /findings/0, "keyword" is missing'],
    [
      { checks: [{ operation: "o", status: null, violations: {} }], version: 5 },
      'at /checks/0, "violations" must be an array',
    ],
    [
      { checks: [{ operation: "o", status: null, violations: [5] }], version: 5 },
      "at /checks/0/violations/0, must be an object",
    ],
  ])("refuses the malformed report %j at the field's pointer", (fields, problem) => {
    const report = JSON.parse(JSON.stringify({ version: 6, ...fields }));
    expect(refusal(report).lines).toEqual([
      `The baseline r.json is not a readable version ${report.version} report: ${problem}`,
    ]);
  });

  it("reads each violation of an older report once per drift, its pointer as a pattern and its status by request", () => {
    const violation = (pointer: string, keyword: string) => ({ check: "response-schema", pointer, keyword });
    const report = {
      version: 4,
      checks: [
        { operation: "get_log", status: 404, violations: [violation("/a/3", "type"), violation("/a/4", "enum")] },
        { operation: "get_log", status: null, violations: [violation("/a/5", "type")] },
        { operation: "get_log", status: 404, violations: [violation("/a/6", "type")] },
      ],
    };
    const entry = (status: number | null, keyword: string) => {
      const fields = { check: "response-schema", operation: "get_log", status, pointer: "/a/*", keyword };
      return { ...fields, fingerprint: fingerprintOf(fields) };
    };
    expect(parseBaseline(report, "r.json")).toEqual({
      source: { kind: "report", version: 4 },
      entries: [entry(404, "type"), entry(404, "enum"), entry(null, "type")],
    });
  });
});
