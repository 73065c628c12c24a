// Walks one observed value along the spec schema it should match, following `$ref`s to where each schema is
// written, and records every place the value departs from it at that schema's pointer. A union of object schemas is
// walked in the branch the validator's branch rule chooses (choose-union-branch.ts), so only that branch changes.
// The walk goes as deep as the schema does, and no deeper than MAX_WALK_DEPTH steps (a schema that refers to itself).
import type { OpenApiDocument } from "../openapi/openapi-document.ts";
import { followRefs, type Located } from "../openapi/resolve-ref.ts";
import { suggestsSecret } from "../redaction/secret-name.ts";
import { chooseUnionBranch } from "../validation/choose-union-branch.ts";
import { jsonEqual } from "../validation/json-value.ts";
import { childPointer } from "./json-path.ts";
import { type JsonType, jsonTypeOf, typeAdmits } from "./json-type.ts";
import type { ObservedIn } from "./observation.ts";
import { satisfiesFormat } from "./string-formats.ts";

/** Where the walk records what it finds; `secret` says the value sits under a secret-named property. */
export interface DeviationSink {
  newProperty(objectPointer: string, name: string, value: unknown, observed: ObservedIn, secret: boolean): void;
  missing(objectPointer: string, name: string, observed: ObservedIn): void;
  unadmittedType(pointer: string, type: JsonType, value: unknown, observed: ObservedIn, secret: boolean): void;
  newEnumValue(pointer: string, value: unknown, observed: ObservedIn, secret: boolean): void;
  failedFormat(pointer: string, value: unknown, observed: ObservedIn, secret: boolean): void;
  /** A value no branch of a union accepts, where no branch can be said to be meant (not an object of object branches). */
  unionUnexplained(pointer: string, observed: ObservedIn): void;
  /** A value deeper along its schema than the walk goes (MAX_WALK_DEPTH): not walked, nothing recorded of it. */
  valueTooDeep(pointer: string, observed: ObservedIn): void;
}

/**
 * How many schemas deep the walk goes: a property, an item, a branch or an allOf part is one step. Only a schema that
 * refers to itself takes a value this deep; past it, the walk stops there and says so (`valueTooDeep`).
 */
export const MAX_WALK_DEPTH = 256;

type Schema = Record<string, unknown>;

const isObject = (value: unknown): value is Schema =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** Counts deviations without keeping them: tells whether a union branch already accepts a value. */
class DeviationCount implements DeviationSink {
  count = 0;
  newProperty() {
    this.count++;
  }
  missing() {
    this.count++;
  }
  unadmittedType() {
    this.count++;
  }
  newEnumValue() {
    this.count++;
  }
  failedFormat() {
    this.count++;
  }
  unionUnexplained() {
    this.count++;
  }
  valueTooDeep() {
    this.count++;
  }
}

export class SchemaWalk {
  constructor(private readonly spec: OpenApiDocument) {}

  /** Records where `value` departs from the schema `node`, written at `pointer` of the spec, `depth` steps down. */
  walk(
    value: unknown,
    node: unknown,
    pointer: string,
    observed: ObservedIn,
    sink: DeviationSink,
    secret = false,
    depth = 0,
  ): void {
    if (depth > MAX_WALK_DEPTH) {
      sink.valueTooDeep(pointer, observed);
      return;
    }
    let located: Located;
    try {
      located = followRefs(this.spec, node, pointer);
    } catch {
      return; // a $ref that leads nowhere is the spec's gates' business, not a proposal's
    }
    const schema = located.value;
    const at = located.pointer;
    if (!isObject(schema)) return;
    if (Array.isArray(schema.allOf))
      schema.allOf.forEach((branch, index) => {
        this.walk(value, branch, childPointer(at, "allOf", index), observed, sink, secret, depth + 1);
      });
    for (const keyword of ["anyOf", "oneOf"] as const) {
      if (Array.isArray(schema[keyword]))
        this.walkUnion(value, schema[keyword] as unknown[], childPointer(at, keyword), observed, sink, secret, depth);
    }
    const type = jsonTypeOf(value);
    const admitted = schema.type === undefined || typeAdmits(schema.type, type);
    if (!admitted) sink.unadmittedType(at, type, value, observed, secret);
    if (Array.isArray(schema.enum) && !schema.enum.some((listed) => jsonEqual(listed, value)))
      sink.newEnumValue(at, value, observed, secret);
    if (typeof value === "string" && typeof schema.format === "string" && !satisfiesFormat(value, schema.format))
      sink.failedFormat(at, value, observed, secret);
    if (!admitted) return;
    if (type === "object") this.walkObject(value as Schema, schema, at, observed, sink, secret, depth);
    if (type === "array" && schema.items !== undefined) {
      for (const item of value as unknown[])
        this.walk(item, schema.items, childPointer(at, "items"), observed, sink, secret, depth + 1);
    }
  }

  private walkObject(
    value: Schema,
    schema: Schema,
    at: string,
    observed: ObservedIn,
    sink: DeviationSink,
    secret: boolean,
    depth: number,
  ): void {
    const properties = isObject(schema.properties) ? schema.properties : {};
    for (const name in value) {
      if (!Object.hasOwn(value, name)) continue;
      const under = secret || suggestsSecret(name);
      if (Object.hasOwn(properties, name))
        this.walk(
          value[name],
          properties[name],
          childPointer(at, "properties", name),
          observed,
          sink,
          under,
          depth + 1,
        );
      else if (schema.additionalProperties === false) sink.newProperty(at, name, value[name], observed, under);
      else if (isObject(schema.additionalProperties))
        this.walk(
          value[name],
          schema.additionalProperties,
          childPointer(at, "additionalProperties"),
          observed,
          sink,
          under,
          depth + 1,
        );
    }
    if (Array.isArray(schema.required)) {
      for (const name of schema.required)
        if (typeof name === "string" && !Object.hasOwn(value, name)) sink.missing(at, name, observed);
    }
  }

  /**
   * A value some branch already accepts needs nothing. Otherwise, for a union of object schemas, the branch the branch
   * rule chooses; a union of other schemas is left alone (no single branch can be said to be meant).
   */
  private walkUnion(
    value: unknown,
    branches: unknown[],
    at: string,
    observed: ObservedIn,
    sink: DeviationSink,
    secret: boolean,
    depth: number,
  ): void {
    const located = branches.map((branch, index) => {
      try {
        return followRefs(this.spec, branch, childPointer(at, index));
      } catch {
        return undefined;
      }
    });
    const accepts = (index: number) => {
      const count = new DeviationCount();
      this.walk(value, branches[index], childPointer(at, index), observed, count, secret, depth + 1);
      return count.count === 0;
    };
    if (branches.some((_, index) => accepts(index))) return;
    const objectBranches = located.map((branch) =>
      isObject(branch?.value) && (branch.value.type === "object" || isObject(branch.value.properties))
        ? branch.value
        : undefined,
    );
    if (!isObject(value) || objectBranches.some((branch) => branch === undefined)) {
      sink.unionUnexplained(at, observed);
      return;
    }
    const chosen = chooseUnionBranch(
      value,
      objectBranches.map((branch) => ({
        required: Array.isArray(branch!.required) ? (branch!.required as string[]) : [],
        properties: Object.keys(isObject(branch!.properties) ? branch!.properties : {}),
      })),
    );
    this.walk(value, branches[chosen], childPointer(at, chosen), observed, sink, secret, depth + 1);
  }
}
