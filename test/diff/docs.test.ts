// docs/spec-diff.md shows the rules table; this keeps it in step with RULES in src/diff/classify.ts.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { KINDS, RULES, type Rule } from "../../src/diff/classify.ts";

const doc = readFileSync(fileURLToPath(new URL("../../docs/spec-diff.md", import.meta.url)), "utf8");

/** Table rows whose first cell is a `kind`, as kind → the cells after it. */
function documentedRows(): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of doc.split("\n")) {
    const cells = line
      .split("|")
      .slice(1, -1)
      .map((cell) => cell.trim());
    const kind = /^`([a-z-]+)`$/.exec(cells[0] ?? "")?.[1];
    if (kind && kind in RULES) rows.set(kind, cells.slice(1));
  }
  return rows;
}

describe("docs/spec-diff.md", () => {
  it("documents every kind with the levels of the rules table", () => {
    const rows = documentedRows();
    for (const kind of KINDS) {
      const rule: Rule = RULES[kind];
      const expected = rule.operation ? [rule.operation] : [rule.response, rule.request];
      expect(rows.get(kind)?.slice(0, expected.length), kind).toEqual(expected);
    }
    expect([...rows.keys()].sort()).toEqual([...KINDS].sort());
  });
});
