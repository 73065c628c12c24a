// The drift check of a recording (`video-logs check --har FILE`): offline, with no credentials. Every entry whose
// method and path are an operation of the spec (on any host, after an optional proxy prefix) is judged by the checks
// that apply to one response, on the same Exchange and by the same code as a live check; every other entry is counted
// and listed with why it was not judged. Nothing secret the recording holds reaches the report.
import type { Exchange } from "../../client/exchange.ts";
import { DEFAULT_MAX_BODY_BYTES } from "../../client/options.ts";
import { type CheckName, selectChecks } from "../../findings/checks.ts";
import { allOperations } from "../../operations/operation-table.ts";
import { createSecretsRedactor } from "../../redaction/secrets-redactor.ts";
import type { DriftReport, ExchangeResult } from "../../report/report-types.ts";
import { interruptionOf } from "../interruption.ts";
import { ReportBuilder } from "../report-builder.ts";
import { runnableChecks } from "../runnable-checks.ts";
import type { HarEntry } from "./har-types.ts";
import { type EntryJudging, judgeEntry } from "./judge-entry.ts";
import { readHar } from "./read-har.ts";
import { entrySecrets } from "./recording-secrets.ts";

export interface HarCheckOptions {
  /** The HAR 1.2 file to judge; the report's target names it as given. */
  file: string;
  /** A proxy's path prefix (`/some/prefix`), stripped from a request path that starts with it before matching. */
  pathPrefix?: string;
  /** Additive drift counts as failure. */
  strict?: boolean;
  /** The checks to run (default all that apply to one response); see CHECKS. */
  checks?: readonly CheckName[];
  /** Checks not to run. */
  skipChecks?: readonly CheckName[];
  /** The largest file read, in bytes. Default MAX_HAR_BYTES (256 MiB). */
  maxFileBytes?: number;
  /** The largest body judged, decoded, in bytes; a larger one is a `size` finding, as in a live check. Default 32 MiB, the client's default. */
  maxBodyBytes?: number;
  /** Called once per request's result, when it is final, for progress output. */
  onResult?: (result: ExchangeResult, done: number) => void;
  /** @deprecated Use onResult ("check" names a named check only). Removed at 1.0. */
  onCheck?: (result: ExchangeResult, done: number) => void;
  /** The least coverage, in percent (0 to 100), the check `coverage` accepts; below it the run fails. Default: none. */
  minCoverage?: number;
  /** Called once for every response judged for conformance, in file order, with the Exchange it was judged on. */
  onExchange?: (exchange: Exchange) => void;
  /** The clock for `startedAt` and `durationMs`. Default Date.now. */
  now?: () => number;
  /**
   * Interrupts the check between entries: it resolves with a report of the entries judged (or skipped) before, marked
   * `interrupted` with the signal's reason.
   */
  signal?: AbortSignal;
}

/** What a recording check carries from entry to entry. */
interface RecordingRun extends EntryJudging {
  results: ExchangeResult[];
}

export async function runHarCheck(options: HarCheckOptions): Promise<DriftReport> {
  const now = options.now ?? Date.now;
  const startedAt = now();
  const { log } = await readHar(options.file, options.maxFileBytes);
  const { active, skipped } = runnableChecks(selectChecks(options.checks, options.skipChecks), "recording");
  // Every credential in the file, from every entry: a server may echo one entry's token in another's body.
  const credentials = log.entries.map(entrySecrets);
  const redactor = createSecretsRedactor(
    credentials.flatMap((entry) => entry.secrets),
    credentials.flatMap((entry) => entry.inBase64Text),
  );
  const builder = new ReportBuilder({
    target: { kind: "recording", file: options.file },
    strict: options.strict ?? false,
    active,
    skipped,
    redact: (text) => redactor.text(text),
    onResult: options.onResult ?? options.onCheck,
    now,
    startedAt,
    minCoverage: options.minCoverage,
  });
  // A recording may hold any operation of the spec: each is planned, and one it does not hold is not exercised.
  for (const operation of allOperations()) builder.plan("recorded", operation.operationId);
  const run: RecordingRun = {
    pathPrefix: options.pathPrefix,
    onExchange: options.onExchange,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    redactor,
    builder,
    results: [],
    skipped: { entries: log.entries.length, judged: 0, skipped: 0, skippedMatched: 0, skippedEntries: [] },
  };
  const read = await judgeEntries(run, log.entries, options.signal);
  const interrupted = interruptionOf(options.signal);
  if (interrupted)
    builder.notes.push(
      `the check was interrupted (${interrupted.reason}): ${read} of the ${log.entries.length} entries were read, judged or skipped; the rest were not`,
    );
  const { results } = run;
  const found = run.skipped.skippedMatched;
  if (results.length === 0 && found === 0 && !interrupted)
    builder.notes.push(
      "no entry of the recording is an operation of the spec: nothing was judged (behind a proxy, --har-prefix strips its path prefix)",
    );
  if (results.length === 0 && found > 0 && !interrupted)
    builder.notes.push(
      `${found} ${found === 1 ? "entry is" : "entries are"} an operation of the spec, but none could be judged: see why each was skipped`,
    );
  return builder.build(results, {
    requests: 0,
    recording: { ...run.skipped, judged: results.length },
    interrupted,
  });
}

/** Between entries, a signal is looked at, and heeded: a long run gives way to the event loop so one can arrive. */
const YIELD_EVERY_MS = 50;

/** Judges the entries in file order until `signal` aborts; returns how many were read. */
async function judgeEntries(run: RecordingRun, entries: readonly HarEntry[], signal?: AbortSignal): Promise<number> {
  let yielded = performance.now();
  for (const [index, entry] of entries.entries()) {
    if (signal && performance.now() - yielded > YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      yielded = performance.now();
    }
    if (signal?.aborted) return index;
    const result = judgeEntry(run, entry, index);
    if (result) run.results.push(result);
  }
  return entries.length;
}
