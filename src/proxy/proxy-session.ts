// What the proxy judges, from its start to its end: every response of an operation of the spec, judged by the one path
// a recording's entries take (check/har/judge-entry.ts) into one ReportBuilder. Memory stays bounded however long it
// runs: a response that passed is counted, not kept; a drift keeps its first MAX_LISTED_REQUESTS responses and counts
// the rest; at most MAX_FINGERPRINTS distinct findings (past that, one finding says how many occurrences were not
// grouped); at most MAX_SECRETS collected credentials.

import type { HarEntry } from "../check/har/har-types.ts";
import { type EntryJudging, judgeEntry } from "../check/har/judge-entry.ts";
import { entrySecrets } from "../check/har/recording-secrets.ts";
import { ReportBuilder } from "../check/report-builder.ts";
import { runnableChecks } from "../check/runnable-checks.ts";
import type { Exchange } from "../client/exchange.ts";
import { type CheckName, selectChecks } from "../findings/checks.ts";
import { MAX_LISTED_REQUESTS } from "../findings/finding.ts";
import { allOperations } from "../operations/operation-table.ts";
import type { Redactor } from "../redaction/redactor.ts";
import { createSecretsRedactor } from "../redaction/secrets-redactor.ts";
import type { DriftReport, ExchangeResult } from "../report/report-types.ts";
import { capFinding, withCapFinding, withCounts } from "./session-counts.ts";

/** Distinct findings one run groups; occurrences of any further one are counted in one finding. */
export const MAX_FINGERPRINTS = 10_000;
/** Credentials collected for redaction; past it, the first ones are kept (an application has a handful). */
export const MAX_SECRETS = 100_000;

export interface ProxySessionOptions {
  /** The upstream origin, as the report's target names it. */
  upstream: URL;
  strict: boolean;
  checks?: readonly CheckName[];
  skipChecks?: readonly CheckName[];
  maxBodyBytes: number;
  minCoverage?: number;
  /** Called for every response judged, with the Exchange it was judged on (a proposal observes them). */
  onExchange?: (exchange: Exchange) => void;
  now: () => number;
}

/** What was seen but is not in the kept results: the report's figures are corrected by these. */
export interface SessionCounts {
  /** Responses judged and passed, not kept. */
  passed: number;
  /** Per fingerprint, responses showing it that were not kept. */
  unlisted: Map<string, number>;
  /** Responses that showed drift and were not kept. */
  unlistedResponses: number;
  /** Occurrences past MAX_FINGERPRINTS, and whether any of them was breaking. */
  overCap: { count: number; breaking: boolean };
  /** Responses past --max-body-bytes, passed through unjudged. */
  tooLarge: number;
  /** Requests forwarded. */
  forwarded: number;
}

export class ProxySession {
  readonly #judging: EntryJudging;
  readonly #kept: ExchangeResult[] = [];
  /** Per fingerprint: how many kept results show it. */
  readonly #listed = new Map<string, number>();
  readonly #secrets = new Set<string>();
  readonly #inBase64 = new Set<string>();
  readonly counts: SessionCounts = {
    passed: 0,
    unlisted: new Map(),
    unlistedResponses: 0,
    overCap: { count: 0, breaking: false },
    tooLarge: 0,
    forwarded: 0,
  };
  #entries = 0;

  constructor(options: ProxySessionOptions) {
    const { active, skipped } = runnableChecks(selectChecks(options.checks, options.skipChecks), "proxy");
    const builder = new ReportBuilder({
      target: { kind: "base-url", baseUrl: options.upstream.origin },
      strict: options.strict,
      active,
      skipped,
      redact: (text) => this.redactor.text(text),
      now: options.now,
      minCoverage: options.minCoverage,
    });
    for (const operation of allOperations()) builder.plan("recorded", operation.operationId);
    this.#judging = {
      maxBodyBytes: options.maxBodyBytes,
      redactor: createSecretsRedactor([]),
      builder,
      skipped: { entries: 0, judged: 0, skipped: 0, skippedMatched: 0, skippedEntries: [] },
      onExchange: options.onExchange,
    };
  }

  /** The redactor of every credential seen so far: requests', responses' and the upstream's cookies. */
  get redactor(): Redactor {
    return this.#judging.redactor;
  }

  /** A redactor that always uses the latest credentials, for a writer opened before they were seen. */
  readonly currentRedactor: Redactor = {
    text: (value) => this.redactor.text(value),
    cut: (value, max) => this.redactor.cut(value, max),
    numberHoldsSecret: (value) => this.redactor.numberHoldsSecret(value),
  };

  /** How many responses were judged or skipped so far. */
  get entries(): number {
    return this.#entries;
  }

  /** Collects the exchange's credentials, then judges it (a response of no operation of the spec is counted). */
  observe(entry: HarEntry): void {
    this.#collectSecrets(entry);
    const result = judgeEntry(this.#judging, entry, this.#entries++);
    if (result) this.#keep(result);
  }

  /** A response past --max-body-bytes: passed through unjudged. */
  tooLarge(): void {
    this.counts.tooLarge++;
  }

  #collectSecrets(entry: HarEntry): void {
    const { secrets, inBase64Text } = entrySecrets(entry);
    let added = false;
    for (const [found, into] of [
      [secrets, this.#secrets],
      [inBase64Text, this.#inBase64],
    ] as const)
      for (const secret of found)
        if (!into.has(secret) && this.#secrets.size + this.#inBase64.size < MAX_SECRETS) {
          into.add(secret);
          added = true;
        }
    if (added) this.#judging.redactor = createSecretsRedactor(this.#secrets, this.#inBase64);
  }

  /** Keeps a result that shows drift while one of its findings lists fewer than MAX_LISTED_REQUESTS; counts the rest. */
  #keep(result: ExchangeResult): void {
    if (result.violations.length === 0 && result.error === undefined) {
      this.counts.passed++;
      return;
    }
    const violations = result.violations.filter((finding) => this.#withinCap(finding.fingerprint!, finding.kind));
    const fingerprints = new Set(violations.map((finding) => finding.fingerprint!));
    const listed = [...fingerprints].some((fingerprint) => (this.#listed.get(fingerprint) ?? 0) < MAX_LISTED_REQUESTS);
    if (listed || result.error !== undefined) {
      for (const fingerprint of fingerprints) this.#listed.set(fingerprint, (this.#listed.get(fingerprint) ?? 0) + 1);
      this.#kept.push(violations.length === result.violations.length ? result : { ...result, violations });
      return;
    }
    this.counts.unlistedResponses++;
    for (const fingerprint of fingerprints)
      this.counts.unlisted.set(fingerprint, (this.counts.unlisted.get(fingerprint) ?? 0) + 1);
  }

  /** True for a fingerprint already grouped, or a new one while there is room; else counted in the cap's finding. */
  #withinCap(fingerprint: string, kind: "breaking" | "additive"): boolean {
    if (this.#listed.has(fingerprint) || this.#listed.size < MAX_FINGERPRINTS) {
      if (!this.#listed.has(fingerprint)) this.#listed.set(fingerprint, 0);
      return true;
    }
    this.counts.overCap.count++;
    if (kind === "breaking") this.counts.overCap.breaking = true;
    return false;
  }

  /** The report of everything judged so far; it can be built again later, with more. */
  report(): DriftReport {
    const { builder, skipped } = this.#judging;
    const built = builder.build([...this.#kept], {
      requests: this.counts.forwarded,
      recording: { ...skipped, entries: this.#entries, judged: this.#entries - skipped.skipped },
    });
    return withCapFinding(withCounts(built, this.counts), capFinding(this.counts.overCap, MAX_FINGERPRINTS));
  }
}
