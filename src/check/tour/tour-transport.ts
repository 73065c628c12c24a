// How the tour's requests reach a server: every request the tour sends goes through here with its probe's identity,
// so that `check --record` can write each exchange with it and `check --replay` answer each from a recording by it
// (replay/), not by URL. Live, the request is simply sent.
import type { Exchange } from "../../client/exchange.ts";
import type { ProbeKind } from "../../findings/probe-kind.ts";

/** Which planned request an exchange answers: stable across runs of one seed, one pin and the same answers. */
export interface ProbeIdentity {
  kind: ProbeKind;
  operation: string;
  /** The request's name in the report: the operation, the page, the query, the id. */
  request: string;
  /** 1 for the first sending, 2 for the one after a 429, and so on. */
  attempt: number;
}

/** Answers one request of the tour: sends it (`send`), records it, or answers it from a recording. */
export type TourTransport = (identity: ProbeIdentity, send: () => Promise<Exchange>) => Promise<Exchange>;

export const SEND: TourTransport = (_identity, send) => send();

/** `send` through the transport as one planned request, each call (a retry after a 429) its next attempt. */
export function throughTransport(
  transport: TourTransport,
  identity: Omit<ProbeIdentity, "attempt">,
  send: () => Promise<Exchange>,
): () => Promise<Exchange> {
  let attempt = 0;
  return () => {
    attempt += 1;
    return transport({ ...identity, attempt }, send);
  };
}
