// What one request of a probe is, before it is sent: its name for people, the statuses it accepts, the credentials it
// goes with and the status hint a mock gets.

import type { ProbeKind } from "../../findings/probe-kind.ts";
import { type OperationId, operationOf } from "../../operations/operation-table.ts";
import type { ProbeRequest } from "../exchange-result.ts";
import { EXPECTED_STATUS } from "../probe.ts";
import type { Tour } from "./tour.ts";

/** The statuses a probe of this kind accepts, from the operation's declared ones where the kind says "a 4xx". */
export function expectedStatuses(kind: ProbeKind, operationId: OperationId): number[] {
  const expected = EXPECTED_STATUS[kind];
  if (typeof expected === "number") return [expected];
  const declared = operationOf(operationId).statuses.map(Number);
  if (expected === "any") return declared;
  // A declared refusal of the request itself: any declared 4xx but the credential ones (the credentials are good).
  const refusals = declared.filter((status) => status >= 400 && status < 500 && status !== 401 && status !== 403);
  return refusals.length > 0 ? refusals : declared.filter((status) => status >= 400 && status < 500);
}

export function probeRequest(tour: Tour, kind: ProbeKind, operation: OperationId, name: string): ProbeRequest {
  const expectedStatus = expectedStatuses(kind, operation);
  // Only a Prism mock understands the hint; it lets the mock play the 404 and 401 it cannot know about.
  const hinted = tour.mock && expectedStatus.length === 1 && expectedStatus[0] !== 200;
  const headers: Record<string, string> = hinted ? { Prefer: `code=${expectedStatus[0]}` } : {};
  const auth = kind === "wrong-credentials" ? "wrong" : kind === "no-credentials" ? "none" : "env";
  return { name, kind, operation, expectedStatus, auth, headers };
}

/** `(include_deleted=true, page_size=5)`, for the names people read; nothing for an empty query. */
export function describeQuery(query: Record<string, unknown>): string {
  const pairs = Object.entries(query).map(([name, value]) => `${name}=${String(value)}`);
  return pairs.length > 0 ? ` (${pairs.join(", ")})` : "";
}
