// Public names for the generated schema types.
import type { components } from "../generated/video-logs.d.ts";
import type { ParamsOf } from "./client/operation-types.ts";
import { isDiscardedForm } from "./operations/discarded-form.ts";

type Schemas = components["schemas"];

/** A video log in its full form. */
export type Log = Schemas["Log"];
/** A deleted video log: only its id and two timestamps remain. */
export type DiscardedLog = Schemas["DiscardedLog"];
/** Either form of a video log, as `getLog` and list pages return it. */
export type VideoLog = Schemas["VideoLog"];
/** One page of `listLogs`. */
export type ListLogsPage = Schemas["ListLogsPage"];
/** The filters and paging parameters of `listLogs`; a date-time filter takes a `Date` too. */
export type ListLogsQuery = NonNullable<ParamsOf<"list_logs">["query"]>;
/** The body of a 422 response. */
export type ValidationErrorResponse = Schemas["ValidationErrorResponse"];

/** True for a log that has been deleted and comes back in its discarded form (the spec's `x-discarded-form`). */
export function isDiscardedLog(log: VideoLog): log is DiscardedLog {
  return isDiscardedForm(log);
}
