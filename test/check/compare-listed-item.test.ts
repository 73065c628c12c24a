// The cross-endpoint comparison of an item got by id with the listed one, in process: values of any depth.
import { describe, expect, it } from "vitest";
import { compareListedItem } from "../../src/check/compare-listed-item.ts";
import { NO_SECRETS } from "../../src/redaction/redactor.ts";
import { completedLog } from "../helpers/sample-bodies.ts";

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
});
