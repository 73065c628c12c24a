// A HAR 1.2 entry as a recorder writes it: every field the HAR schema requires, beside the fields the reader needs
// (har-types.ts). `_videoLogs` is the custom field a recording of `check --record` carries (see docs/recordings.md).
import type { HarNameValue, HarEntry as ReadHarEntry } from "./har-types.ts";

export interface HarEntry extends ReadHarEntry {
  /** ISO 8601 time the request started. */
  startedDateTime: string;
  request: ReadHarEntry["request"] & {
    httpVersion: string;
    headersSize: number;
    bodySize: number;
  };
  response: ReadHarEntry["response"] & {
    statusText: string;
    httpVersion: string;
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  /** What the recorder knows of the exchange beyond HTTP: for `check --record`, the probe, seed, pin and options. */
  _videoLogs?: unknown;
}

export type { HarNameValue };
