// Cross-endpoint consistency: an item got by its id against the same item as a listing showed it. Every field of a
// settled item; only the fields fixed from the start (x-stable-fields) of one that may still change (x-settled-when).

import { behaviourFinding, type Finding } from "../findings/finding.ts";
import { escapeToken } from "../openapi/json-pointer.ts";
import { comparableFields } from "../operations/settled-form.ts";
import type { Redactor } from "../redaction/redactor.ts";
import { jsonEqual, jsonText } from "../validation/json-value.ts";

/**
 * Server values are quoted through `redactor`, which removes the credentials before it cuts. Values are compared and
 * written with an explicit stack, so a field nested a hundred thousand levels deep is judged like a flat one.
 */
export function compareListedItem(
  listed: unknown,
  got: unknown,
  listOperationId: string,
  redactor: Redactor,
): Finding[] {
  if (listed === null || typeof listed !== "object" || got === null || typeof got !== "object") return [];
  const before = listed as Record<string, unknown>;
  const after = got as Record<string, unknown>;
  const { settled, fields } = comparableFields(before);
  const names = settled ? [...new Set([...Object.keys(before), ...Object.keys(after)])] : fields;
  return names
    .filter((name) => !jsonEqual(before[name], after[name]))
    .map((name) =>
      behaviourFinding(
        "cross-endpoint-consistency",
        "consistency",
        `/${escapeToken(name)}`,
        `${JSON.stringify(redactor.cut(name, 60).text)} differs from the item ${listOperationId} listed${settled ? "" : " (a field fixed from the start, though the item may still change)"}`,
        redactor.cut(`${listOperationId}'s value ${jsonText(before[name]) ?? "(absent)"}`, 120).text,
        after[name],
        redactor,
      ),
    );
}
