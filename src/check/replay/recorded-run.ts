// What `check --record` writes beside each exchange, in the HAR custom field `_videoLogs`: the probe it answers and
// the run it belongs to (seed, pin, target, options). `check --replay` reads it back from an untrusted file, so every
// field is checked here before anything trusts it.
import { CHECKS_BY_KIND } from "../../findings/probe-kind.ts";
import type { ProbeIdentity } from "../tour/tour-transport.ts";

/** The run's options that shape its requests or its verdict: a replay with other values would not be the same run. */
export interface RecordedOptions {
  pages: number;
  sample: number;
  maxRequests: number;
  concurrency: number;
  strict: boolean;
  /** `--checks`, as given (sorted); null when not given. */
  checks: string[] | null;
  skipChecks: string[] | null;
  minCoverage: number | null;
  /** The no-credentials and wrong-credentials requests were planned (no `--no-auth-probe`). */
  authProbes: boolean;
  /** The SHA-256 of the spec the run judged by (`--spec`, or the embedded one). */
  specHash: string;
}

export interface RecordedRun {
  seed: number;
  /** The instant the tour's listings are pinned at (`created_before`), and its start. */
  pin: string;
  target: { baseUrl: string; kind: "mock" | "space" | "base-url" };
  options: RecordedOptions;
}

/** An entry's `_videoLogs`. */
export interface RecordedFields extends RecordedRun {
  probe: ProbeIdentity;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isNames = (value: unknown) =>
  value === null || (Array.isArray(value) && value.every((v) => typeof v === "string"));
const TARGET_KINDS = new Set(["mock", "space", "base-url"]);

function isOptions(value: unknown): value is RecordedOptions {
  if (!isRecord(value)) return false;
  const { pages, sample, maxRequests, concurrency, strict, checks, skipChecks, minCoverage, authProbes, specHash } =
    value;
  return (
    [pages, sample, maxRequests, concurrency].every(isCount) &&
    typeof strict === "boolean" &&
    typeof authProbes === "boolean" &&
    isNames(checks) &&
    isNames(skipChecks) &&
    (minCoverage === null || isCount(minCoverage)) &&
    typeof specHash === "string"
  );
}

function isProbe(value: unknown): value is ProbeIdentity {
  if (!isRecord(value)) return false;
  const { kind, operation, request, attempt } = value;
  return (
    typeof kind === "string" &&
    Object.hasOwn(CHECKS_BY_KIND, kind) &&
    typeof operation === "string" &&
    typeof request === "string" &&
    isCount(attempt) &&
    attempt >= 1
  );
}

/** The entry's fields, or a sentence saying what is wrong with them. */
export function recordedFields(value: unknown): RecordedFields | string {
  if (value === undefined) return "it has no _videoLogs field (it was not written by check --record)";
  if (!isRecord(value)) return "its _videoLogs field is not an object";
  const { seed, pin, target, options, probe } = value;
  if (!isCount(seed) || seed > 2 ** 32 - 1) return "its _videoLogs.seed is not a seed";
  if (typeof pin !== "string" || Number.isNaN(Date.parse(pin))) return "its _videoLogs.pin is not a time";
  if (!isRecord(target) || typeof target.baseUrl !== "string" || !TARGET_KINDS.has(target.kind as string))
    return "its _videoLogs.target is not a target";
  if (!isOptions(options)) return "its _videoLogs.options are not a run's options";
  if (!isProbe(probe)) return "its _videoLogs.probe does not name a probe";
  return value as unknown as RecordedFields;
}

/** The run of these fields, the probe left out: every entry of one recording has the same. */
export const runOf = ({ seed, pin, target, options }: RecordedFields): RecordedRun => ({
  seed,
  pin,
  target: { baseUrl: target.baseUrl, kind: target.kind },
  options,
});

/** The flag that sets each option, for the message naming the options that differ. */
const OPTION_FLAGS: Record<keyof RecordedOptions, string> = {
  pages: "--pages",
  sample: "--sample",
  maxRequests: "--max-requests",
  concurrency: "--concurrency",
  strict: "--strict",
  checks: "--checks",
  skipChecks: "--skip-checks",
  minCoverage: "--min-coverage",
  authProbes: "--no-auth-probe",
  specHash: "--spec",
};

const shown = (key: keyof RecordedOptions, value: unknown) =>
  key === "specHash" ? `spec ${String(value).slice(0, 19)}` : value === null ? "not given" : JSON.stringify(value);

/** Each option that differs, as `--pages (recorded 3, given 5)`; seed apart (the caller names it). */
export function differingOptions(recorded: RecordedOptions, given: RecordedOptions): string[] {
  return (Object.keys(OPTION_FLAGS) as (keyof RecordedOptions)[])
    .filter((key) => JSON.stringify(recorded[key]) !== JSON.stringify(given[key]))
    .map((key) => `${OPTION_FLAGS[key]} (recorded ${shown(key, recorded[key])}, given ${shown(key, given[key])})`);
}
