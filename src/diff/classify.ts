// The direction rules: how much each kind of difference matters, read as "ours (what a client was built from) →
// theirs (what the server now documents)". docs/spec-diff.md shows the same table; a test keeps the two in step.

export type Level = "breaking" | "non-breaking" | "informational";

/**
 * Where a difference sits. `response`: inside a response body, which clients read. `request`: inside a parameter,
 * which clients send. `operation`: about an operation, a parameter or a response as a whole.
 */
export type Context = "operation" | "response" | "request";

export interface Rule {
  operation?: Level;
  response?: Level;
  request?: Level;
  why: string;
}

export const RULES = {
  // Operations, parameters and responses as a whole.
  "operation-removed": { operation: "breaking", why: "clients call an operation the server no longer documents" },
  "operation-added": { operation: "non-breaking", why: "a new operation leaves existing calls alone" },
  "operation-moved": { operation: "breaking", why: "clients call the old method or path" },
  "parameter-removed": { operation: "breaking", why: "clients send a parameter the server no longer documents" },
  "required-parameter-added": { operation: "breaking", why: "existing calls lack the new parameter" },
  "optional-parameter-added": { operation: "non-breaking", why: "existing calls stay valid" },
  "response-status-added": {
    operation: "non-breaking",
    why: "a newly documented status; clients already handle unexpected ones",
  },
  "success-status-removed": { operation: "breaking", why: "the success response clients expect is gone" },
  "error-status-removed": { operation: "informational", why: "clients keep a branch that no longer runs" },
  "response-body-removed": { operation: "breaking", why: "clients read a body that is no longer sent" },
  "response-body-added": { operation: "non-breaking", why: "clients may ignore the new body" },

  // Inside schemas: the same change matters in opposite ways to a reader (response) and a writer (request).
  "property-removed": {
    response: "breaking",
    request: "breaking",
    why: "readers miss a field; writers send one the server drops or rejects",
  },
  "optional-property-added": {
    response: "non-breaking",
    request: "non-breaking",
    why: "readers may ignore it; writers need not send it",
  },
  "required-property-added": {
    response: "non-breaking",
    request: "breaking",
    why: "readers may ignore it; writers do not send it yet",
  },
  "became-optional": { response: "breaking", request: "non-breaking", why: "readers may now find it missing" },
  "became-required": { response: "non-breaking", request: "breaking", why: "writers may leave it out" },
  "became-nullable": { response: "breaking", request: "non-breaking", why: "readers may now get null" },
  "became-non-nullable": { response: "non-breaking", request: "breaking", why: "writers may send null" },
  // Every integer is a number: number → integer narrows a type, integer → number widens it.
  "type-widened": {
    response: "breaking",
    request: "non-breaking",
    why: "readers may get a type they do not handle (integer → number is widened)",
  },
  "type-narrowed": {
    response: "non-breaking",
    request: "breaking",
    why: "writers may send a type no longer accepted (number → integer is narrowed)",
  },
  "type-changed": { response: "breaking", request: "breaking", why: "neither side's values fit the other" },
  "format-widened": {
    response: "breaking",
    request: "non-breaking",
    why: "readers may get values their parsing rejects",
  },
  "format-narrowed": {
    response: "non-breaking",
    request: "breaking",
    why: "writers may send values no longer accepted",
  },
  "format-changed": { response: "breaking", request: "breaking", why: "neither side's values fit the other" },
  "enum-values-added": {
    response: "breaking",
    request: "non-breaking",
    why: "readers may get a value they do not know",
  },
  "enum-values-removed": {
    response: "non-breaking",
    request: "breaking",
    why: "writers may send a value no longer accepted",
  },
  "enum-constraint-dropped": { response: "breaking", request: "non-breaking", why: "readers may get any value" },
  "enum-constraint-introduced": {
    response: "non-breaking",
    request: "breaking",
    why: "writers may send a value outside the list",
  },
  "bound-relaxed": {
    response: "breaking",
    request: "non-breaking",
    why: "readers may get values outside the range they assumed",
  },
  "bound-tightened": { response: "non-breaking", request: "breaking", why: "writers may send values now out of range" },
  "default-changed": {
    response: "informational",
    request: "informational",
    why: "only matters to code that relied on the old default",
  },
  "object-opened": {
    response: "non-breaking",
    request: "informational",
    why: "tolerant readers ignore extra fields, strict validators flag them",
  },
  "object-closed": {
    response: "informational",
    request: "breaking",
    why: "the server now rejects fields it used to accept",
  },
  "variant-added": { response: "breaking", request: "non-breaking", why: "readers may get a shape they do not handle" },
  "variant-removed": {
    response: "non-breaking",
    request: "breaking",
    why: "writers may send a shape no longer accepted",
  },
} as const satisfies Record<string, Rule>;

export type Kind = keyof typeof RULES;

export const KINDS = Object.keys(RULES) as Kind[];

/** The level of a difference of `kind` found in `context`. */
export function classify(kind: Kind, context: Context): Level {
  const level = (RULES[kind] as Rule)[context];
  if (level === undefined) throw new Error(`no rule for a ${kind} difference in a ${context}`);
  return level;
}
