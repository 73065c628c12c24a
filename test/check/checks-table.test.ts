// The drift check page's table of checks is the list the CLI and the report use, with Schemathesis' names where they match.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CHECKS } from "../../src/findings/checks.ts";

const readme = readFileSync(new URL("../../docs/drift-check.md", import.meta.url), "utf8");

describe("the table of checks in docs/drift-check.md", () => {
  it("lists every check in order with its Schemathesis counterpart", () => {
    // The table under its own header row, to the first line that is not a row.
    const table = readme.slice(readme.indexOf("| check | Schemathesis |")).split(/\n(?!\|)/)[0]!;
    const rows = [...table.matchAll(/^\| `([a-z-]+)` \| (`[a-z_]+`|–) \|/gm)].map((m) => [
      m[1],
      m[2] === "–" ? null : m[2]!.slice(1, -1),
    ]);
    expect(rows).toEqual(CHECKS.map((check) => [check.name, check.schemathesis]));
  });
});
