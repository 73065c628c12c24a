// The drift check of a recording (`video-logs check --har FILE`): offline, with no credentials. Every entry whose
// method and path are an operation of the spec (on any host, after an optional proxy prefix) is judged by the checks
// that apply to one response, on the same Exchange and by the same code as a live check; every other entry is counted
// and listed with why it was not judged. Nothing secret the recording holds reaches the report.
import type { Exchange } from "../../client/exchange.ts";
import { DEFAULT_MAX_BODY_BYTES } from "../../client/options.ts";
import { type CheckName, selectChecks } from "../../findings/checks.ts";
import { allOperations } from "../../operations/operation-table.ts";
import type { Redactor } from "../../redaction/redactor.ts";
import { createSecretsRedactor } from "../../redaction/secrets-redactor.ts";
import type { DriftReport, ExchangeResult } from "../../report/report-types.ts";
import { interruptionOf } from "../interruption.ts";
import { KeptResults } from "../kept-results.ts";
import { ReportBuilder } from "../report-builder.ts";
import { runnableChecks } from "../runnable-checks.ts";
import { isHarFileError } from "./har-file-error.ts";
import { MAX_HAR_BYTES } from "./har-limits.ts";
import type { HarEntry } from "./har-types.ts";
import { type EntryJudging, judgeEntry } from "./judge-entry.ts";
import { readHar } from "./read-har.ts";
import { MAX_RECORDING_BYTES } from "./recording-limits.ts";
import { entrySecrets } from "./recording-secrets.ts";
import { isNdjsonRecording, streamHar } from "./stream-har.ts";

export interface HarCheckOptions {
  /** The recording to judge, HAR 1.2 or NDJSON (`.ndjson`, `.jsonl`: one HAR entry per line); the report's target names it as given. */
  file: string;
  /** A proxy's path prefix (`/some/prefix`), stripped from a request path that starts with it before matching. */
  pathPrefix?: string;
  /** Additive drift counts as failure. */
  strict?: boolean;
  /** The checks to run (default all that apply to one response); see CHECKS. */
  checks?: readonly CheckName[];
  /** Checks not to run. */
  skipChecks?: readonly CheckName[];
  /** The largest file read, in bytes. Default MAX_RECORDING_BYTES (4 GiB): the file is read as a stream, twice. */
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
  kept: KeptResults;
  /** Entries judged (kept or counted). */
  judged: number;
}

export async function runHarCheck(options: HarCheckOptions): Promise<DriftReport> {
  const now = options.now ?? Date.now;
  const startedAt = now();
  const read = { maxBytes: options.maxFileBytes ?? MAX_RECORDING_BYTES };
  // A first pass checks the file and collects every credential it holds, before anything is judged: a server may echo
  // one entry's token in another's body. The second judges, one entry at a time.
  const { redactor, entries } = await collectSecrets(options.file, read.maxBytes);
  const { active, skipped } = runnableChecks(selectChecks(options.checks, options.skipChecks), "recording");
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
    kept: new KeptResults(),
    judged: 0,
    skipped: { entries, judged: 0, skipped: 0, skippedMatched: 0, skippedEntries: [] },
  };
  const done = await judgeEntries(run, streamHar(options.file, { ...read, validate: false }), options.signal);
  const interrupted = interruptionOf(options.signal);
  if (interrupted)
    builder.notes.push(
      `the check was interrupted (${interrupted.reason}): ${done} of the ${entries} entries were read, judged or skipped; the rest were not`,
    );
  const found = run.skipped.skippedMatched;
  if (run.judged === 0 && found === 0 && !interrupted)
    builder.notes.push(
      "no entry of the recording is an operation of the spec: nothing was judged (behind a proxy, --har-prefix strips its path prefix)",
    );
  if (run.judged === 0 && found > 0 && !interrupted)
    builder.notes.push(
      `${found} ${found === 1 ? "entry is" : "entries are"} an operation of the spec, but none could be judged: see why each was skipped`,
    );
  const report = builder.build(run.kept.results, {
    requests: 0,
    recording: { ...run.skipped, judged: run.judged },
    interrupted,
  });
  return run.kept.corrected(report);
}

/** The first pass: the file checked whole, its entries counted, and the redactor of every credential they hold. */
async function collectSecrets(file: string, maxBytes: number): Promise<{ redactor: Redactor; entries: number }> {
  const secrets = new Set<string>();
  const inBase64Text = new Set<string>();
  let entries = 0;
  try {
    for await (const entry of streamHar(file, { maxBytes })) {
      const found = entrySecrets(entry);
      for (const secret of found.secrets) secrets.add(secret);
      for (const secret of found.inBase64Text) inBase64Text.add(secret);
      entries++;
    }
  } catch (error) {
    // A HAR document that fits in memory is read again whole to say where its JSON goes wrong (line and column).
    if (isHarFileError(error) && error.problem === "not-json" && !isNdjsonRecording(file))
      await readHar(file, Math.min(maxBytes, MAX_HAR_BYTES));
    throw error;
  }
  return { redactor: createSecretsRedactor(secrets, inBase64Text), entries };
}

/** Between entries, a signal is looked at, and heeded: a long run gives way to the event loop so one can arrive. */
const YIELD_EVERY_MS = 50;

/** Judges the entries in file order until `signal` aborts; returns how many were read. */
async function judgeEntries(
  run: RecordingRun,
  entries: AsyncIterable<HarEntry>,
  signal?: AbortSignal,
): Promise<number> {
  let yielded = performance.now();
  let index = 0;
  for await (const entry of entries) {
    if (signal && performance.now() - yielded > YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      yielded = performance.now();
    }
    if (signal?.aborted) return index;
    const result = judgeEntry(run, entry, index++);
    if (result) {
      run.judged++;
      run.kept.add(result);
    }
  }
  return index;
}
