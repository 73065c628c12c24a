// The spec every route-generic part reads: by default the built-in one, as the generator tabled and compiled it
// (generated/), so importing the package compiles nothing. A command given `--spec FILE` makes that document the
// active spec before anything else runs (`useSpec`), with tables built from it at run time in the same shapes.
import { type Operation, operations, schemaExtensions } from "../../generated/operations.js";
import {
  requestValidators,
  responseValidators,
  type UnionBranchShape,
  unionBranchShapes,
  type Validator,
} from "../../generated/validators.js";
import { detailedValidators, type UnionBranch } from "../../generated/validators-detailed.js";
import type { OpenApiDocument } from "../openapi/openapi-document.ts";

/** Validators by operationId, then by status (responses) or location (parameters). */
export type ValidatorTable = Readonly<Record<string, Readonly<Record<string, Validator>>>>;

/** What explains a body a fast validator rejected: validators that collect every error, and the union branches. */
export interface DetailedTables {
  readonly responseValidators: ValidatorTable;
  /** The object schemas that are branches of a union, by the `$ref` that names them. */
  readonly unionBranches: Readonly<Record<string, UnionBranch>>;
}

/** One spec as the toolkit reads it: its operation table and its validators. */
export interface SpecTables {
  /** The file the spec was read from; undefined for the built-in spec. */
  readonly file?: string;
  /** The checked document, for a spec given at run time (Prism serves it, a proposal is made against it). */
  readonly document?: OpenApiDocument;
  /** The operation table, by operationId, in document order. */
  readonly operations: Readonly<Record<string, Operation>>;
  /** The `x-` extensions of the component schemas that carry any, by schema name. */
  readonly schemaExtensions: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** The object schemas that are branches of a union, by `$ref`: the names of their own level. */
  readonly unionBranchShapes: Readonly<Record<string, UnionBranchShape>>;
  /** Fast response validators: they stop at the first error. */
  readonly responseValidators: ValidatorTable;
  /** Parameter validators, by location (`path`, `query`). */
  readonly requestValidators: ValidatorTable;
  /** Built on the first call and kept: only a rejected body needs them. */
  detailed(): DetailedTables;
}

/** The spec this package was built from: the generated modules. */
export const BUILT_IN_SPEC: SpecTables = {
  operations,
  schemaExtensions,
  unionBranchShapes,
  responseValidators,
  requestValidators,
  detailed: detailedValidators,
};

let active: SpecTables = BUILT_IN_SPEC;

/** The spec in use: the built-in one unless a command chose another with `useSpec`. */
export function activeSpec(): SpecTables {
  return active;
}

/** Makes `spec` the one every later read uses; without an argument, the built-in spec again. */
export function useSpec(spec: SpecTables = BUILT_IN_SPEC): void {
  active = spec;
}

/** A value derived from the active spec, derived once per spec on its first read (a table of routes, say). */
export function perSpec<T>(derive: (spec: SpecTables) => T): () => T {
  const derived = new WeakMap<SpecTables, { value: T }>();
  return () => {
    let entry = derived.get(active);
    if (!entry) {
      entry = { value: derive(active) };
      derived.set(active, entry);
    }
    return entry.value;
  };
}
