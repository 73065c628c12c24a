// Reads `check --baseline FILE`: bounded like a recording, UTF-8 (a byte order mark dropped), JSON, and either an
// ignore file valid for schemas/baseline.schema.json or an earlier JSON report whose findings it reads. Anything else
// is a BaselineFileError naming what is wrong and where; nothing is guessed, so an entry hides only what it names.
import type { BaselineEntry } from "../findings/baseline-entry.ts";
import { fingerprintOf, patternPointer } from "../findings/fingerprint.ts";
import type { Baseline } from "./baseline.ts";
import { ignoreFileProblems } from "./baseline-schema.ts";
import { MAX_HAR_BYTES } from "./har/har-limits.ts";
import { describeJsonSyntaxError } from "./har/json-syntax-error.ts";
import { mib, readBoundedText, TextReadError } from "./har/read-bounded.ts";

/** The largest baseline read: a recording's bound, as a report used as a baseline may be as large as a recording. */
export const MAX_BASELINE_BYTES = MAX_HAR_BYTES;

/** The report versions whose findings a baseline reads: 3 to 5 list violations by request, 6 lists findings. */
export const BASELINE_REPORT_VERSIONS = { fromChecks: [3, 4, 5], fromFindings: [6, 7, 8] } as const;

/** A baseline that cannot be used, with its message as lines (the first says which file). */
export class BaselineFileError extends Error {
  override name = "BaselineFileError";
  readonly lines: readonly [string, ...string[]];

  constructor(...lines: [string, ...string[]]) {
    super(lines.join("\n"));
    this.lines = lines;
  }
}

/** Reads and checks the baseline `file`; throws a BaselineFileError. */
export async function readBaselineFile(file: string, maxBytes = MAX_BASELINE_BYTES): Promise<Baseline> {
  let text: string;
  try {
    text = await readBoundedText(file, maxBytes);
  } catch (error) {
    if (!(error instanceof TextReadError)) throw error;
    const { reason } = error;
    if (reason.problem === "unreadable")
      throw new BaselineFileError(`Cannot read the baseline ${file}: ${reason.code}`);
    if (reason.problem === "not-utf8") throw new BaselineFileError(`The baseline ${file} is not UTF-8 text`);
    const size = reason.size === undefined ? "" : ` is ${mib(reason.size)},`;
    throw new BaselineFileError(
      `The baseline ${file}${size || " is"} more than the ${mib(maxBytes)} a baseline may have`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const { what, where } = describeJsonSyntaxError(text);
    throw new BaselineFileError(`The baseline ${file} is not JSON: ${what}${where ? ` at ${where}` : ""}`);
  }
  return parseBaseline(value, file);
}

/** The baseline a parsed file holds: an ignore file, or an earlier report; throws a BaselineFileError. */
export function parseBaseline(value: unknown, file: string): Baseline {
  const record = typeof value === "object" && value !== null && !Array.isArray(value) ? value : undefined;
  if (record && "ignore" in record) {
    const problems = ignoreFileProblems(value);
    if (problems.length > 0)
      throw new BaselineFileError(
        `The baseline ${file} is not a valid ignore file (schemas/baseline.schema.json):`,
        ...problems.map((problem) => `  ${problem}`),
      );
    return { source: { kind: "ignore-file" }, entries: (value as { ignore: BaselineEntry[] }).ignore };
  }
  if (record && "version" in record) return reportBaseline(record as Record<string, unknown>, file);
  throw new BaselineFileError(
    `The baseline ${file} is neither an ignore file nor an earlier JSON report (check --report json=FILE)`,
    `An ignore file: {"ignore": [{"check": "response-schema", "operation": "get_log", "pointer": "/data/*/charge"}]}`,
  );
}

/** A report's findings as entries, each naming its fingerprint: a report never hides a whole operation. */
function reportBaseline(report: Record<string, unknown>, file: string): Baseline {
  const version = report.version;
  const read = new ReportReader(file, version);
  if (BASELINE_REPORT_VERSIONS.fromFindings.includes(version as 6))
    return { source: { kind: "report", version: version as number }, entries: read.findings(report) };
  if (BASELINE_REPORT_VERSIONS.fromChecks.includes(version as 3))
    return { source: { kind: "report", version: version as number }, entries: read.violations(report) };
  throw new BaselineFileError(
    `The baseline ${file} is a report of version ${String(JSON.stringify(version)).slice(0, 40)}, which cannot be a baseline: use a JSON report of version 3 to 8 (check --report json=FILE) or an ignore file`,
  );
}

const FINGERPRINT = /^[0-9a-f]{16}$/;

/** Reads the fields a baseline needs from an earlier report, refusing one that lacks any, by its JSON pointer. */
class ReportReader {
  readonly #file: string;
  readonly #version: unknown;

  constructor(file: string, version: unknown) {
    this.#file = file;
    this.#version = version;
  }

  /** Version 6: each finding's fingerprint, with its fields for the report's list of stale entries. */
  findings(report: Record<string, unknown>): BaselineEntry[] {
    return this.#array(report, "findings", "").map((finding, i) => {
      const at = `/findings/${i}`;
      const record = this.#object(finding, at);
      const fingerprint = this.#string(record, "fingerprint", at);
      if (!FINGERPRINT.test(fingerprint)) this.#refuse(at, `"fingerprint" must be 16 hex digits`);
      const check = this.#string(record, "check", at);
      const operation = this.#string(record, "operation", at);
      const status = this.#status(record, at);
      return { check, operation, status, ...this.#location(record, at), fingerprint };
    });
  }

  /** Versions 3 to 5: each violation of each request, its fingerprint computed as version 6 does; each drift once. */
  violations(report: Record<string, unknown>): BaselineEntry[] {
    const entries = new Map<string, BaselineEntry>();
    this.#array(report, "checks", "").forEach((check, i) => {
      const at = `/checks/${i}`;
      const record = this.#object(check, at);
      const operation = this.#string(record, "operation", at);
      // The violations first: one that names no check is what makes an earlier report hide too much.
      const found = this.#array(record, "violations", at).map((violation, j) => {
        const where = `${at}/violations/${j}`;
        const fields = this.#object(violation, where);
        return { check: this.#string(fields, "check", where), ...this.#location(fields, where) };
      });
      const status = this.#status(record, at);
      for (const { check: name, pointer, keyword } of found) {
        const entry = { check: name, operation, status, pointer: patternPointer(pointer), keyword };
        const fingerprint = fingerprintOf(entry);
        if (!entries.has(fingerprint)) entries.set(fingerprint, { ...entry, fingerprint });
      }
    });
    return [...entries.values()];
  }

  #location(record: Record<string, unknown>, at: string) {
    return { pointer: this.#string(record, "pointer", at), keyword: this.#string(record, "keyword", at) };
  }

  #refuse(at: string, problem: string): never {
    throw new BaselineFileError(
      `The baseline ${this.#file} is not a readable version ${this.#version} report: at ${at || "/"}, ${problem}`,
    );
  }

  #object(value: unknown, at: string): Record<string, unknown> {
    if (typeof value !== "object" || value === null || Array.isArray(value)) this.#refuse(at, "must be an object");
    return value as Record<string, unknown>;
  }

  #array(record: Record<string, unknown>, key: string, at: string): unknown[] {
    if (!(key in record)) this.#refuse(at, `"${key}" is missing`);
    if (!Array.isArray(record[key])) this.#refuse(at, `"${key}" must be an array`);
    return record[key] as unknown[];
  }

  #string(record: Record<string, unknown>, key: string, at: string): string {
    if (!(key in record)) this.#refuse(at, `"${key}" is missing`);
    if (typeof record[key] !== "string") this.#refuse(at, `"${key}" must be a string`);
    return record[key] as string;
  }

  #status(record: Record<string, unknown>, at: string): number | null {
    if (!("status" in record)) this.#refuse(at, `"status" is missing`);
    const status = record.status;
    if (status !== null && !Number.isInteger(status)) this.#refuse(at, `"status" must be a whole number or null`);
    return status as number | null;
  }
}
