import { describe, expect, it } from "vitest";
import { followRefs, lookupRef, RefError } from "../../src/openapi/resolve-ref.ts";

const doc = {
  components: {
    schemas: { "a/b": { type: "string" }, "t~n": { type: "integer" } },
    responses: {
      Direct: { description: "ok" },
      Alias: { $ref: "#/components/responses/Direct" },
      A: { $ref: "#/components/responses/B" },
      B: { $ref: "#/components/responses/A" },
      Self: { $ref: "#/components/responses/Self" },
    },
  },
};

describe("the $ref resolver", () => {
  it("follows a chain of references to the node it ends at, with that node's pointer", () => {
    expect(followRefs(doc, { $ref: "#/components/responses/Alias" }, "/paths/~1x/get/responses/200")).toEqual({
      value: { description: "ok" },
      pointer: "/components/responses/Direct",
    });
  });

  it("returns a node that is not a reference as it is, where it is", () => {
    expect(followRefs(doc, { description: "inline" }, "/here")).toEqual({
      value: { description: "inline" },
      pointer: "/here",
    });
  });

  it("decodes escaped tokens in a reference", () => {
    expect(lookupRef(doc, "#/components/schemas/a~1b", "")).toEqual({ type: "string" });
    expect(lookupRef(doc, "#/components/schemas/t~0n", "")).toEqual({ type: "integer" });
  });

  it("throws a circular RefError on A→B→A instead of looping", () => {
    let error: unknown;
    try {
      followRefs(doc, { $ref: "#/components/responses/A" }, "/start");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RefError);
    expect(error).toMatchObject({ reason: "circular", ref: "#/components/responses/A", at: "/components/responses/B" });
  });

  it("throws a circular RefError on a reference to itself", () => {
    expect(() => followRefs(doc, { $ref: "#/components/responses/Self" }, "/start")).toThrow(/circular/);
  });

  it("throws an unresolvable RefError for a missing target or a reference outside the document", () => {
    expect(() => lookupRef(doc, "#/components/schemas/Nope", "/x")).toThrow(
      'cannot resolve $ref "#/components/schemas/Nope" at /x',
    );
    expect(() => lookupRef(doc, "other.yaml#/Log", "/x")).toThrow(/only local references/);
  });
});
