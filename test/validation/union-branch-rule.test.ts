import { describe, expect, it } from "vitest";
import type { UnionBranch, Validator } from "../../generated/validators-detailed.js";
import { COMPONENTS_ID } from "../../src/openapi/components-schema.ts";
import type { OpenApiDocument } from "../../src/openapi/openapi-document.ts";
import { createSpecAjv } from "../../src/openapi/spec-ajv.ts";
import { unionBranchShapes } from "../../src/openapi/union-branch-shapes.ts";
import { NO_SECRETS } from "../../src/redaction/redactor.ts";
import { chooseUnionBranch } from "../../src/validation/choose-union-branch.ts";
import { explainErrors } from "../../src/validation/explain-errors.ts";
import { validateResponse } from "../../src/validation/validate-response.ts";
import { completedLog, deletedLog } from "../helpers/sample-bodies.ts";

const noisyLines = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ description: `line ${i}`, charge: 0.001, unit: "minute", quantity: i }));
const verdict = (body: unknown) =>
  validateResponse("get_log", 200, body, { mode: "strict" }).map((v) => `${v.kind} ${v.pointer}`);

describe("the branch of Log | DiscardedLog", () => {
  it.each([1, 5, 6, 12, 200])(
    "is Log for a full log with %i charge lines that carry unknown fields: additive only",
    (count) => {
      const found = verdict({ ...completedLog, charge_details: noisyLines(count) });
      expect(found).toHaveLength(2 * count);
      expect(found.every((v) => v.startsWith("additive /charge_details/"))).toBe(true);
      expect(
        validateResponse("get_log", 200, { ...completedLog, charge_details: noisyLines(count) }, { mode: "tolerant" }),
      ).toEqual([]);
    },
  );

  it.each([
    ["a charge sent as a string", { charge: "0.01" }, "breaking /charge"],
    ["an unknown status", { status: "archived" }, "breaking /status"],
    ["a missing room_name", { room_name: undefined }, "breaking /room_name"],
  ])("blames %s among 12 noisy lines on that field", (_label, change, blamed) => {
    const body = JSON.parse(JSON.stringify({ ...completedLog, ...change, charge_details: noisyLines(12) }));
    const found = verdict(body);
    expect(found.filter((v) => v.startsWith("breaking"))).toEqual([blamed]);
    expect(found.filter((v) => v.startsWith("additive"))).toHaveLength(24);
  });

  it("is DiscardedLog for a deleted log carrying an unknown field", () => {
    expect(verdict({ ...deletedLog, reason: "user request" })).toEqual(["additive /reason"]);
  });

  it("is DiscardedLog for a deleted log that lost its discarded_at", () => {
    const { discarded_at: _dropped, ...rest } = deletedLog;
    expect(verdict(rest)).toEqual(["breaking /discarded_at"]);
  });

  it("is Log for a full log that also carries a discarded_at", () => {
    expect(verdict({ ...completedLog, discarded_at: "2022-02-01T12:00:00Z" })).toEqual(["additive /discarded_at"]);
  });
});

describe("chooseUnionBranch", () => {
  const a = { required: ["id", "x"], properties: ["id", "x", "y"] };
  const b = { required: ["id"], properties: ["id", "z"] };

  it("prefers the branch with fewer missing required properties", () => {
    expect(chooseUnionBranch({ id: 1, z: 2, q: 3, r: 4 }, [a, b])).toBe(1);
  });

  it("breaks a tie on missing properties by fewer undeclared properties", () => {
    expect(chooseUnionBranch({ id: 1, x: 1, y: 2 }, [b, a])).toBe(1);
  });

  it("breaks a full tie by the branch declared first", () => {
    expect(chooseUnionBranch({ id: 1, x: 1, q: 1 }, [a, { ...a }])).toBe(0);
    expect(chooseUnionBranch("not an object", [b, a])).toBe(0);
    expect(chooseUnionBranch([{ id: 1 }], [a, b])).toBe(0);
  });

  it("never looks below the union's own level", () => {
    const shallow = { id: 1, x: 1 };
    const deep = { id: { x: 1, y: 2, z: 3 }, x: Array.from({ length: 50 }, () => ({ id: 1, z: 1, unknown: 1 })) };
    expect(chooseUnionBranch(deep, [a, b])).toBe(chooseUnionBranch(shallow, [a, b]));
    expect(chooseUnionBranch(deep, [b, a])).toBe(chooseUnionBranch(shallow, [b, a]));
  });
});

// A spec with a union added later: three object schemas, one holding a long array of closed items.
const futureSpec: OpenApiDocument = {
  openapi: "3.1.0",
  paths: {},
  components: {
    schemas: {
      Item: { type: "object", additionalProperties: false, required: ["n"], properties: { n: { type: "integer" } } },
      Batch: {
        type: "object",
        additionalProperties: false,
        required: ["kind", "items"],
        properties: {
          kind: { type: "string" },
          items: { type: "array", items: { $ref: "#/components/schemas/Item" } },
        },
      },
      Single: {
        type: "object",
        additionalProperties: false,
        required: ["kind"],
        properties: { kind: { type: "string" }, n: { type: "integer" } },
      },
      Empty: { type: "object", additionalProperties: false, properties: {} },
      Event: {
        anyOf: [
          { $ref: "#/components/schemas/Single" },
          { $ref: "#/components/schemas/Batch" },
          { $ref: "#/components/schemas/Empty" },
        ],
      },
      Day: {
        type: "string",
        anyOf: [
          { type: "string", format: "date" },
          { type: "string", format: "date-time" },
        ],
      },
      Loose: { type: "object", additionalProperties: false, properties: { kind: { type: "string" } } },
      OneOnly: { oneOf: [{ $ref: "#/components/schemas/Single" }, { $ref: "#/components/schemas/Loose" }] },
    },
  },
};

function futureValidator(component: string) {
  const ajv = createSpecAjv(futureSpec);
  const branches: Record<string, UnionBranch> = {};
  for (const shape of unionBranchShapes(futureSpec)) {
    const ref = `${COMPONENTS_ID}#/$defs/${shape.component}`;
    branches[ref] = {
      validate: ajv.getSchema(ref) as unknown as Validator,
      required: shape.required,
      properties: shape.properties,
    };
  }
  const validate = ajv.getSchema(`${COMPONENTS_ID}#/$defs/${component}`)!;
  return (body: unknown) => {
    validate(body);
    return explainErrors(validate.errors ?? [], { body, branches, redactor: NO_SECRETS }).map(
      (v) => `${v.kind} ${v.keyword} ${v.pointer}`,
    );
  };
}

describe("a union of object schemas added to the spec later", () => {
  it("derives its branch shapes from the spec, leaving out a union whose branches are not objects", () => {
    expect(unionBranchShapes(futureSpec)).toEqual([
      { component: "Batch", required: ["kind", "items"], properties: ["kind", "items"] },
      { component: "Empty", required: [], properties: [] },
      { component: "Loose", required: [], properties: ["kind"] },
      { component: "Single", required: ["kind"], properties: ["kind", "n"] },
    ]);
  });

  it("keeps noise inside a long array additive", () => {
    const explain = futureValidator("Event");
    const items = Array.from({ length: 20 }, (_, n) => ({ n, note: "x" }));
    expect(explain({ kind: "batch", items })).toEqual(
      items.map((_, i) => `additive additionalProperties /items/${i}/note`),
    );
  });

  it("blames one wrong item among the noise on that item", () => {
    const explain = futureValidator("Event");
    const items = Array.from({ length: 20 }, (_, n) => ({ n: n === 7 ? "seven" : n, note: "x" }));
    expect(explain({ kind: "batch", items }).filter((v) => v.startsWith("breaking"))).toEqual([
      "breaking type /items/7/n",
    ]);
  });

  it("keeps ajv's own errors for a union whose branches are not objects", () => {
    const explain = futureValidator("Day");
    expect(explain("31/01/2022")).toEqual(["breaking format ", "breaking format ", "breaking anyOf "]);
  });

  it("keeps ajv's own errors for a oneOf whose value matches several branches", () => {
    const explain = futureValidator("OneOnly");
    expect(explain({ kind: "single" })).toEqual(["breaking oneOf "]);
  });

  it("is refused by the generator when a branch is an inline object schema", () => {
    const inline = structuredClone(futureSpec);
    inline.components.schemas.Event.anyOf.push({ type: "object", properties: { other: { type: "string" } } });
    expect(() => unionBranchShapes(inline)).toThrow(
      /#\/components\/schemas\/Event\/anyOf\/3 is an inline object schema/,
    );
  });
});
