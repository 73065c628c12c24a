// A difference as the comparers find it, before it is de-duplicated and classified.
import type { Context, Kind } from "./classify.ts";

export interface DiffFinding {
  kind: Kind;
  context: Context;
  /** The operation it was found in, as "GET /logs". */
  operation: string;
  /** What changed, as "response 200 body field \"data[].status\"". */
  subject: string;
  /** How it changed, as "can now be null". */
  change: string;
  /** JSON pointer into ours, or null when the thing is absent there. */
  ours: string | null;
  /** JSON pointer into theirs, or null when the thing is absent there. */
  theirs: string | null;
}
