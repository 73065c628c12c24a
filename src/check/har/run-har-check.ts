// The drift check of a recording (`video-logs check --har FILE`): offline, with no credentials. Every entry whose
// method and path are an operation of the spec (on any host, after an optional proxy prefix) is judged by the checks
// that apply to one response, on the same Exchange and by the same code as a live check; every other entry is counted
// and listed with why it was not judged. Nothing secret the recording holds reaches the report.
import type { Exchange } from "../../client/exchange.ts";
import { DEFAULT_MAX_BODY_BYTES } from "../../client/options.ts";
import { ResponseTooLargeError } from "../../errors/response-too-large-error.ts";
import { type CheckName, selectChecks } from "../../findings/checks.ts";
import { allOperations, type Operation, type OperationId } from "../../operations/operation-table.ts";
import type { Redactor } from "../../redaction/redactor.ts";
import { createSecretsRedactor } from "../../redaction/secrets-redactor.ts";
import { type DriftReport, type ExchangeResult, MAX_LISTED_SKIPPED_ENTRIES } from "../../report/report-types.ts";
import { type ProbeRequest, resultFromExchange, resultFromFailure } from "../exchange-result.ts";
import { interruptionOf } from "../interruption.ts";
import { judgeConformance } from "../judge-conformance.ts";
import { ReportBuilder } from "../report-builder.ts";
import { runnableChecks } from "../runnable-checks.ts";
import { entryBody } from "./entry-body.ts";
import type { HarEntry } from "./har-types.ts";
import { placeEntry } from "./place-entry.ts";
import { readHar } from "./read-har.ts";
import { recordedExchange } from "./recorded-exchange.ts";
import { entrySecrets, safeUrl } from "./recording-secrets.ts";
import { reproAuth } from "./repro-auth.ts";

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

/** The longest URL a report keeps of an entry, and the longest path and query in a result's name. */
const MAX_URL_CHARS = 2048;
const MAX_NAME_PATH_CHARS = 200;

/** What a recording check carries from entry to entry. */
interface RecordingRun {
  options: HarCheckOptions;
  maxBodyBytes: number;
  redactor: Redactor;
  builder: ReportBuilder;
  results: ExchangeResult[];
  skipped: NonNullable<DriftReport["recording"]>;
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
    options,
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
    judgeEntry(run, entry, index);
  }
  return entries.length;
}

/** Judges one entry by the checks of one response, or counts it (and lists it, up to a bound) as skipped with why. */
function judgeEntry(run: RecordingRun, entry: HarEntry, index: number): void {
  const url = run.redactor.cut(safeUrl(entry.request.url), MAX_URL_CHARS).text;
  const placement = placeEntry(entry, run.options.pathPrefix);
  if ("reason" in placement) {
    skipEntry(run, entry, index, url, placement.reason, placement.operation);
    return;
  }
  const { operation } = placement;
  const body = entryBody(entry.response.content, run.maxBodyBytes);
  if (body.kind === "unreadable") {
    skipEntry(run, entry, index, url, body.reason, operation);
    return;
  }
  const request = recordedRequest(index, operation, url, run.redactor);
  const durationMs = Number.isFinite(entry.time) ? Math.max(0, Math.round(entry.time)) : 0;
  if (body.kind === "too-large") {
    const error = new ResponseTooLargeError(operation.method, url, entry.response.status, run.maxBodyBytes);
    run.results.push(run.builder.finish(resultFromFailure(request, url, error, durationMs)));
  } else {
    const { status, headers } = entry.response;
    const exchange = recordedExchange(operation, url, status, headers, body.bytes, run.redactor);
    // Any declared status is acceptable in a recording; an undeclared one is the validator's status-code finding,
    // so the received status is passed as the expected one rather than stating the same finding twice.
    const findings = judgeConformance(exchange, [exchange.response.status], "status-code");
    run.options.onExchange?.(exchange);
    run.results.push(run.builder.finish(resultFromExchange(request, exchange, durationMs, findings), exchange));
  }
}

function skipEntry(
  run: RecordingRun,
  entry: HarEntry,
  index: number,
  url: string,
  reason: string,
  operation?: Operation,
) {
  const { skipped, redactor } = run;
  skipped.skipped++;
  if (operation) skipped.skippedMatched++;
  if (skipped.skippedEntries.length >= MAX_LISTED_SKIPPED_ENTRIES) return;
  skipped.skippedEntries.push({
    entry: index,
    method: redactor.text(entry.request.method.slice(0, 40)),
    url,
    ...(operation ? { operation: operation.operationId as OperationId } : {}),
    reason: redactor.text(reason),
  });
}

/** The check's request, named so a reader finds the entry: its index, method, path and query (no secrets). */
function recordedRequest(index: number, operation: Operation, url: string, redactor: Redactor): ProbeRequest {
  const pathAndQuery = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "");
  return {
    name: `entry ${index}: ${operation.method} ${redactor.cut(pathAndQuery, MAX_NAME_PATH_CHARS).text}`,
    kind: "recorded",
    operation: operation.operationId as OperationId,
    expectedStatus: operation.statuses.map(Number).filter(Number.isFinite),
    auth: reproAuth(url),
    headers: {},
  };
}
