// The one report builder of every runner (the live tour, the recording check): it finishes each request's result
// (keeps the findings of the checks that run, redacts server text, counts it for progress) and assembles the report
// around the results: the wrapper, the checks run and skipped, the notes and the summary.
import type { CheckName } from "../findings/checks.ts";
import type { DriftReport, ExchangeResult, ReportTarget } from "../report/report-types.ts";
import { REPORT_VERSION } from "../report/report-types.ts";
import { VERSION } from "../version.ts";
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
}

export class ReportBuilder {
  readonly notes: string[] = [];
  readonly #options: ReportBuilderOptions;
  readonly #startedAt: number;
  #finished = 0;

  constructor(options: ReportBuilderOptions) {
    this.#options = options;
    this.#startedAt = options.startedAt ?? options.now();
  }

  /** The instant the run started, as the report states it. */
  get startedAt(): string {
    return new Date(this.#startedAt).toISOString();
  }

  /** A result made final: only the findings of the checks that run, passed when none is left, credentials removed. */
  finish(result: ExchangeResult): ExchangeResult {
    const violations = result.violations.filter((finding) => this.#options.active.has(finding.check));
    const passed = result.error === undefined && violations.length === 0;
    const final = redactResult({ ...result, violations, passed }, this.#options.redact);
    this.#options.onResult?.(final, ++this.#finished);
    return final;
  }

  /** The report of these final results, in the order given; `requests` counts what was sent (0 for a recording). */
  build(results: ExchangeResult[], { requests, recording }: Pick<DriftReport, "recording"> & { requests: number }) {
    const { target, strict, active, skipped, now } = this.#options;
    const violations = results.flatMap((result) => result.violations);
    const report: DriftReport = {
      version: REPORT_VERSION,
      tool: { name: "signalwire-video-logs", version: VERSION },
      target,
      startedAt: this.startedAt,
      durationMs: Math.max(0, Math.round(now() - this.#startedAt)),
      strict,
      checksRun: [...active],
      skipped,
      notes: this.notes,
      summary: {
        requests,
        checked: results.filter((result) => result.status !== null).length,
        passed: results.filter((result) => result.passed).length,
        breaking: violations.filter((violation) => violation.kind === "breaking").length,
        additive: violations.filter((violation) => violation.kind === "additive").length,
        errors: results.filter((result) => result.status === null).length,
      },
      checks: results,
    };
    return recording === undefined ? report : { ...report, recording };
  }
}
