// The node of the spec a drift finding is about, as a pointer into the document: the schema of the property the
// finding's instance pointer names (through `$ref`s and the branches of `allOf`, `anyOf` and `oneOf`), else the nearest
// node that stands for it. A finding about a listing parameter's promise (`x-page-size`, `x-includes-discarded`,
// `x-filter`) points at that parameter's declaration, a status finding at the operation's `responses`, a finding about
// the whole body at the response of its status, an unknown property at its object's schema.
import type { FindingIdentity } from "../findings/finding.ts";
import { escapeToken, pointerTokens, valueAtPointer } from "../openapi/json-pointer.ts";
import type { OpenApiDocument } from "../openapi/openapi-document.ts";
import { followRefs } from "../openapi/resolve-ref.ts";
import { type WalkedOperation, type WalkedParameter, walkOperations } from "../openapi/walk-operations.ts";

/** The extension that states the promise a behaviour finding's keyword says was broken (README "Extensions we use"). */
const PARAMETER_PROMISES: Readonly<Record<string, string>> = {
  "page-size": "x-page-size",
  "discarded-form": "x-includes-discarded",
  filter: "x-filter",
};

/** Branches of a union or a composition searched for a property at most this deep (a schema that refers to itself). */
const MAX_BRANCH_DEPTH = 16;

type Schema = Record<string, unknown>;

const childPointer = (parent: string, ...tokens: Array<string | number>): string =>
  parent + tokens.map((token) => `/${escapeToken(token)}`).join("");

const isObject = (value: unknown): value is Schema =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** A finding's identity, and its example's message, which names the parameter a broken filter was sent as. */
export type LocatedFinding = FindingIdentity & { example?: { message: string } };

/** Finds the node each finding is about in one document; its operations are walked once. */
export class FindingLocator {
  readonly #operations: ReadonlyMap<string, WalkedOperation>;

  constructor(private readonly document: unknown) {
    const walked = walkOperations(document as OpenApiDocument);
    this.#operations = new Map(
      walked.flatMap((operation) => (operation.operationId ? [[operation.operationId, operation]] : [])),
    );
  }

  /** The pointer of the node `finding` is about; `/paths` for a finding of no one operation (coverage). */
  specPointer(finding: LocatedFinding): string {
    const operation = this.#operations.get(finding.operation);
    if (operation === undefined) return "/paths";
    const parameter = promisingParameter(operation, finding);
    if (parameter) return parameter.pointer;
    const responses = childPointer(operation.pointer, "responses");
    if (finding.keyword === "status" || finding.status === null) return responses;
    const response = responseFor(operation, finding.status);
    if (response === undefined) return responses;
    if (finding.pointer === "" || response.json === undefined) return response.pointer;
    return this.#schemaNode(response.json.schemaPointer, finding.pointer);
  }

  /** The schema an instance pointer's value is declared by, walked from the body's schema; the deepest one found. */
  #schemaNode(schemaPointer: string, instancePointer: string): string {
    let at = schemaPointer;
    for (const token of pointerTokens(instancePointer)) {
      const next = this.#childSchema(at, token, 0);
      if (next === undefined) return this.#declared(at);
      at = next;
    }
    return at;
  }

  /** Where the schema at `at` is written, its `$ref`s followed: an unknown property's object schema. */
  #declared(at: string): string {
    try {
      return followRefs(this.document, valueAtPointer(this.document, at), at).pointer;
    } catch {
      return at;
    }
  }

  /** The schema of `token` (a property, or `*`/an index for an item) under the schema at `at`, or undefined. */
  #childSchema(at: string, token: string, depth: number): string | undefined {
    if (depth > MAX_BRANCH_DEPTH) return undefined;
    const pointer = this.#declared(at);
    const schema = valueAtPointer(this.document, pointer);
    if (!isObject(schema)) return undefined;
    if (isObject(schema.properties) && Object.hasOwn(schema.properties, token))
      return childPointer(pointer, "properties", token);
    if (isItemToken(token) && schema.items !== undefined) return childPointer(pointer, "items");
    for (const keyword of ["allOf", "anyOf", "oneOf"] as const) {
      const branches = schema[keyword];
      if (!Array.isArray(branches)) continue;
      for (let index = 0; index < branches.length; index++) {
        const found = this.#childSchema(childPointer(pointer, keyword, index), token, depth + 1);
        if (found !== undefined) return found;
      }
    }
    if (isObject(schema.additionalProperties) && !isItemToken(token))
      return childPointer(pointer, "additionalProperties");
    return undefined;
  }
}

/** `*` (any index, as fingerprints write one) or an index. */
const isItemToken = (token: string) => token === "*" || /^(?:0|[1-9]\d*)$/.test(token);

/** The response the spec declares for a status: the exact one, else its range (`4XX`), else `default`. */
function responseFor(operation: WalkedOperation, status: number) {
  const keys = [String(status), `${String(status).charAt(0)}XX`, "default"];
  for (const key of keys) {
    const response = operation.responses.find((candidate) => candidate.status.toUpperCase() === key.toUpperCase());
    if (response) return response;
  }
  return undefined;
}

/** The parameter whose extension states the promise the finding says was broken (an `x-filter` on its field). */
function promisingParameter(operation: WalkedOperation, finding: LocatedFinding): WalkedParameter | undefined {
  const extension = PARAMETER_PROMISES[finding.keyword];
  if (extension === undefined) return undefined;
  const field = pointerTokens(finding.pointer).at(-1);
  const promising = operation.parameters.filter((parameter) => {
    const promise = parameter.extensions[extension];
    if (promise === undefined) return false;
    return extension !== "x-filter" || (isObject(promise) && promise.field === field);
  });
  // Filters on one field share a fingerprint; the example's message says `name=value` of the one it caught.
  const message = finding.example?.message ?? "";
  return promising.find((parameter) => message.includes(`${parameter.name}=`)) ?? promising[0];
}
