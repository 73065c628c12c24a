// The cross-endpoint comparison of an item got by id with the listed one, in process: values of any depth.
import { describe, expect, it } from "vitest";
import { compareListedItem } from "../../src/check/compare-listed-item.ts";
import { NO_SECRETS } from "../../src/redaction/redactor.ts";
import { createSecretsRedactor } from "../../src/redaction/secrets-redactor.ts";
import { API_TOKEN, completedLog, inProgressLog } from "../helpers/sample-bodies.ts";

/** An array nested `depth` levels deep around `inner`, built without recursion. */
function nested(depth: number, inner: unknown = []): unknown {
  let value = inner;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe("compareListedItem", () => {
  it.each([5_000, 100_000])("finds nothing when both carry the same field nested %i levels deep", (depth) => {
    const listed = { ...completedLog, extra: nested(depth) };
    const got = { ...completedLog, extra: nested(depth) };
    expect(compareListedItem(listed, got, "list_logs", NO_SECRETS)).toEqual([]);
  });

  it.each([5_000, 100_000])(
    "reports a field nested %i levels deep that differs at its innermost level, both values cut short",
    (depth) => {
      const listed = { ...completedLog, extra: nested(depth, 1) };
      const got = { ...completedLog, extra: nested(depth, 2) };
      expect(compareListedItem(listed, got, "list_logs", NO_SECRETS)).toEqual([
        {
          check: "cross-endpoint-consistency",
          kind: "breaking",
          keyword: "consistency",
          pointer: "/extra",
          message: '"extra" differs from the item list_logs listed',
          expected: `list_logs's value ${"[".repeat(120 - "list_logs's value ".length)}`,
          actual: `${"[".repeat(59)}…`,
        },
      ]);
    },
  );

  it("quotes a listed value as JSON.stringify writes it, up to 120 characters", () => {
    const listed = { ...completedLog, room_name: "my_room" };
    const got = { ...completedLog, room_name: { name: "my_room" } };
    expect(compareListedItem(listed, got, "list_logs", NO_SECRETS)).toEqual([
      expect.objectContaining({
        pointer: "/room_name",
        expected: 'list_logs\'s value "my_room"',
        actual: '{"name":"my_room"}',
      }),
    ]);
  });

  it("compares nothing when either side is not an object", () => {
    for (const [listed, got] of [
      [null, completedLog],
      [completedLog, null],
      ["x", completedLog],
      [completedLog, 7],
    ])
      expect(compareListedItem(listed, got, "list_logs", NO_SECRETS)).toEqual([]);
  });

  it("of a settled item, finds a field either side lacks, each whole", () => {
    const { charge: _charge, ...listed } = completedLog;
    const got = { ...completedLog, extra: true };
    expect(compareListedItem(listed, got, "list_logs", NO_SECRETS)).toEqual([
      {
        check: "cross-endpoint-consistency",
        kind: "breaking",
        keyword: "consistency",
        pointer: "/charge",
        message: '"charge" differs from the item list_logs listed',
        expected: "list_logs's value (absent)",
        actual: "0.01",
      },
      {
        check: "cross-endpoint-consistency",
        kind: "breaking",
        keyword: "consistency",
        pointer: "/extra",
        message: '"extra" differs from the item list_logs listed',
        expected: "list_logs's value (absent)",
        actual: "true",
      },
    ]);
  });

  it("of an item that may still change, compares only its stable fields, saying so", () => {
    const got = { ...inProgressLog, ended_at: "2022-01-02T10:00:00Z", charge: 3, room_name: "renamed" };
    expect(compareListedItem(inProgressLog, got, "list_logs", NO_SECRETS)).toEqual([
      {
        check: "cross-endpoint-consistency",
        kind: "breaking",
        keyword: "consistency",
        pointer: "/room_name",
        message:
          '"room_name" differs from the item list_logs listed (a field fixed from the start, though the item may still change)',
        expected: "list_logs's value null",
        actual: "renamed",
      },
    ]);
  });

  it("names a field in its pointer escaped and in its message cut and redacted", () => {
    const redactor = createSecretsRedactor([API_TOKEN]);
    const name = `a/b~${API_TOKEN}`;
    const findings = compareListedItem(
      { ...completedLog, [name]: 1 },
      { ...completedLog, [name]: 2 },
      "list_logs",
      redactor,
    );
    expect(findings).toEqual([
      {
        check: "cross-endpoint-consistency",
        kind: "breaking",
        keyword: "consistency",
        pointer: `/a~1b~0${API_TOKEN}`,
        message: '"a/b~[REDACTED]" differs from the item list_logs listed',
        expected: "list_logs's value 1",
        actual: "2",
      },
    ]);
  });
});
