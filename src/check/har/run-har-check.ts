// The drift check of a recording (`video-logs check --har FILE`): offline, with no credentials. Every entry whose
// method and path are an operation of the spec (on any host, after an optional proxy prefix) is judged by the checks
// that apply to one response, on the same Exchange and by the same code as a live check; every other entry is counted
// and listed with why it was not judged. Nothing secret the recording holds reaches the report.
import type { Exchange } from "../../client/exchange.ts";
import { DEFAULT_MAX_BODY_BYTES } from "../../client/options.ts";
import { ResponseTooLargeError } from "../../errors/response-too-large-error.ts";
import { type CheckName, selectChecks } from "../../findings/checks.ts";
import type { Finding } from "../../findings/finding.ts";
import { matchOperation, operationsAtPath } from "../../operations/match-path.ts";
import type { Operation, OperationId } from "../../operations/operation-table.ts";
import type { Redactor } from "../../redaction/redactor.ts";
import { createSecretsRedactor } from "../../redaction/secrets-redactor.ts";
import {
  type DriftReport,
  type ExchangeResult,
  MAX_LISTED_SKIPPED_ENTRIES,
  REPORT_VERSION,
  type SkippedEntry,
} from "../../report/report-types.ts";
import { VERSION } from "../../version.ts";
import { type ProbeRequest, resultFromExchange, resultFromFailure } from "../exchange-result.ts";
import { judgeConformance } from "../judge-conformance.ts";
import { redactResult } from "../redact-result.ts";
import { entryBody } from "./entry-body.ts";
import type { HarEntry } from "./har-types.ts";
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
  /** Called once per check, when it is final, for progress output. */
  onCheck?: (check: ExchangeResult, done: number) => void;
  /** Called once for every response judged for conformance, in file order, with the Exchange it was judged on. */
  onExchange?: (exchange: Exchange) => void;
  /** The clock for `startedAt` and `durationMs`. Default Date.now. */
  now?: () => number;
}

/** The checks that need requests planned for them, which a recording does not hold. */
const NEEDS_PLANNED_REQUESTS: readonly CheckName[] = [
  "parameters-honoured",
  "pagination-integrity",
  "cross-endpoint-consistency",
  "negative-data",
  "authentication",
];

/** The longest URL a report keeps of an entry, and the longest path and query in a check's name. */
const MAX_URL_CHARS = 2048;
const MAX_NAME_PATH_CHARS = 200;

/** Where an entry goes: judged as `operation`, or skipped with a reason. */
type Placement = { operation: Operation } | { reason: string; operation?: Operation };

function place(entry: HarEntry, prefix: string | undefined): Placement {
  let url: URL;
  try {
    url = new URL(entry.request.url);
  } catch {
    return { reason: "its URL cannot be parsed" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { reason: "not an HTTP request" };
  let path = url.pathname;
  if (prefix && (path === prefix || path.startsWith(`${prefix}/`))) path = path.slice(prefix.length) || "/";
  const match = matchOperation(entry.request.method, path);
  if (!match) {
    const methods = [...new Set(operationsAtPath(path).map((found) => found.operation.method))];
    return {
      reason:
        methods.length > 0
          ? `the spec has ${methods.join(", ")} at this path, not ${entry.request.method}`
          : "no operation of the spec has this path",
    };
  }
  const { status } = entry.response;
  if (status === 0)
    return { reason: "no response was recorded (status 0: blocked, aborted or failed)", operation: match.operation };
  // The Fetch API's range: 1xx are interim answers; a status past 599 is not HTTP.
  if (status < 200 || status > 599)
    return { reason: `status ${status} is not a final HTTP status (200 to 599)`, operation: match.operation };
  return { operation: match.operation };
}

export async function runHarCheck(options: HarCheckOptions): Promise<DriftReport> {
  const now = options.now ?? Date.now;
  const startedAt = now();
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const { log } = await readHar(options.file, options.maxFileBytes);
  const selected = selectChecks(options.checks, options.skipChecks);
  const skipped = NEEDS_PLANNED_REQUESTS.filter((name) => selected.includes(name)).map((check) => ({
    check,
    reason: "a recording holds only the requests someone made, not the ones this check plans",
  }));
  const active = new Set(selected.filter((name) => !NEEDS_PLANNED_REQUESTS.includes(name)));
  // Every credential in the file, from every entry: a server may echo one entry's token in another's body.
  const redactor = createSecretsRedactor(log.entries.flatMap(entrySecrets));
  const scrub = (text: string) => redactor.text(text);

  const checks: ExchangeResult[] = [];
  const skippedEntries: SkippedEntry[] = [];
  let skippedCount = 0;
  let skippedMatched = 0;
  log.entries.forEach((entry, index) => {
    const url = redactor.cut(safeUrl(entry.request.url), MAX_URL_CHARS).text;
    const placement = place(entry, options.pathPrefix);
    const skip = (reason: string, operation?: Operation) => {
      skippedCount++;
      if (operation) skippedMatched++;
      if (skippedEntries.length >= MAX_LISTED_SKIPPED_ENTRIES) return;
      skippedEntries.push({
        entry: index,
        method: scrub(entry.request.method.slice(0, 40)),
        url,
        ...(operation ? { operation: operation.operationId as OperationId } : {}),
        reason: scrub(reason),
      });
    };
    if ("reason" in placement) return skip(placement.reason, placement.operation);
    const { operation } = placement;
    const body = entryBody(entry.response.content, maxBodyBytes);
    if (body.kind === "unreadable") return skip(body.reason, operation);
    const request = recordedRequest(index, operation, url, redactor);
    const durationMs = Number.isFinite(entry.time) ? Math.max(0, Math.round(entry.time)) : 0;
    let check: ExchangeResult;
    if (body.kind === "too-large") {
      check = resultFromFailure(
        request,
        url,
        new ResponseTooLargeError(operation.method, url, entry.response.status, maxBodyBytes),
        durationMs,
      );
    } else {
      const exchange = recordedExchange(
        operation,
        url,
        entry.response.status,
        entry.response.headers,
        body.bytes,
        redactor,
      );
      // Any declared status is acceptable in a recording; an undeclared one is the validator's status-code finding,
      // so the received status is passed as the expected one rather than stating the same finding twice.
      const findings = judgeConformance(exchange, [exchange.response.status], "status-code");
      options.onExchange?.(exchange);
      check = resultFromExchange(request, exchange, durationMs, findings);
    }
    const violations = check.violations.filter((finding: Finding) => active.has(finding.check));
    const final = redactResult({ ...check, violations, passed: violations.length === 0 }, scrub);
    checks.push(final);
    options.onCheck?.(final, checks.length);
  });

  const notes: string[] = [];
  const found = skippedMatched;
  if (checks.length === 0 && found === 0)
    notes.push(
      "no entry of the recording is an operation of the spec: nothing was judged (behind a proxy, --har-prefix strips its path prefix)",
    );
  if (checks.length === 0 && found > 0)
    notes.push(
      `${found} ${found === 1 ? "entry is" : "entries are"} an operation of the spec, but none could be judged: see why each was skipped`,
    );
  const violations = checks.flatMap((check) => check.violations);
  return {
    version: REPORT_VERSION,
    tool: { name: "signalwire-video-logs", version: VERSION },
    target: { kind: "recording", file: options.file },
    startedAt: new Date(startedAt).toISOString(),
    durationMs: Math.max(0, Math.round(now() - startedAt)),
    strict: options.strict ?? false,
    checksRun: [...active],
    skipped,
    notes,
    summary: {
      requests: 0,
      checked: checks.length,
      passed: checks.filter((check) => check.passed).length,
      breaking: violations.filter((violation) => violation.kind === "breaking").length,
      additive: violations.filter((violation) => violation.kind === "additive").length,
      errors: 0,
    },
    checks,
    recording: {
      entries: log.entries.length,
      judged: checks.length,
      skipped: skippedCount,
      skippedMatched,
      skippedEntries,
    },
  };
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
