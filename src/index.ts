// signalwire-video-logs: a typed client for SignalWire's Video Logs API, generated from our OpenAPI spec.

export { HarFileError, type HarFileProblem, isHarFileError } from "./check/har/har-file-error.ts";
export { MAX_HAR_BYTES } from "./check/har/har-limits.ts";
export type { HarCheckOptions } from "./check/har/run-har-check.ts";
export { runDriftCheck, runHarCheck } from "./check/load-drift-check.ts";
export type { DriftCheckOptions } from "./check/run-drift-check.ts";
export { type CallOptions, createVideoLogsClient, type VideoLogsClient } from "./client/create-client.ts";
export type { DriftHandler } from "./client/drift-watch.ts";
export type { Exchange, OperationParams, ParsedExchangeBody } from "./client/exchange.ts";
export type { ItemOf, ListOperationId, OkBodyOf, ParamsOf } from "./client/operation-types.ts";
export type { VideoLogsClientOptions } from "./client/options.ts";
export type { PageEnd, PageStep } from "./client/page-walk.ts";
export type { ValidatedResponse } from "./client/settle-exchange.ts";
export type * from "./deprecated-aliases.ts";
export * from "./errors/index.ts";
export { CHECKS, type CheckName } from "./findings/checks.ts";
export type { DriftFinding, Finding } from "./findings/finding.ts";
export type { FindingHistory, FindingState } from "./findings/finding-history.ts";
export type { ProbeKind } from "./findings/probe-kind.ts";
export type { OperationId } from "./operations/operation-table.ts";
export type { Redactor } from "./redaction/redactor.ts";
export {
  type Coverage,
  type CoverageItems,
  type CoveredPropertyState,
  type DriftReport,
  type ExchangeResult,
  type FailOn,
  findingFails,
  type OperationCoverage,
  REPORT_VERSION,
  type ReportHistory,
  type ReportTarget,
  type ResolvedFinding,
  reportFailed,
  type ServerTarget,
  type SkippedEntry,
} from "./report/report-types.ts";
export {
  type DiscardedLog,
  isDiscardedLog,
  type ListLogsPage,
  type ListLogsQuery,
  type Log,
  type ValidationErrorResponse,
  type VideoLog,
} from "./types.ts";
export {
  declaredStatuses,
  operationIds,
  type ValidateResponseOptions,
  validateResponse,
} from "./validation/validate-response.ts";
export type { ValidationMode, Violation, ViolationKind } from "./validation/violation.ts";
export { VERSION } from "./version.ts";
