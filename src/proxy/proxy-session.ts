// What the proxy judges, from its start to its end: every response of an operation of the spec, judged by the one path
// a recording's entries take (check/har/judge-entry.ts) into one ReportBuilder. Memory stays bounded however long it
// runs: the results are kept as check/kept-results.ts bounds them (the fingerprint cap among them), and at most
// MAX_SECRETS credentials are collected. An exchange whose credentials would pass that cap is neither judged nor
// recorded: a credential that is not collected could not be redacted.

import type { HarEntry } from "../check/har/har-types.ts";
import { type EntryJudging, judgeEntry } from "../check/har/judge-entry.ts";
import { entrySecrets } from "../check/har/recording-secrets.ts";
import { KeptResults } from "../check/kept-results.ts";
import { ReportBuilder } from "../check/report-builder.ts";
import { runnableChecks } from "../check/runnable-checks.ts";
import type { Exchange } from "../client/exchange.ts";
import { type CheckName, selectChecks } from "../findings/checks.ts";
import { allOperations } from "../operations/operation-table.ts";
import { GrowingSecretsRedactor } from "../redaction/growing-secrets-redactor.ts";
import type { Redactor } from "../redaction/redactor.ts";
import type { DriftReport } from "../report/report-types.ts";

/**
 * Credentials collected for redaction (each Basic credential counts about 20: its spellings). An application has a
 * handful; a proxy for thousands of clients, each with its own, reaches it.
 */
export const MAX_SECRETS = 100_000;

export interface ProxySessionOptions {
  /** The upstream origin, as the report's target names it. */
  upstream: URL;
  strict: boolean;
  checks?: readonly CheckName[];
  skipChecks?: readonly CheckName[];
  maxBodyBytes: number;
  minCoverage?: number;
  /** Called with the credentials each exchange adds to those collected (the proxy's main thread redacts with them). */
  onSecrets?: (added: { secrets: string[]; inBase64: string[] }) => void;
  /** Called for every response judged, with the Exchange it was judged on (a proposal observes them). */
  onExchange?: (exchange: Exchange) => void;
  now: () => number;
  /** MAX_SECRETS unless a test says otherwise. */
  maxSecrets?: number;
}

export class ProxySession {
  readonly #judging: EntryJudging;
  readonly #kept = new KeptResults();
  readonly #secrets = new Set<string>();
  readonly #inBase64 = new Set<string>();
  /** Grows with each credential collected: adding one costs the same however many are known. */
  readonly #redactor = new GrowingSecretsRedactor();
  /**
   * Requests forwarded; responses past --max-body-bytes (passed through unjudged); responses whose credentials would
   * pass the cap (passed through unjudged and unrecorded).
   */
  readonly counts = { forwarded: 0, tooLarge: 0, pastSecretCap: 0 };
  readonly #maxSecrets: number;
  #entries = 0;
  readonly #onSecrets: ProxySessionOptions["onSecrets"];

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
    this.#onSecrets = options.onSecrets;
    this.#maxSecrets = options.maxSecrets ?? MAX_SECRETS;
    this.#judging = {
      maxBodyBytes: options.maxBodyBytes,
      redactor: this.#redactor,
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

  /**
   * Collects the exchange's credentials, then judges it (a response of no operation of the spec, or past
   * --max-body-bytes, is counted). False when its credentials would pass the cap: it is then only counted, and must
   * not be recorded.
   */
  observe(entry: HarEntry, tooLarge = false): boolean {
    if (!this.#collectSecrets(entry)) {
      this.counts.pastSecretCap++;
      return false;
    }
    if (tooLarge) this.counts.tooLarge++;
    else {
      const result = judgeEntry(this.#judging, entry, this.#entries++);
      if (result) this.#kept.add(result);
    }
    return true;
  }

  /** Adds the entry's new credentials to those collected; false, adding none, when they would pass the cap. */
  #collectSecrets(entry: HarEntry): boolean {
    const { secrets, inBase64Text } = entrySecrets(entry);
    // Most exchanges bring only credentials already collected: nothing is allocated for them.
    const isNew = (known: Set<string>) => (secret: string) => !known.has(secret);
    if (!secrets.some(isNew(this.#secrets)) && !inBase64Text.some(isNew(this.#inBase64))) return true;
    const added = {
      secrets: [...new Set(secrets)].filter(isNew(this.#secrets)),
      inBase64: [...new Set(inBase64Text)].filter(isNew(this.#inBase64)),
    };
    const adding = added.secrets.length + added.inBase64.length;
    if (this.#secrets.size + this.#inBase64.size + adding > this.#maxSecrets) return false;
    for (const secret of added.secrets) this.#secrets.add(secret);
    for (const secret of added.inBase64) this.#inBase64.add(secret);
    this.#redactor.add(added.secrets, added.inBase64);
    this.#onSecrets?.(added);
    return true;
  }

  /** The report of everything judged so far; it can be built again later, with more. */
  report(): DriftReport {
    const { builder, skipped } = this.#judging;
    const built = builder.build([...this.#kept.results], {
      requests: this.counts.forwarded,
      recording: { ...skipped, entries: this.#entries, judged: this.#entries - skipped.skipped },
    });
    const report = this.#kept.corrected(built);
    const notes = [...report.notes];
    const { tooLarge, pastSecretCap } = this.counts;
    if (tooLarge > 0) notes.push(`${tooLarge} response(s) had a body past --max-body-bytes: passed through unjudged`);
    if (pastSecretCap > 0)
      notes.push(
        `${pastSecretCap} response(s) came with credentials past the ${this.#maxSecrets} collected for redaction: passed through unjudged and unrecorded, so none of them can show`,
      );
    return notes.length === report.notes.length ? report : { ...report, notes };
  }
}
