// A drift probe as data: what to request, what to expect and which named checks it serves, planned from the spec
// (plan-probes.ts) and run by the tour's stages. Every result a probe yields carries its kind and operationId; every
// finding names its check.

import type { CheckName } from "../findings/checks.ts";
import type { ProbeKind } from "../findings/probe-kind.ts";
import type { OperationId } from "../operations/operation-table.ts";

interface ProbeBase {
  operationId: OperationId;
  /** The checks this probe is sent for (besides the conformance checks every response goes through). */
  serves: readonly CheckName[];
}

export type Probe = ProbeBase &
  (
    | /** Reads a list operation's pages with one query (pinned and with the tour's page size), up to `pages`. */
    {
        kind: "page";
        query: Record<string, unknown>;
      } /** Reads a listing filtered by `parameter`, its value chosen from the items the page probes saw. */
    | {
        kind: "filtered-page";
        parameter: string;
        query: Record<string, unknown>;
      } /** Gets items seen in the listings of `listOperationId` by their id, up to `sample`, and compares them. */
    | {
        kind: "sampled-item";
        listOperationId: OperationId;
        idParameter: string;
      } /** Gets a random id nobody has: the spec's 404 body. */
    | {
        kind: "unknown-item";
        idParameter: string;
      } /** Sends one query parameter with a value its schema forbids: a declared 4xx. */
    | {
        kind: "invalid-parameter";
        parameter: string;
        value: string | number;
        why: string;
      } /** Sends a query parameter the spec does not know: a note only, whatever the answer. */
    | { kind: "unknown-parameter"; parameter: string } /** Gets an id its schema forbids: a declared 4xx. */
    | {
        kind: "malformed-id";
        idParameter: string;
        value: string;
      } /** Sends deliberately wrong credentials: the spec's 401 body. */
    | {
        kind: "wrong-credentials";
        query: Record<string, unknown>;
      } /** Sends no credentials at all: the spec's 401 body. */
    | { kind: "no-credentials"; query: Record<string, unknown> }
  );

/**
 * The status a probe expects: that status; "4xx", a 4xx the operation declares (but 401 and 403 when it declares
 * another); "any", any status it declares. The drift check turns it into the list of statuses to accept.
 */
export const EXPECTED_STATUS: Readonly<Record<ProbeKind, number | "4xx" | "any">> = {
  page: 200,
  "filtered-page": 200,
  "sampled-item": 200,
  "unknown-item": 404,
  "invalid-parameter": "4xx",
  "unknown-parameter": "any",
  "malformed-id": "4xx",
  "wrong-credentials": 401,
  "no-credentials": 401,
  recorded: "any",
};
