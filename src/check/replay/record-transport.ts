// `check --record`: every exchange of the tour sent as usual, then written to the recording with its probe and run
// (recorded-run.ts). A request that got no response writes nothing: a recording holds exchanges.
import type { Redactor } from "../../redaction/redactor.ts";
import { exchangeToHarEntry } from "../har/exchange-to-har-entry.ts";
import type { RecordingWriter } from "../har/recording-writer.ts";
import type { TourTransport } from "../tour/tour-transport.ts";
import type { RecordedFields, RecordedRun } from "./recorded-run.ts";

export function recordingTransport(writer: RecordingWriter, redactor: Redactor, run: RecordedRun): TourTransport {
  return async (probe, send) => {
    const startedAt = new Date();
    const started = performance.now();
    const exchange = await send();
    const time = Math.round(performance.now() - started);
    const fields: RecordedFields = { ...run, probe };
    await writer.write(exchangeToHarEntry({ ...exchange, startedAt, time }, redactor, fields));
    return exchange;
  };
}
