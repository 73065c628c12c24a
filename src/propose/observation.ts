// What the proposal knows about the response one value came from: where it was seen and how to quote it safely.
import type { Redactor } from "../redaction/redactor.ts";

export interface ObservedIn {
  /** `get_log 200`: the operation and status of the response. */
  place: string;
  /** The server's request id, or the request line when the server sent none; already redacted and cut. */
  request: string;
  /** The client's redactor: every quoted value loses the credentials before it is cut. */
  redactor: Redactor;
}
