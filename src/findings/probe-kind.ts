// What one request of a drift check tests: the report's `kind` of each exchange, stable across releases, and which
// named checks judge a response of each kind besides the conformance checks that judge every response.
import type { CheckName } from "./checks.ts";

/** What a request tests; one word per kind, stable across releases (the report's `kind`). */
export type ProbeKind =
  | "page"
  | "filtered-page"
  | "sampled-item"
  | "unknown-item"
  | "invalid-parameter"
  | "unknown-parameter"
  | "malformed-id"
  | "wrong-credentials"
  | "no-credentials"
  /** A response read from a recording (`check --har`), not a request the check sent. */
  | "recorded";

/** The checks beyond every-response conformance that judge a response of each kind. */
export const CHECKS_BY_KIND: Readonly<Record<ProbeKind, readonly CheckName[]>> = {
  page: ["parameters-honoured", "pagination-integrity"],
  "filtered-page": ["parameters-honoured", "pagination-integrity"],
  "sampled-item": ["cross-endpoint-consistency"],
  "unknown-item": ["negative-data"],
  "invalid-parameter": ["negative-data"],
  "unknown-parameter": ["negative-data"],
  "malformed-id": ["negative-data"],
  "wrong-credentials": ["authentication"],
  "no-credentials": ["authentication"],
  recorded: [],
};
