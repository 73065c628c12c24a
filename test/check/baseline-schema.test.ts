// The ignore file's structure check in process: the file's own problems before its entries', each entry's problems in
// its order, a misspelled key's suggestion (at most two edits away), the empty entry said once, and the count past ten.
import { describe, expect, it } from "vitest";
import { ignoreFileProblems, MAX_LISTED_PROBLEMS } from "../../src/check/baseline-schema.ts";

const KEYS = "an entry may hold check, operation, status, pointer, keyword, fingerprint, reason and expires";
const CHECKS =
  "the checks are response-schema, status-code, content-type, not-a-server-error, parameters-honoured, pagination-integrity, cross-endpoint-consistency, negative-data, authentication and coverage";
const EMPTY =
  'is empty and would hide every finding: name at least its check, e.g. {"check": "response-schema", "pointer": "/data/*/charge"}';

describe("ignoreFileProblems", () => {
  // First: the validator is compiled on the first call, so the test that compiles it sees all its options at work.
  it("collects every problem of every entry, quoting each value given", () => {
    expect(ignoreFileProblems({ ignore: [{ check: "status-code", keyword: 3, status: "x" }, { check: "x" }] })).toEqual(
      [
        'entry 0 (/ignore/0), "status": "x" is not a status: a whole number from 100 to 599, or null for no response',
        'entry 0 (/ignore/0), "keyword": 3 must be string',
        `entry 1 (/ignore/1), "check": "x" is not a check; ${CHECKS}`,
      ],
    );
  });

  it("says an entry that is not an object must be one, and only an object with no key is empty", () => {
    const notAnObject = (i: number) =>
      `entry ${i} (/ignore/${i}) must be an object, e.g. {"check": "response-schema", "pointer": "/data/*/charge"}`;
    expect(ignoreFileProblems({ ignore: [null, [], "", 0, {}] })).toEqual([
      notAnObject(0),
      notAnObject(1),
      notAnObject(2),
      notAnObject(3),
      `entry 4 (/ignore/4) ${EMPTY}`,
    ]);
  });

  it("finds none in a valid file", () => {
    expect(ignoreFileProblems({ ignore: [{ check: "status-code" }] })).toEqual([]);
    expect(ignoreFileProblems({ $schema: "x", ignore: [] })).toEqual([]);
  });

  it.each([
    ["an array", []],
    ["an object without ignore", {}],
    ["text", "ignore"],
  ])("says the file must be an object when it is %s", (_what, value) => {
    expect(ignoreFileProblems(value)).toEqual(['the file: it must be an object, {"ignore": [...]}']);
  });

  it("names a key of the file of the wrong type by its name", () => {
    expect(ignoreFileProblems({ ignore: [], $schema: 3 })).toEqual(['the file: "$schema" must be string']);
  });

  it("lists the file's own problems before its entries'", () => {
    expect(ignoreFileProblems({ ignore: [{ check: "x" }], comment: 1 })).toEqual([
      'the file: unknown key "comment": an ignore file holds "ignore" (and "$schema")',
      `entry 0 (/ignore/0), "check": "x" is not a check; ${CHECKS}`,
    ]);
  });

  it("says each empty entry once, however many rules it breaks", () => {
    expect(ignoreFileProblems({ ignore: [{}, { check: "status-code" }, {}] })).toEqual([
      `entry 0 (/ignore/0) ${EMPTY}`,
      `entry 2 (/ignore/2) ${EMPTY}`,
    ]);
  });

  it("suggests the key an unknown one is at most two edits from, and none further", () => {
    const entry = { check: "status-code", statsu: 1, pointerxx: "", pointerxxx: "", xyz: 1, reasn: "", exp: "" };
    expect(ignoreFileProblems({ ignore: [entry] })).toEqual([
      `entry 0 (/ignore/0) has an unknown key "statsu" (did you mean "status"?): ${KEYS}`,
      `entry 0 (/ignore/0) has an unknown key "pointerxx" (did you mean "pointer"?): ${KEYS}`,
      `entry 0 (/ignore/0) has an unknown key "pointerxxx": ${KEYS}`,
      `entry 0 (/ignore/0) has an unknown key "xyz": ${KEYS}`,
      `entry 0 (/ignore/0) has an unknown key "reasn" (did you mean "reason"?): ${KEYS}`,
      `entry 0 (/ignore/0) has an unknown key "exp": ${KEYS}`,
    ]);
  });

  it("names a field's problem by the field, quoting the value cut to 80 characters", () => {
    expect(ignoreFileProblems({ ignore: [{ check: "status-code", keyword: 3, status: 600, operation: "" }] })).toEqual([
      'entry 0 (/ignore/0), "operation": "" must NOT have fewer than 1 characters',
      'entry 0 (/ignore/0), "status": 600 is not a status: a whole number from 100 to 599, or null for no response',
      'entry 0 (/ignore/0), "keyword": 3 must be string',
    ]);
    expect(ignoreFileProblems({ ignore: [{ check: 3, pointer: 3, fingerprint: 3, expires: 3 }] })).toEqual([
      `entry 0 (/ignore/0), "check": 3 is not a check; ${CHECKS}`,
      'entry 0 (/ignore/0), "pointer": 3 must be string',
      'entry 0 (/ignore/0), "fingerprint": 3 must be string',
      'entry 0 (/ignore/0), "expires": 3 must be string',
    ]);
    expect(ignoreFileProblems({ ignore: [{ check: "status-code", expires: "x".repeat(100) }] })).toEqual([
      `entry 0 (/ignore/0), "expires": "${"x".repeat(80)}" is not a date that exists, written YYYY-MM-DD (the entry lasts to the end of that day, UTC)`,
    ]);
  });

  it(`lists ${MAX_LISTED_PROBLEMS} problems in full, and counts the rest past them`, () => {
    const line = (i: number) => `entry ${i} (/ignore/${i}), "check": "x" is not a check; ${CHECKS}`;
    const entries = (count: number) => ({ ignore: Array.from({ length: count }, () => ({ check: "x" })) });
    const ten = Array.from({ length: MAX_LISTED_PROBLEMS }, (_, i) => line(i));
    expect(ignoreFileProblems(entries(MAX_LISTED_PROBLEMS))).toEqual(ten);
    expect(ignoreFileProblems(entries(MAX_LISTED_PROBLEMS + 1))).toEqual([...ten, "… and 1 more"]);
    expect(MAX_LISTED_PROBLEMS).toBe(10);
  });
});
