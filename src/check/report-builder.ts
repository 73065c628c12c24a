// The one report builder of every runner (the live tour, the recording check): it finishes each request's result
// (keeps the findings of the checks that run, names each by its fingerprint, redacts server text, counts it for
// progress, marks what it exercised) and assembles the report around the results: the wrapper, the checks run and
// skipped, the notes, the plan, the findings grouped by fingerprint and the summary. It owns the run's coverage: every
// response a runner finishes with its exchange is seen there, so a new runner gets coverage by passing the exchange.
import type { Exchange } from "../client/exchange.ts";
import { CHECK_NAMES, CHECKS, type CheckName } from "../findings/checks.ts";
import type { Finding } from "../findings/finding.ts";
import { fingerprintOf, patternPointer } from "../findings/fingerprint.ts";
import { groupFindings } from "../findings/group-findings.ts";
import { CHECKS_BY_KIND, type ProbeKind } from "../findings/probe-kind.ts";
import type { DriftReport, ExchangeResult, PlannedCheck, ReportTarget } from "../report/report-types.ts";
import { REPORT_VERSION } from "../report/report-types.ts";
import { VERSION } from "../version.ts";
import { CoverageCollector } from "./coverage/coverage-collector.ts";
import { coverageFinding, EVERY_OPERATION } from "./coverage/coverage-finding.ts";
import { redactResult } from "./redact-result.ts";

export interface ReportBuilderOptions {
  target: ReportTarget;
  strict: boolean;
  /** The checks that run; a finding of any other check is dropped when its result is finished. */
  active: ReadonlySet<CheckName>;
  /** The checks selected but not run, each with why. */
  skipped: DriftReport["skipped"];
  /** Removes every credential from server text. */
  redact: (text: string) => string;
  /** Called once per result, when it is final, for progress output. */
  onResult?: (result: ExchangeResult, done: number) => void;
  /** The clock for `startedAt` and `durationMs`. */
  now: () => number;
  /** When the run started, if before the builder was made. Default: now. */
  startedAt?: number;
  /** The least coverage, in percent, the check `coverage` accepts (`--min-coverage`). Default: none. */
  minCoverage?: number;
}

const EVERY_RESPONSE = CHECKS.filter((check) => check.judgedBy === "every-response").map((check) => check.name);

export class ReportBuilder {
  readonly notes: string[] = [];
  readonly #options: ReportBuilderOptions;
  readonly #startedAt: number;
  /** `check operation` → exercised, for every check the plan applies to an operation. */
  readonly #plan = new Map<string, PlannedCheck>();
  readonly #coverage = new CoverageCollector();
  /** The active checks judging each kind of response: the same for every result of a run, so found once. */
  readonly #judgingByKind = new Map<ProbeKind, CheckName[]>();
  #finished = 0;

  constructor(options: ReportBuilderOptions) {
    this.#options = options;
    this.#startedAt = options.startedAt ?? options.now();
    const minimum = options.minCoverage;
    if (minimum === undefined) return;
    if (!(minimum >= 0 && minimum <= 100)) throw new RangeError(`minCoverage must be from 0 to 100, got ${minimum}`);
    // One testcase for the whole run, judged when the report is built.
    if (options.active.has("coverage"))
      this.#plan.set(`coverage ${EVERY_OPERATION}`, { check: "coverage", operation: EVERY_OPERATION, exercised: true });
    else this.notes.push(`coverage: the minimum of ${minimum}% is not judged: the check is not selected`);
  }

  /** The instant the run started, as the report states it. */
  get startedAt(): string {
    return new Date(this.#startedAt).toISOString();
  }

  /** Plans the active checks that judge a response of this kind of this operation (a JUnit testcase each). */
  plan(kind: ProbeKind, operation: string): void {
    for (const check of this.#checksJudging(kind)) {
      const key = `${check} ${operation}`;
      if (!this.#plan.has(key)) this.#plan.set(key, { check, operation, exercised: false });
    }
  }

  /**
   * A result made final: only the findings of the checks that run, each with its fingerprint; passed when none is
   * left; credentials removed; the planned checks it exercised marked; its status, parameters and body (from the
   * exchange it was judged on, when there is one) seen by the coverage.
   */
  finish(result: ExchangeResult, exchange?: Exchange): ExchangeResult {
    const violations = result.violations
      .filter((finding) => this.#options.active.has(finding.check))
      .map((finding) => withFingerprint(finding, result));
    const passed = result.error === undefined && violations.length === 0;
    const final = redactResult({ ...result, violations, passed }, this.#options.redact);
    if (final.status !== null) {
      this.plan(final.kind, final.operation);
      for (const check of this.#checksJudging(final.kind))
        this.#plan.get(`${check} ${final.operation}`)!.exercised = true;
      this.#coverage.observe(final.operation, final.status, final.url, exchange?.parsed);
    }
    this.#options.onResult?.(final, ++this.#finished);
    return final;
  }

  /**
   * The report of these final results, in the order given; `requests` counts what was sent (0 for a recording);
   * `interrupted` marks a run cut short.
   */
  build(
    results: ExchangeResult[],
    {
      requests,
      recording,
      interrupted,
      seed,
    }: Pick<DriftReport, "recording" | "interrupted" | "seed"> & {
      requests: number;
    },
  ) {
    const { target, strict, active, skipped, now } = this.#options;
    const report: DriftReport = {
      version: REPORT_VERSION,
      tool: { name: "signalwire-video-logs", version: VERSION },
      target,
      startedAt: this.startedAt,
      ...(seed === undefined ? {} : { seed }),
      durationMs: Math.max(0, Math.round(now() - this.#startedAt)),
      strict,
      checksRun: [...active],
      skipped,
      notes: this.notes,
      ...(interrupted ? { interrupted } : {}),
      summary: {
        requests,
        checked: results.filter((result) => result.status !== null).length,
        passed: results.filter((result) => result.passed).length,
        breaking: 0,
        additive: 0,
        errors: results.filter((result) => result.status === null).length,
      },
      findings: [],
      exchanges: results,
      plan: [...this.#plan.values()].sort(
        (a, b) => CHECK_NAMES.indexOf(a.check) - CHECK_NAMES.indexOf(b.check) || (a.operation < b.operation ? -1 : 1),
      ),
      coverage: this.#coverage.coverage(active.has("coverage") ? this.#options.minCoverage : undefined),
    };
    return withFindings(recording === undefined ? report : { ...report, recording });
  }

  #checksJudging(kind: ProbeKind): CheckName[] {
    let checks = this.#judgingByKind.get(kind);
    if (!checks) {
      const judging = [...EVERY_RESPONSE, ...CHECKS_BY_KIND[kind]];
      checks = CHECK_NAMES.filter((check) => judging.includes(check) && this.#options.active.has(check));
      this.#judgingByKind.set(kind, checks);
    }
    return checks;
  }
}

function withFingerprint(finding: Finding, result: ExchangeResult): Finding {
  const pointer = patternPointer(finding.pointer);
  const fields = { check: finding.check, operation: result.operation, status: result.status, pointer };
  return { ...finding, fingerprint: fingerprintOf({ ...fields, keyword: finding.keyword }) };
}

/**
 * The report with its findings grouped from its exchanges and counted in the summary: a known finding (every
 * occurrence listed by a baseline) apart, in `known`, and out of `breaking` and `additive`.
 */
export function withFindings(report: DriftReport): DriftReport {
  const findings = groupFindings(report.exchanges);
  // The whole run's finding, after the other breaking ones.
  const below = report.checksRun.includes("coverage") ? coverageFinding(report.coverage) : undefined;
  if (below) findings.splice(findings.filter((finding) => finding.severity === "breaking").length, 0, below);
  const unknown = findings.filter((finding) => !finding.known);
  const known = findings.length - unknown.length;
  const summary = {
    ...report.summary,
    breaking: unknown.filter((finding) => finding.severity === "breaking").length,
    additive: unknown.filter((finding) => finding.severity === "additive").length,
    ...(known > 0 || report.summary.known !== undefined ? { known } : {}),
  };
  return { ...report, summary, findings };
}
