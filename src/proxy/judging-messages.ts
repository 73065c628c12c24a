// What the proxy's two threads say to each other. The main thread forwards and posts each finished exchange, in
// batches; the judging thread (judging-service.ts) judges them in order, acknowledges each batch, passes back the
// credentials it collects, and answers the main thread's requests for the report and, at exit, for everything else.
// Messages are handled in the order they are posted: a report asked for after a batch includes that batch.
import type { DriftReport } from "../report/report-types.ts";
import type { PackedBatch } from "./judging-batch.ts";

/** What the judging thread hands back at exit, besides the report. */
export interface JudgingOutcome {
  report: DriftReport;
  /** The proposal's YAML (--propose). */
  proposal?: { yaml: string; actions: number };
  /** Lines for stderr (the recording written, or why it was not). */
  messages: string[];
}

export type ToJudging =
  | { type: "exchanges"; batch: PackedBatch }
  /** `forwarded`: the requests the main thread forwarded so far, which the report counts. */
  | { type: "report"; id: number; forwarded: number }
  | { type: "finish"; id: number; forwarded: number }
  /** The proxy stops on an error: the recording is removed, nothing else is written. */
  | { type: "abort"; id: number };

export type FromJudging =
  /** Set up (spec loaded, recording opened): ready for exchanges. `temporaryFile`: where the recording is written. */
  | { type: "ready"; temporaryFile?: string }
  /** Could not set up; the lines say why, as the CLI prints them. */
  | { type: "refused"; lines: [string, ...string[]] }
  /** The oldest batch not yet acknowledged is judged and recorded (batches are judged in the order posted). */
  | { type: "judged" }
  /** Credentials collected since the last such message, for the main thread's redaction. */
  | { type: "secrets"; secrets: string[]; inBase64: string[] }
  | { type: "report"; id: number; report: DriftReport }
  | { type: "finished"; id: number; outcome: JudgingOutcome }
  | { type: "aborted"; id: number };
