// `proxy --record FILE`: the streaming writer, fed in the order the exchanges were forwarded, redacted with the
// session's credentials as they are when each entry is written. It runs in the proxy's judging thread; a write that
// fails stops the recording, not the proxy.
import type { HarEntry } from "../../check/har/har-entry.ts";
import { openRecordingWriter, type RecordingWriter } from "../../check/har/recording-writer.ts";
import type { ProxySession } from "../../proxy/proxy-session.ts";
import { escapeTerminal } from "../../report/escape-terminal.ts";
import { VERSION } from "../../version.ts";
import { UsageError } from "../usage-error.ts";

/** `.ndjson` and `.jsonl` are NDJSON (one HAR entry per line); any other name, one HAR 1.2 document. */
export const recordingFormat = (file: string): "har" | "ndjson" => (/\.(ndjson|jsonl)$/i.test(file) ? "ndjson" : "har");

export interface ProxyRecording {
  /** The file written until close(): a temporary file beside the target. */
  readonly writingTo: string;
  /**
   * Queues `entry` after those before it; resolves once it is written and the writer can take more (at once, unless
   * the disk is behind), or the recording has stopped. Never rejects.
   */
  record(entry: HarEntry): Promise<void>;
  /** Writes what is left and renames the file into place; the lines for stderr say what became of it. */
  close(quiet: boolean): Promise<string[]>;
  /** Removes the recording, without waiting for the disk to take what is queued. */
  abort(): Promise<void>;
}

export async function openRecording(
  file: string | undefined,
  session: ProxySession,
): Promise<ProxyRecording | undefined> {
  if (file === undefined) return undefined;
  const writer: RecordingWriter = await openRecordingWriter(file, {
    format: recordingFormat(file),
    creator: { name: "signalwire-video-logs proxy", version: VERSION },
    redactor: session.currentRedactor,
  }).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`Cannot write the recording ${file}: ${error.code ?? error.message}`);
  });
  return proxyRecording(file, writer);
}

/** The recording `file` written by `writer`, one entry at a time. */
export function proxyRecording(file: string, writer: RecordingWriter): ProxyRecording {
  let writing: Promise<void> = Promise.resolve();
  let failure: Error | undefined;
  return {
    writingTo: writer.writingTo,
    record(entry) {
      writing = writing
        .then(() => (failure ? undefined : writer.write(entry)))
        .catch((error: Error) => {
          failure ??= error;
        });
      return writing;
    },
    async close(quiet) {
      await writing;
      if (failure) {
        await writer.abort();
        return [
          `video-logs: the recording ${escapeTerminal(file)} was not written: ${escapeTerminal(failure.message)}`,
        ];
      }
      await writer.close();
      return quiet ? [] : [`Recording (${writer.entries} entries) written to ${escapeTerminal(file)}`];
    },
    async abort() {
      // Aborted first: a write waiting for a disk that does not drain ends then, and the entries after it are dropped.
      await writer.abort();
      await writing;
    },
  };
}
