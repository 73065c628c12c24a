// One verification of a proposal: its actions applied to a copy of the spec as openapi-format applies them, the
// patched spec read back as the next tool reads it, and judged. The first problem found is returned as a sentence,
// undefined when there is none: the proposal's YAML reads the same under YAML 1.2 and 1.1; openapi-format finds every
// target; what it writes under the targets reads the same under YAML 1.2 and 1.1 (where the original did), and the
// patched spec read back passes the document gates,
// holds no `$ref` the original did not, differs from the original only under the actions' targets, and accepts every
// observed body, apart from the changes not proposed.
import type { ValidateFunction } from "ajv";
import { firstFailedGate } from "../openapi/document-gates.ts";
import { escapeToken, pointerTokens, valueAtPointer } from "../openapi/json-pointer.ts";
import type { OpenApiDocument } from "../openapi/openapi-document.ts";
import { responseSchemas } from "../openapi/response-schemas.ts";
import { createSpecAjv } from "../openapi/spec-ajv.ts";
import { jsonEqual } from "../validation/json-value.ts";
import { excused, observationKeys } from "./change-keys.ts";
import { childPointer } from "./json-path.ts";
import { Observations } from "./observations.ts";
import { ResponseObserver } from "./observe-response.ts";
import type { ObservedBody } from "./observed-bodies.ts";
import {
  applyAsOpenapiFormat,
  PrototypeMergeError,
  readBothWays,
  readOverlayAsOpenapiFormat,
  simplePathTokens,
  writeAsOpenapiFormat,
} from "./openapi-format-apply.ts";
import type { OverlayAction } from "./overlay-action.ts";

/** The original spec and the references it holds: what each check compares with. */
export interface Baseline {
  spec: OpenApiDocument;
  refs: ReadonlySet<string>;
}

export function baselineOf(spec: OpenApiDocument): Baseline {
  return { spec, refs: refsIn(spec) };
}

const isContainer = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object";

/** The shallowest pointers where `a` and `b` differ (an array of another length differs as a whole). */
export function differences(a: unknown, b: unknown): string[] {
  const found: string[] = [];
  const pending: [unknown, unknown, string][] = [[a, b, ""]];
  while (pending.length > 0) {
    const [left, right, pointer] = pending.pop()!;
    if (Object.is(left, right)) continue;
    const sameShape =
      isContainer(left) &&
      isContainer(right) &&
      Array.isArray(left) === Array.isArray(right) &&
      !(left instanceof Date) &&
      !(right instanceof Date) &&
      (!Array.isArray(left) || (left as unknown as unknown[]).length === (right as unknown as unknown[]).length);
    if (!sameShape) {
      if (!jsonEqual(left, right)) found.push(pointer);
      continue;
    }
    for (const key of new Set([...Object.keys(left), ...Object.keys(right)]))
      pending.push([left[key], right[key], childPointer(pointer, key)]);
  }
  return found.sort();
}

/** Every `$ref` key at any depth with its value, and every other key that holds `$ref`. */
function refsIn(root: unknown): Set<string> {
  const refs = new Set<string>();
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isContainer(node)) continue;
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref") refs.add(`$ref: ${JSON.stringify(value)}`);
      else if (key.includes("$ref")) refs.add(`a key ${JSON.stringify(key)}`);
      stack.push(value);
    }
  }
  return refs;
}

const under = (pointer: string, prefix: string) => pointer === prefix || pointer.startsWith(`${prefix}/`);

/** The JSON pointer of a proposal's target. */
const targetPointer = (target: string) => `/${(simplePathTokens(target) ?? []).map(escapeToken).join("/")}`;

/**
 * `doc` with each subtree under a target as openapi-format writes it and the next tool reads it back (its writing is
 * line by line: what it does to a subtree's lines it does to them in the whole document), or where a YAML 1.1 reader
 * reads a subtree otherwise than a YAML 1.2 one, and the original did not.
 */
function readBack(doc: Record<string, unknown>, original: unknown, targets: readonly string[]) {
  const read = doc;
  const outermost = [...new Set(targets)].filter(
    (target) => !targets.some((other) => other !== target && under(target, other)),
  );
  for (const pointer of outermost) {
    const tokens = pointerTokens(pointer);
    const parent = valueAtPointer(read, childPointer("", ...tokens.slice(0, -1))) as Record<string, unknown>;
    const key = tokens.at(-1)!;
    if (!isContainer(parent) || !Object.hasOwn(parent, key)) continue;
    const ours = readBothWays(writeAsOpenapiFormat({ [key]: parent[key] }));
    const before = valueAtPointer(original, pointer);
    const already = new Set(
      before === undefined
        ? []
        : (() => {
            const theirs = readBothWays(writeAsOpenapiFormat({ [key]: before }));
            return differences(theirs.yaml12, theirs.yaml11);
          })(),
    );
    const otherwise = differences(ours.yaml12, ours.yaml11).find((at) => !already.has(at));
    if (otherwise !== undefined)
      return {
        problem: `the patched spec, as openapi-format writes it, reads otherwise under YAML 1.1 (js-yaml, Redocly) at ${childPointer("", ...tokens.slice(0, -1))}${otherwise}`,
      };
    parent[key] = (ours.yaml12 as Record<string, unknown>)[key];
  }
  return { read };
}

/** The patched spec as the next tool reads it, or why openapi-format would not give it. */
function patchedSpec(
  baseline: Baseline,
  overlayText: string,
  targets: readonly string[],
): { read?: unknown; problem?: string } {
  const ours = readBothWays(overlayText);
  const ourDifference = differences(ours.yaml12, ours.yaml11)[0];
  if (ourDifference !== undefined)
    return { problem: `the proposal reads otherwise under YAML 1.1 at ${ourDifference}` };
  const { overlay, error } = readOverlayAsOpenapiFormat(overlayText);
  if (!overlay) return { problem: `openapi-format cannot read the proposal: ${error}` };
  try {
    const { doc, unused } = applyAsOpenapiFormat(baseline.spec, overlay);
    if (unused.length > 0) return { problem: `openapi-format finds nothing at the target of action ${unused[0]! + 1}` };
    return readBack(doc, baseline.spec, targets);
  } catch (error) {
    if (error instanceof PrototypeMergeError) return { problem: error.message };
    throw error;
  }
}

/** What is wrong with the patched spec as a document, compared with the original. */
function documentProblem(baseline: Baseline, read: unknown, targets: string[]): string | undefined {
  const failed = firstFailedGate(read);
  if (failed)
    return `the patched spec fails the gate ${failed.gate.name}: ${failed.problems[0]!.pointer} ${failed.problems[0]!.message}`;
  const newRef = [...refsIn(read)].sort().find((ref) => !baseline.refs.has(ref));
  if (newRef !== undefined) return `the patched spec holds a reference the original does not: ${newRef}`;
  const outside = differences(baseline.spec, read).find((pointer) => !targets.some((target) => under(pointer, target)));
  if (outside !== undefined) return `the patched spec changes ${outside}, which no action names`;
  return undefined;
}

/** The first observed body the patched spec rejects for a reason other than a change not proposed. */
function bodyProblem(read: OpenApiDocument, bodies: readonly ObservedBody[], notProposed: ReadonlySet<string>) {
  const ajv = createSpecAjv(read, { detailed: false });
  const schemas = responseSchemas(read);
  const validators = new Map<string, ValidateFunction>();
  for (const { operationId, status, body, observed } of bodies) {
    const place = `${operationId} ${status}`;
    const schema = schemas.find((response) => response.operationId === operationId && response.status === `${status}`);
    let validate = validators.get(place);
    if (schema && !validate) {
      validate = ajv.compile(schema.schema);
      validators.set(place, validate);
    }
    if (validate?.(body)) continue;
    const observations = new Observations();
    new ResponseObserver(read, observations).observeBody(operationId, status, body, observed);
    const keys = observationKeys(observations);
    if (keys.length === 0 || keys.some((key) => !excused(key, notProposed)))
      return `the patched spec rejects an observed ${place} body`;
  }
  return undefined;
}

/** The first problem of a proposal made of `actions`, or undefined. */
export function proposalProblem(
  baseline: Baseline,
  overlayText: string,
  actions: readonly OverlayAction[],
  bodies: readonly ObservedBody[],
  notProposed: ReadonlySet<string>,
): string | undefined {
  const targets = actions.map((action) => targetPointer(action.target));
  const { read, problem } = patchedSpec(baseline, overlayText, targets);
  if (problem !== undefined) return problem;
  try {
    return documentProblem(baseline, read, targets) ?? bodyProblem(read as OpenApiDocument, bodies, notProposed);
  } catch (error) {
    // ajv refuses to compile a schema (a property name it cannot put in a URI): a problem of this proposal.
    return `the patched spec cannot be compiled: ${(error as Error).message}`;
  }
}
