// signalwire-video-logs: a typed client for SignalWire's Video Logs API, generated from our OpenAPI spec.
export { createVideoLogsClient, type VideoLogsClient, type CallOptions } from "./client/create-client.ts";
export type { VideoLogsClientOptions } from "./client/options.ts";
export type { ItemOf, ListOperationId, OkBodyOf, ParamsOf } from "./client/operation-types.ts";
export type { Exchange, OperationParams, ParsedExchangeBody } from "./client/exchange.ts";
export type { PageEnd, PageStep } from "./client/page-walk.ts";
export type { Redactor } from "./redaction/redactor.ts";
export * from "./errors/index.ts";
export {
  isDiscardedLog,
  type Log,
  type DiscardedLog,
  type VideoLog,
  type ListLogsPage,
  type ListLogsQuery,
  type ValidationErrorResponse,
} from "./types.ts";
export {
  validateResponse,
  declaredStatuses,
  operationIds,
  type OperationId,
  type ValidateResponseOptions,
} from "./validation/validate-response.ts";
export type { Violation, ViolationKind, ValidationMode } from "./validation/violation.ts";
export { VERSION } from "./version.ts";
export { runDriftCheck, runHarCheck } from "./check/load-drift-check.ts";
export type { DriftCheckOptions } from "./check/run-drift-check.ts";
export type { HarCheckOptions } from "./check/har/run-har-check.ts";
export { MAX_HAR_BYTES } from "./check/har/har-limits.ts";
export { HarFileError, isHarFileError, type HarFileProblem } from "./check/har/har-file-error.ts";
export {
  REPORT_VERSION,
  reportFailed,
  type CheckResult,
  type DriftReport,
  type ReportTarget,
  type ServerTarget,
  type SkippedEntry,
} from "./check/report-types.ts";
export { CHECKS, type CheckName } from "./check/check-names.ts";
export type { Finding } from "./check/finding.ts";
export type { CheckKind } from "./check/probe.ts";
