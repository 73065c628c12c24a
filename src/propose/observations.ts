// Everything the observed responses showed that the spec does not allow, keyed by where the spec would change: the
// pointer of a schema node, of an operation's responses, or of an operation and status for bodies that are not JSON.
// Maps only; the actions are built from them, in sorted order, once every response has been seen.

import { jsonText } from "../validation/json-value.ts";
import { type BoundedExample, boundedExample, EXAMPLE_BOUNDS } from "./bounded-example.ts";
import { credentialInNames } from "./credential-in-names.ts";
import { Evidence } from "./evidence.ts";
import { InferredShape } from "./inferred-shape.ts";
import type { JsonType } from "./json-type.ts";
import type { ObservedIn } from "./observation.ts";

/** A property a closed object schema does not declare. */
export interface NewProperty {
  shape: InferredShape;
  evidence: Evidence;
  /** The name itself holds a credential (the server reflected one as a key): never written to the spec. */
  nameHoldsCredential: boolean;
  /** A property name inside its values holds a credential: the shape is never written to the spec. */
  innerNameHoldsCredential: boolean;
}

/** A value an enum does not list, kept as its canonical JSON. */
export interface NewEnumValue {
  value: unknown;
  evidence: Evidence;
  /** The value holds a credential (the server reflected one): never written to the spec. */
  holdsCredential: boolean;
}

/** A status an operation does not declare, with the shape of its JSON bodies and the smallest of them. */
export interface NewStatus {
  shape: InferredShape;
  evidence: Evidence;
  /**
   * The example of the body whose bounded example is shortest (then first in code-unit order), already made safe to
   * quote; one left out for its size only when every body's was.
   */
  example?: BoundedExample;
  /** A property name in its bodies holds a credential: neither shape nor example is written to the spec. */
  nameHoldsCredential: boolean;
}

/** Responses whose body is not JSON: reported, never proposed. */
export interface UnreadableBodies {
  operationId: string;
  status: number;
  reason: string;
  evidence: Evidence;
}

/**
 * The entry of `key` in a map that keeps only the MAX_NEW_NAMES smallest keys (in code-unit order), so that which keys
 * it keeps does not depend on the order they came in; undefined when `key` is not among them. The evidence of every
 * key left out goes to `overflow`.
 */
function boundedEntry<V extends { evidence: Evidence }>(
  map: Map<string, V>,
  key: string,
  make: () => V,
  overflow: () => Evidence,
): V | undefined {
  const found = map.get(key);
  if (found || map.size < MAX_NEW_NAMES) return found ?? entry(map, key, make);
  let largest = key;
  for (const kept of map.keys()) if (kept > largest) largest = kept;
  if (largest === key) return undefined;
  overflow().merge(map.get(largest)!.evidence);
  map.delete(largest);
  return entry(map, key, make);
}

const entry = <K, V>(map: Map<K, V>, key: K, make: () => V): V => {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
};

/** Whether example `a` is kept over `b`: one written over one left out, then the shorter JSON, then code-unit order. */
function smaller(a: BoundedExample, b: BoundedExample): boolean {
  if (a.json === undefined || b.json === undefined)
    return a.json !== undefined || (b.json === undefined && a.cut! < b.cut!);
  return a.json.length < b.json.length || (a.json.length === b.json.length && a.json < b.json);
}

/**
 * Why a response's bodies are not JSON, when several say different things: the first in this list, then the first
 * in code-unit order, whatever order the bodies came in.
 */
const UNREADABLE_PRECEDENCE = [/not valid UTF-8/, /is empty/, /not valid JSON/];

const precedence = (reason: string) => {
  const index = UNREADABLE_PRECEDENCE.findIndex((pattern) => pattern.test(reason));
  return index === -1 ? UNREADABLE_PRECEDENCE.length : index;
};

/** Whether `reason` is given rather than `other`. */
const givenBefore = (reason: string, other: string) =>
  precedence(reason) < precedence(other) || (precedence(reason) === precedence(other) && reason < other);

/** New properties of one object schema, or new values of one enum, proposed at most; the rest are reported. */
export const MAX_NEW_NAMES = 100;

export class Observations {
  /** By object schema pointer, then property name. */
  readonly newProperties = new Map<string, Map<string, NewProperty>>();
  /** By object schema pointer, then the name of the required property seen missing. */
  readonly missingRequired = new Map<string, Map<string, Evidence>>();
  /** By schema pointer, then the JSON type its `type` does not admit. */
  readonly unadmittedTypes = new Map<string, Map<JsonType, Evidence>>();
  /** By schema pointer, then the canonical JSON of the value its `enum` does not list. */
  readonly newEnumValues = new Map<string, Map<string, NewEnumValue>>();
  /** By schema pointer: strings that fail its `format`. */
  readonly failedFormats = new Map<string, Evidence>();
  /** By the pointer of an operation's responses, then the status. */
  readonly newStatuses = new Map<string, Map<string, NewStatus>>();
  /** By the pointer of a union no branch of which accepts a value, and none can be said to be meant. */
  readonly unexplained = new Map<string, Evidence>();
  /** By the schema pointer where the walk stopped: values nested deeper along their schema than it goes. */
  readonly tooDeep = new Map<string, Evidence>();
  /** By `operationId status`. */
  readonly unreadable = new Map<string, UnreadableBodies>();
  /** How many responses were observed. */
  responses = 0;

  /** By object schema or enum pointer: observations of names or values past MAX_NEW_NAMES, counted, not kept. */
  readonly overflow = new Map<string, Evidence>();

  newProperty(objectPointer: string, name: string, value: unknown, observed: ObservedIn, secret: boolean): void {
    const overflow = () => entry(this.overflow, objectPointer, () => new Evidence());
    const found = boundedEntry(
      entry(this.newProperties, objectPointer, () => new Map()),
      name,
      () => ({
        shape: new InferredShape(secret),
        evidence: new Evidence(),
        nameHoldsCredential: false,
        innerNameHoldsCredential: false,
      }),
      overflow,
    );
    if (!found) {
      overflow().add(observed);
      return;
    }
    if (observed.redactor.text(name) !== name) found.nameHoldsCredential = true;
    if (credentialInNames(value, observed.redactor)) found.innerNameHoldsCredential = true;
    found.shape.add(value);
    found.evidence.add(observed, value, secret);
  }

  missing(objectPointer: string, name: string, observed: ObservedIn): void {
    entry(
      entry(this.missingRequired, objectPointer, () => new Map()),
      name,
      () => new Evidence(),
    ).add(observed);
  }

  unadmittedType(pointer: string, type: JsonType, value: unknown, observed: ObservedIn, secret: boolean): void {
    entry(
      entry(this.unadmittedTypes, pointer, () => new Map()),
      type,
      () => new Evidence(),
    ).add(observed, value, secret);
  }

  newEnumValue(pointer: string, value: unknown, observed: ObservedIn, secret: boolean): void {
    const overflow = () => entry(this.overflow, pointer, () => new Evidence());
    const found = boundedEntry(
      entry(this.newEnumValues, pointer, () => new Map()),
      jsonText(value)!,
      () => ({ value, evidence: new Evidence(), holdsCredential: false }),
      overflow,
    );
    if (!found) {
      overflow().add(observed);
      return;
    }
    if (
      (typeof value === "string" && observed.redactor.text(value) !== value) ||
      (typeof value === "number" && observed.redactor.numberHoldsSecret(value))
    )
      found.holdsCredential = true;
    found.evidence.add(observed, value, secret);
  }

  failedFormat(pointer: string, value: unknown, observed: ObservedIn, secret: boolean): void {
    entry(this.failedFormats, pointer, () => new Evidence()).add(observed, value, secret);
  }

  newStatus(responsesPointer: string, status: string, body: unknown, observed: ObservedIn): void {
    const found: NewStatus = entry(
      entry(this.newStatuses, responsesPointer, () => new Map()),
      status,
      // Inferred as deep as its example goes, so that the example's `{}` and `[]` past that depth stay valid.
      () => ({
        shape: new InferredShape(false, EXAMPLE_BOUNDS.depth),
        evidence: new Evidence(),
        nameHoldsCredential: false,
      }),
    );
    if (credentialInNames(body, observed.redactor)) found.nameHoldsCredential = true;
    found.shape.add(body);
    found.evidence.add(observed, body);
    const example = boundedExample(body, observed.redactor);
    if (found.example === undefined || smaller(example, found.example)) found.example = example;
  }

  unionUnexplained(pointer: string, observed: ObservedIn): void {
    entry(this.unexplained, pointer, () => new Evidence()).add(observed);
  }

  valueTooDeep(pointer: string, observed: ObservedIn): void {
    entry(this.tooDeep, pointer, () => new Evidence()).add(observed);
  }

  unreadableBody(operationId: string, status: number, reason: string, observed: ObservedIn): void {
    const found = entry(this.unreadable, `${operationId} ${status}`, () => ({
      operationId,
      status,
      reason,
      evidence: new Evidence(),
    }));
    if (givenBefore(reason, found.reason)) found.reason = reason;
    found.evidence.add(observed);
  }
}
