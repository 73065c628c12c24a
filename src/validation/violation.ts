/** How a difference between a response and the spec affects a client that relies on the spec. */
export type ViolationKind = "breaking" | "additive";

/** One place where a response body departs from the spec. */
export interface Violation {
  /** JSON pointer into the response body (RFC 6901); "" is the whole body. */
  pointer: string;
  /** What is wrong, in a sentence. */
  message: string;
  /** `additive` for a property the spec does not describe; `breaking` for everything else. */
  kind: ViolationKind;
  /** The JSON Schema keyword that failed: `required`, `type`, `enum`, `format`, `additionalProperties`… */
  keyword: string;
  /** What the spec expects there, shortly. */
  expected: string;
  /** What the response has there, shortly. */
  actual: string;
}

/** How much of a violation list a caller wants. */
export type ValidationMode = "strict" | "tolerant" | "off";
