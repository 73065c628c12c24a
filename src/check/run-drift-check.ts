// The drift check: a short, gentle tour of the API whose every response is judged strictly against the spec.
import { randomUUID } from "node:crypto";
import type { VideoLogsClient } from "../client/create-client.ts";
import { decodeUtf8Body } from "../client/decode-body.ts";
import { nextPageQuery } from "../client/next-page-link.ts";
import { receivedBody } from "../client/received-body.ts";
import { requestIdOf } from "../client/request-id.ts";
import { isContractViolationError } from "../errors/contract-violation-error.ts";
import { isUnsafeRedirectError } from "../errors/unsafe-redirect-error.ts";
import { isVideoLogsError } from "../errors/video-logs-error.ts";
import { parseJsonBody } from "../validation/parse-json-body.ts";
import type { OperationId } from "../validation/validate-response.ts";
import { VERSION } from "../version.ts";
import { curlCommand } from "./curl-command.ts";
import { pageQueryKey, paginationLoopViolation } from "./page-loop.ts";
import { REPORT_VERSION, type CheckResult, type DriftReport } from "./report-types.ts";
import { validateWithinStack } from "./validate-within-stack.ts";

export interface DriftCheckOptions {
  /** A client with `validation: "off"`: the check judges the raw responses itself. */
  client: VideoLogsClient;
  /** A client with deliberately wrong credentials for the 401 probe; omit to skip the probe. */
  wrongCredentialsClient?: VideoLogsClient;
  target: DriftReport["target"];
  /** Pages to read per listing. Default 3. */
  pages?: number;
  /** How many of the ids seen to fetch one by one. Default 5. */
  sample?: number;
  /** Additive drift counts as failure. */
  strict?: boolean;
  /**
   * Ask the server, with a `Prefer: code=…` header, for the status a probe expects. Only a Prism mock understands
   * it; it lets the mock play the 404 and 401 scenarios it cannot know about.
   */
  preferStatusHints?: boolean;
  /** Called after every check, for progress output. */
  onCheck?: (check: CheckResult, done: number) => void;
  signal?: AbortSignal;
}

interface Probe {
  name: string;
  operation: OperationId;
  expectedStatus: number[];
  client: VideoLogsClient;
  auth: "env" | "wrong";
  /** Sends the request with openapi-fetch's `parseAs: "text"`, so that a body which is not JSON can be reported. */
  request: (headers: Record<string, string>) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function runDriftCheck(options: DriftCheckOptions): Promise<DriftReport> {
  const { client, pages = 3, sample = 5, strict = false, signal } = options;
  const startedAt = new Date();
  const checks: CheckResult[] = [];
  // The wrong-credentials client's token is deliberately wrong, not a secret: the real client's credentials are.
  const redacted = (check: CheckResult) => client.redact(check);

  async function run(probe: Probe): Promise<unknown> {
    const hint: Record<string, string> =
      options.preferStatusHints && probe.expectedStatus[0] !== 200 ? { Prefer: `code=${probe.expectedStatus[0]}` } : {};
    const started = performance.now();
    const result = (url: string, fields: Pick<CheckResult, "status" | "passed" | "violations" | "requestId"> & { error?: string }): CheckResult => ({
      name: probe.name,
      operation: probe.operation,
      method: "GET",
      url,
      expectedStatus: probe.expectedStatus,
      ...fields,
      durationMs: Math.round(performance.now() - started),
      curl: curlCommand(url, probe.auth, hint),
    });
    let check: CheckResult;
    let body: unknown;
    try {
      const { data, error, response } = await probe.request(hint);
      const parsed = response.ok ? parseOkBody(response, data) : { ok: true as const, body: error };
      body = parsed.ok ? parsed.body : undefined;
      const unexpected = !probe.expectedStatus.includes(response.status);
      const violations = parsed.ok
        ? validateWithinStack(probe.operation, response.status, body, "text" in parsed ? parsed.text : undefined)
        : [parsed.violation];
      if (unexpected && violations.every((v) => v.keyword !== "status")) {
        violations.unshift({
          pointer: "",
          kind: "breaking",
          keyword: "status",
          message: `expected status ${probe.expectedStatus.join(" or ")}, got ${response.status}`,
          expected: probe.expectedStatus.join(" or "),
          actual: String(response.status),
        });
      }
      check = result(response.url, {
        status: response.status,
        passed: violations.length === 0,
        violations,
        requestId: requestIdOf(response.headers) ?? null,
      });
    } catch (error) {
      if (!isVideoLogsError(error)) throw error;
      const url = "url" in error ? String(error.url) : probe.client.baseUrl;
      check = result(url, { status: null, passed: false, violations: [], requestId: null, error: error.message });
    }
    check = redacted(check);
    checks.push(check);
    options.onCheck?.(check, checks.length);
    return check.passed || check.status === 200 ? body : undefined;
  }

  // 1. Listings, with and without deleted logs, following links.next like iterateLogs does.
  const seenIds: string[] = [];
  for (const includeDeleted of [false, true]) {
    let rawQuery: string | undefined;
    // Every page read, by its normalised query: a link back to any of them is a loop, reported, not followed.
    const readPages = new Set<string>();
    for (let page = 1; page <= pages; page++) {
      const body = (await run({
        name: `list_logs page ${page} (include_deleted=${includeDeleted})`,
        operation: "list_logs",
        expectedStatus: [200],
        client,
        auth: "env",
        request: (headers) =>
          client.raw.GET("/api/video/logs", {
            params: { query: { include_deleted: includeDeleted } },
            ...(rawQuery !== undefined ? { querySerializer: () => rawQuery! } : {}),
            headers,
            parseAs: "text",
            signal,
          }),
      })) as { data?: { id?: unknown }[]; links?: { next?: unknown } } | undefined;
      readPages.add(pageQueryKey(new URL(checks.at(-1)!.url, client.baseUrl).search.slice(1)));
      for (const log of Array.isArray(body?.data) ? body.data : []) {
        // Only ids that are UUIDs go into a path; any other id is already reported as a violation of the page.
        if (typeof log?.id === "string" && UUID.test(log.id) && !seenIds.includes(log.id)) seenIds.push(log.id);
      }
      const next = body?.links?.next;
      if (typeof next !== "string") break;
      try {
        rawQuery = nextPageQuery(next, client.baseUrl);
      } catch (error) {
        const pageCheck = checks.at(-1)!;
        if (isContractViolationError(error)) {
          pageCheck.violations.push(...error.violations);
          pageCheck.passed = false;
        } else if (isUnsafeRedirectError(error)) {
          // Legitimate behind a proxy or against a mock serving absolute example links: note it, read no further.
          (pageCheck.notes ??= []).push(`links.next leaves ${client.baseUrl}; not followed: ${JSON.stringify(next)}`);
        } else throw error;
        break;
      }
      if (readPages.has(pageQueryKey(rawQuery))) {
        const pageCheck = checks.at(-1)!;
        pageCheck.violations.push(paginationLoopViolation(next));
        pageCheck.passed = false;
        break;
      }
    }
  }

  // 2. A sample of the ids seen, one by one.
  for (const id of seenIds.slice(0, sample)) {
    await run({
      name: `get_log ${id}`,
      operation: "get_log",
      expectedStatus: [200],
      client,
      auth: "env",
      request: (headers) => client.raw.GET("/api/video/logs/{id}", { params: { path: { id } }, headers, parseAs: "text", signal }),
    });
  }

  // 3. An id nobody has: the spec's 404 body.
  const unknownId = randomUUID();
  await run({
    name: "get_log of an unknown id",
    operation: "get_log",
    expectedStatus: [404],
    client,
    auth: "env",
    request: (headers) =>
      client.raw.GET("/api/video/logs/{id}", { params: { path: { id: unknownId } }, headers, parseAs: "text", signal }),
  });

  // 4. Wrong credentials: the spec's 401 body.
  const wrong = options.wrongCredentialsClient;
  if (wrong) {
    await run({
      name: "list_logs with wrong credentials",
      operation: "list_logs",
      expectedStatus: [401],
      client: wrong,
      auth: "wrong",
      request: (headers) =>
        wrong.raw.GET("/api/video/logs", { params: { query: { page_size: 1 } }, headers, parseAs: "text", signal }),
    });
  }

  const violations = checks.flatMap((c) => c.violations);
  return {
    version: REPORT_VERSION,
    tool: { name: "signalwire-video-logs", version: VERSION },
    target: options.target,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    strict,
    summary: {
      requests: checks.length,
      checked: checks.filter((c) => c.status !== null).length,
      passed: checks.filter((c) => c.passed).length,
      breaking: violations.filter((v) => v.kind === "breaking").length,
      additive: violations.filter((v) => v.kind === "additive").length,
      errors: checks.filter((c) => c.status === null).length,
    },
    // Notes and violations added to a check after it ran hold server text too.
    checks: checks.map(redacted),
  };
}

/** A 2xx body as JSON with its text, or the violation saying why not; bytes that are not UTF-8 are one (never repaired). */
function parseOkBody(response: Response, data: unknown) {
  const bytes = receivedBody(response);
  const decoded = bytes ? decodeUtf8Body(bytes) : { ok: true as const, text: typeof data === "string" ? data : "" };
  if (!decoded.ok) return decoded;
  const parsed = parseJsonBody(decoded.text);
  return parsed.ok ? { ...parsed, text: decoded.text } : parsed;
}
