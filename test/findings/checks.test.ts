// The table of named checks: which names it knows, which checks a run selects, and the `--list-checks` listing.
import { describe, expect, it } from "vitest";
import { CHECK_NAMES, CHECKS, isCheckName, listChecks, selectChecks } from "../../src/findings/checks.ts";

describe("isCheckName", () => {
  it.each(CHECK_NAMES)("knows %j", (name) => {
    expect(isCheckName(name)).toBe(true);
  });

  it.each(["", "Response-Schema", "response_schema", "status", "coverage ", "toString"])("does not know %j", (name) => {
    expect(isCheckName(name)).toBe(false);
  });
});

describe("selectChecks", () => {
  it("selects every check in table order when given nothing", () => {
    expect(selectChecks()).toEqual([
      "response-schema",
      "status-code",
      "content-type",
      "not-a-server-error",
      "parameters-honoured",
      "pagination-integrity",
      "cross-endpoint-consistency",
      "negative-data",
      "authentication",
      "coverage",
    ]);
  });

  it("keeps the table's order whatever the order asked, less the skipped checks", () => {
    expect(selectChecks(["coverage", "status-code", "response-schema"], ["status-code"])).toEqual([
      "response-schema",
      "coverage",
    ]);
    expect(selectChecks(undefined, ["coverage", "authentication", "negative-data"])).toEqual(CHECK_NAMES.slice(0, 7));
    expect(selectChecks(["content-type"], ["content-type"])).toEqual([]);
  });
});

describe("listChecks", () => {
  it("writes one line per check: its name padded to the longest name, two spaces, its summary", () => {
    const names = [
      "response-schema           ",
      "status-code               ",
      "content-type              ",
      "not-a-server-error        ",
      "parameters-honoured       ",
      "pagination-integrity      ",
      "cross-endpoint-consistency",
      "negative-data             ",
      "authentication            ",
      "coverage                  ",
    ];
    expect(listChecks()).toBe(names.map((name, i) => `${name}  ${CHECKS[i]!.summary}\n`).join(""));
    expect(CHECKS[0]!.summary).toBe(
      "every body is valid for its operation and status (closed schemas: an unknown field is additive)",
    );
  });
});
