// The page shape the pagination walk relies on, judged in every validation mode: each refusal whole.
import { describe, expect, it } from "vitest";
import { NO_SECRETS } from "../../src/redaction/redactor.ts";
import { listPageShapeViolation } from "../../src/validation/list-page-shape.ts";

const shape = (pointer: string, expected: string, got: string, actual: string) => ({
  pointer,
  kind: "breaking",
  keyword: "type",
  message: `expected ${expected} to iterate the pages, got ${got}`,
  expected,
  actual,
});

describe("listPageShapeViolation", () => {
  it.each([
    ["an object with data and no links", { data: [] }],
    ["links null", { data: [1], links: null }],
    ["links without next", { data: [], links: {} }],
    ["next null", { data: [], links: { next: null } }],
    ["next a string", { data: [], links: { next: "/p2" } }],
  ])("passes %s", (_name, page) => {
    expect(listPageShapeViolation(page, NO_SECRETS)).toBeUndefined();
  });

  it.each([
    ["a page that is not an object", [], shape("", "an object", "[]", "[]")],
    ["a page that is null", null, shape("", "an object", "null", "null")],
    ["a page that is absent", undefined, shape("", "an object", "nothing", "(absent)")],
    ["no data", { links: {} }, shape("/data", "an array", "nothing", "(absent)")],
    ["data an object", { data: { a: 1 } }, shape("/data", "an array", '{"a":1}', '{"a":1}')],
    ["links an array", { data: [], links: [] }, shape("/links", "an object", "[]", "[]")],
    ["links a string", { data: [], links: "x" }, shape("/links", "an object", '"x"', '"x"')],
    ["next a number", { data: [], links: { next: 2 } }, shape("/links/next", "a string", "2", "2")],
    ["next an object", { data: [], links: { next: {} } }, shape("/links/next", "a string", "{}", "{}")],
  ])("refuses %s", (_name, page, violation) => {
    expect(listPageShapeViolation(page, NO_SECRETS)).toEqual(violation);
  });
});
