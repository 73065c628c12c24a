// What one request of a drift check tests: the report's `kind` of each exchange, stable across releases.

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
