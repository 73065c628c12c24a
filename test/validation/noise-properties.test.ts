import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadFixtureTable } from "../../contract-tests/lib/fixture-tables.ts";
import { COMPONENTS_ID } from "../../src/openapi/components-schema.ts";
import { escapeToken } from "../../src/openapi/json-pointer.ts";
import { loadSpec } from "../../src/openapi/load-spec.ts";
import { responseSchemas } from "../../src/openapi/response-schemas.ts";
import { createSpecAjv } from "../../src/openapi/spec-ajv.ts";
import type { OperationId } from "../../src/operations/operation-table.ts";
import { validateResponse } from "../../src/validation/validate-response.ts";

// Properties of the validator's verdict under noise: unknown keys are additive wherever they are, and one breaking
// change among them is blamed on its own pointer only. fast-check picks a random seed per run and prints it, with the
// path to replay, beside any counterexample.

const spec = loadSpec();
const ajv = createSpecAjv(spec);

interface Seed {
  label: string;
  operationId: OperationId;
  status: number;
  body: unknown;
  schema: object;
}

const schemaOf = new Map(responseSchemas(spec).map((r) => [`${r.operationId} ${r.status}`, r.schema]));
const seeds: Seed[] = [
  ...responseSchemas(spec).flatMap((r) =>
    Object.entries(r.examples).map(([name, body]) => ({
      label: `example ${name}`,
      operationId: r.operationId as OperationId,
      status: Number(r.status),
      body,
      schema: r.schema,
    })),
  ),
  ...loadFixtureTable("valid").map((f) => ({
    label: `fixture ${f.file}`,
    operationId: f.operationId,
    status: f.status,
    body: f.body,
    schema: schemaOf.get(`${f.operationId} ${f.status}`)!,
  })),
];

/** Every property name any schema of the spec declares or requires: an injected name is none of these. */
const knownNames = new Set<string>();
(function collect(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(collect);
    return;
  }
  if (!node || typeof node !== "object") return;
  const record = node as Record<string, unknown>;
  if (record.properties && typeof record.properties === "object")
    Object.keys(record.properties).forEach((k) => {
      knownNames.add(k);
    });
  if (Array.isArray(record.required))
    record.required.forEach((k) => {
      knownNames.add(String(k));
    });
  Object.values(record).forEach(collect);
})(spec);

const unknownName = fc
  .oneof(
    fc.string({ maxLength: 12 }),
    fc.string({ unit: "grapheme", maxLength: 6 }),
    fc.constantFrom("__proto__", "constructor", "toString", "a/b", "~1", "", "unit", "quantity"),
  )
  .filter((name) => !knownNames.has(name));

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

// Defines the key as JSON.parse would: an own property, even for "__proto__".
const defineKey = (target: Record<string, unknown>, name: string, value: unknown) =>
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });

type Draw = fc.GeneratorValue;

/** Every non-empty array gets 1 to 20 items, copies of its own items. */
function resizeArrays(node: unknown, g: Draw): unknown {
  if (Array.isArray(node)) {
    if (node.length === 0) return node;
    const size = g(fc.integer, { min: 1, max: 20 });
    return Array.from({ length: size }, () =>
      resizeArrays(structuredClone(node[g(fc.nat, { max: node.length - 1 })]), g),
    );
  }
  if (isPlainObject(node)) for (const key of Object.keys(node)) node[key] = resizeArrays(node[key], g);
  return node;
}

/** Adds 0 to 2 unknown keys to every object (top level, array items, links, error bodies); returns their pointers. */
function injectNoise(node: unknown, g: Draw, at = ""): string[] {
  const injected: string[] = [];
  if (Array.isArray(node))
    node.forEach((item, i) => {
      injected.push(...injectNoise(item, g, `${at}/${i}`));
    });
  if (!isPlainObject(node)) return injected;
  for (const key of Object.keys(node)) injected.push(...injectNoise(node[key], g, `${at}/${escapeToken(key)}`));
  const count = g(fc.integer, { min: 0, max: 2 });
  const names = g(() => fc.uniqueArray(unknownName, { minLength: count, maxLength: count }));
  for (const name of names) {
    defineKey(node, name, g(fc.jsonValue, { maxDepth: 2 }));
    injected.push(`${at}/${escapeToken(name)}`);
  }
  return injected;
}

// --- Breaking mutations, located by walking a valid body beside its schema -------------------------------------------

interface Mutation {
  pointer: string;
  what: string;
  apply(body: unknown): unknown;
}

function resolve(schema: any): any {
  while (typeof schema?.$ref === "string") schema = (spec.components.schemas as any)[schema.$ref.split("/").pop()];
  return schema;
}

/** The branch of a union the valid value belongs to (ajv's verdict on a valid value; the explanation is under test). */
function effectiveSchema(schema: any, value: unknown): any {
  const resolved = resolve(schema);
  if (!Array.isArray(resolved?.anyOf ?? resolved?.oneOf)) return resolved;
  const branch = (resolved.anyOf ?? resolved.oneOf).find((b: any) => {
    const validate = b.$ref ? ajv.getSchema(`${COMPONENTS_ID}#/$defs/${b.$ref.split("/").pop()}`)! : ajv.compile(b);
    return validate(value);
  });
  return effectiveSchema(branch, value);
}

const WRONG_VALUES: [string, unknown, (types: string[]) => boolean][] = [
  ["a string", "wrong", (t) => t.includes("string")],
  ["a fraction", 1.5, (t) => t.includes("number")],
  ["a boolean", true, (t) => t.includes("boolean")],
  ["null", null, (t) => t.includes("null")],
  ["an object", {}, (t) => t.includes("object")],
  ["an array", [], (t) => t.includes("array")],
];

const setAt = (pointer: string, value: unknown) => (body: unknown) => {
  if (pointer === "") return value;
  const tokens = pointer
    .slice(1)
    .split("/")
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
  let node = body as any;
  for (const token of tokens.slice(0, -1)) node = node[token];
  node[tokens.at(-1)!] = value;
  return body;
};
const deleteAt = (pointer: string, key: string) => (body: unknown) => {
  let node = body as any;
  for (const token of pointer === "" ? [] : pointer.slice(1).split("/"))
    node = node[token.replace(/~1/g, "/").replace(/~0/g, "~")];
  delete node[key];
  return body;
};

function mutations(schema: any, value: unknown, at = ""): Mutation[] {
  const own = effectiveSchema(schema, value);
  const out: Mutation[] = [];
  const types: string[] = own.type === undefined ? [] : [own.type].flat();
  for (const [what, wrong, admitted] of WRONG_VALUES) {
    if (!admitted(types))
      out.push({ pointer: at, what: `${what} at ${at || "/"}`, apply: setAt(at, structuredClone(wrong)) });
  }
  if (Array.isArray(own.enum) && types.includes("string")) {
    out.push({ pointer: at, what: `a value outside the enum at ${at}`, apply: setAt(at, "not-in-the-enum") });
  }
  if (isPlainObject(value)) {
    for (const key of own.required ?? []) {
      if (Object.hasOwn(value, key))
        out.push({ pointer: `${at}/${escapeToken(key)}`, what: `${at}/${key} removed`, apply: deleteAt(at, key) });
    }
    for (const [key, child] of Object.entries(value))
      out.push(...mutations(own.properties[key], child, `${at}/${escapeToken(key)}`));
  }
  if (Array.isArray(value))
    value.forEach((item, i) => {
      out.push(...mutations(own.items, item, `${at}/${i}`));
    });
  return out;
}

// --- The properties ----------------------------------------------------------------------------------------------

/** A seed body with arrays of 1 to 20 items and unknown keys injected; validated as the client would, from its text. */
function noisyCase(g: Draw) {
  const seed = g(fc.constantFrom, ...seeds);
  const clean = resizeArrays(structuredClone(seed.body), g);
  const noisy = structuredClone(clean);
  const injected = injectNoise(noisy, g);
  return { seed, clean, noisy, injected };
}

function verdicts(seed: Seed, body: unknown) {
  const text = JSON.stringify(body);
  const parsed = JSON.parse(text);
  const run = (mode: "strict" | "tolerant") => validateResponse(seed.operationId, seed.status, parsed, { mode, text });
  return { strict: run("strict"), tolerant: run("tolerant"), text };
}

const sorted = (list: string[]) => [...list].sort();

describe("the validator's verdict under noise", () => {
  it("covers every valid example and fixture of the spec", () => {
    expect(seeds.length).toBeGreaterThanOrEqual(25);
    expect(new Set(seeds.map((s) => `${s.operationId} ${s.status}`)).size).toBe(13);
  });

  it("unknown keys anywhere are additive at exactly the injected pointers, and tolerant lets them all through", () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const { seed, noisy, injected } = noisyCase(g);
        const { strict, tolerant } = verdicts(seed, noisy);
        expect(tolerant).toEqual([]);
        expect(strict.filter((v) => v.kind !== "additive")).toEqual([]);
        expect(sorted(strict.map((v) => v.pointer))).toEqual(sorted(injected));
      }),
    );
  });

  it("one breaking mutation among the noise is the only breaking violation, at the mutated pointer", () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const { seed, clean, noisy, injected } = noisyCase(g);
        const candidates = mutations(seed.schema, clean);
        const mutation = candidates[g(fc.nat, { max: candidates.length - 1 })]!;
        const mutated = mutation.apply(noisy);
        const { strict, tolerant } = verdicts(seed, mutated);
        const inside = (p: string) => p === mutation.pointer || p.startsWith(`${mutation.pointer}/`);

        expect(new Set(tolerant.map((v) => v.pointer)), mutation.what).toEqual(new Set([mutation.pointer]));
        expect(tolerant.every((v) => v.kind === "breaking")).toBe(true);
        expect(new Set(strict.filter((v) => v.kind === "breaking").map((v) => v.pointer)), mutation.what).toEqual(
          new Set([mutation.pointer]),
        );
        // Noise inside a value the mutation replaced is gone with it.
        expect(sorted(strict.filter((v) => v.kind === "additive").map((v) => v.pointer))).toEqual(
          sorted(injected.filter((p) => !inside(p))),
        );
      }),
    );
  });
});
