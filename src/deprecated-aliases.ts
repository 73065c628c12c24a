// Exported names that changed, kept as deprecated aliases until 1.0 (each has a CHANGELOG line).
import type { ProbeKind } from "./findings/probe-kind.ts";
import type { ExchangeResult } from "./report/report-types.ts";

/** @deprecated Use ExchangeResult: one request's result ("check" names a named check only). Removed at 1.0. */
export type CheckResult = ExchangeResult;

/** @deprecated Use ProbeKind: what one request tests ("check" names a named check only). Removed at 1.0. */
export type CheckKind = ProbeKind;
