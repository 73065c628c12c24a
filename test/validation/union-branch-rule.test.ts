import { describe, expect, it } from "vitest";
import type { UnionBranch, Validator } from "../../generated/validators-detailed.js";
import { COMPONENTS_ID } from "../../src/openapi/components-schema.ts";
import type { OpenApiDocument } from "../../src/openapi/openapi-document.ts";
import { createSpecAjv } from "../../src/openapi/spec-ajv.ts";
import { unionBranchShapes } from "../../src/openapi/union-branch-shapes.ts";
import { NO_SECRETS } from "../../src/redaction/redactor.ts";
import { branchEvidence, chooseUnionBranch } from "../../src/validation/choose-union-branch.ts";
import { explainErrors } from "../../src/validation/explain-errors.ts";
import { validateResponse } from "../../src/validation/validate-response.ts";
import { completedLog, deletedLog } from "../helpers/sample-bodies.ts";

const noisyLines = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ description: `line ${i}`, charge: 0.001, unit: "minute", quantity: i }));
/** A log as the API sent it in 2022: 8 of its 9 properties are Log's, 2 are DiscardedLog's. */
const { id, source, type, status, started_at, ended_at, charge, created_at } = completedLog;
const log2022 = { id, source, type, name: "my_room", status, started_at, ended_at, charge, created_at };
const idAndCreatedAt = { id: deletedLog.id, created_at: deletedLog.created_at };
const pageOf2022 = { links: { self: "/api/video/logs", first: "/api/video/logs" }, data: [log2022, idAndCreatedAt] };
const missing = (at: string, name: string) => ({
  pointer: `${at}/${name}`,
  kind: "breaking",
  keyword: "required",
  message: `missing required property "${name}"`,
  expected: "present",
  actual: "(absent)",
});
const log2022Violations = (at: string) => [
  ...["url", "room_name", "locked", "charge_details"].map((name) => missing(at, name)),
  {
    pointer: `${at}/name`,
    kind: "additive",
    keyword: "additionalProperties",
    message: 'unexpected property "name" (not in the spec)',
    expected: "(absent)",
    actual: '"my_room"',
  },
];
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

  it("is Log missing url, room_name, locked and charge_details for a log of the 2022 shape, its name additive", () => {
    expect(validateResponse("get_log", 200, log2022, { mode: "strict" })).toEqual(log2022Violations(""));
    expect(validateResponse("list_logs", 200, pageOf2022, { mode: "strict" })).toEqual([
      ...log2022Violations("/data/0"),
      missing("/data/1", "discarded_at"),
    ]);
  });

  it("is DiscardedLog with two additive fields for a deleted log that also carries room_name and charge", () => {
    const body = { ...deletedLog, room_name: "my_room", charge: 0.01 };
    expect(verdict(body)).toEqual(["additive /room_name", "additive /charge"]);
    expect(validateResponse("get_log", 200, body, { mode: "tolerant" })).toEqual([]);
  });

  it("is DiscardedLog missing discarded_at for a body of only an id and a created_at", () => {
    expect(validateResponse("get_log", 200, idAndCreatedAt, { mode: "strict" })).toEqual([missing("", "discarded_at")]);
  });
});

describe("chooseUnionBranch", () => {
  const a = { required: ["id", "x"], properties: ["id", "x", "y"] };
  const b = { required: ["id"], properties: ["id", "z"] };

  it("prefers more declared properties present less required ones missing, though more of them are missing", () => {
    const wide = { required: ["id", "x", "y", "w"], properties: ["id", "x", "y", "w"] };
    // wide: 3 present, 1 missing; b: 1 present, none missing.
    expect(chooseUnionBranch({ id: 1, x: 1, y: 1 }, [b, wide])).toBe(1);
    expect(chooseUnionBranch({ id: 1, x: 1, y: 1 }, [wide, b])).toBe(0);
    expect(chooseUnionBranch({ id: 1, z: 2, q: 3, r: 4 }, [a, b])).toBe(1);
  });

  it("does not take a branch for more properties present when as many more of its required ones are missing", () => {
    // a: 2 present, 1 missing (x); b: 1 present, none missing. As many to add or remove: fewer missing decides.
    const value = { id: 1, y: 1 };
    expect(branchEvidence(value, a)).toEqual({ present: 2, missing: 1, undeclared: 0 });
    expect(branchEvidence(value, b)).toEqual({ present: 1, missing: 0, undeclared: 1 });
    expect(chooseUnionBranch(value, [a, b])).toBe(1);
    expect(chooseUnionBranch(value, [b, a])).toBe(0);
  });

  it("breaks a tie on declared properties present by fewer required properties missing", () => {
    expect(chooseUnionBranch({ id: 1, q: 1 }, [a, b])).toBe(1);
    expect(chooseUnionBranch({ id: 1, q: 1 }, [b, a])).toBe(0);
  });

  it("states its evidence: declared properties present, required ones missing, undeclared ones", () => {
    expect(branchEvidence({ id: 1, x: 1, q: 1 }, a)).toEqual({ present: 2, missing: 0, undeclared: 1 });
    expect(branchEvidence({ id: 1, x: 1, q: 1 }, b)).toEqual({ present: 1, missing: 0, undeclared: 2 });
    expect(branchEvidence([1], a)).toEqual({ present: 0, missing: 0, undeclared: 0 });
  });

  it("breaks a full tie by the branch declared first", () => {
    expect(chooseUnionBranch({ id: 1, x: 1, q: 1 }, [a, { ...a }])).toBe(0);
    expect(chooseUnionBranch("not an object", [b, a])).toBe(0);
    expect(chooseUnionBranch([{ id: 1 }], [a, b])).toBe(0);
  });

  it("has no evidence for a value that is null, and counts only the value's own properties, not inherited ones", () => {
    expect(branchEvidence(null, a)).toEqual({ present: 0, missing: 0, undeclared: 0 });
    expect(chooseUnionBranch(null, [b, a])).toBe(0);
    // A string or a number has no evidence either, not all of each branch's required properties missing.
    expect(branchEvidence("xy", a)).toEqual({ present: 0, missing: 0, undeclared: 0 });
    expect(chooseUnionBranch(5, [a, b])).toBe(0);
    expect(chooseUnionBranch("xy", [a, b])).toBe(0);
    const inherited = Object.assign(Object.create({ x: 1, q: 1 }) as object, { id: 1 });
    expect(branchEvidence(inherited, a)).toEqual({ present: 1, missing: 1, undeclared: 0 });
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
