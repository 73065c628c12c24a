// A recording read as a stream, one entry at a time, so memory does not grow with the file: a HAR 1.2 log (its
// `log.entries` emitted one by one by @streamparser/json) or NDJSON (`.ndjson`, `.jsonl`: one HAR entry per line).
// Validating, it refuses what readHar refuses (not UTF-8, not JSON, a key twice in one object, not HAR 1.2), each as a
// HarFileError naming where; fields a recorder adds (`_videoLogs`…) are kept as they are.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Tokenizer, TokenParser } from "@streamparser/json";
import { duplicateKeyPointer } from "./duplicate-key.ts";
import { DuplicateKeyTracker } from "./duplicate-key-tracker.ts";
import { HarFileError } from "./har-file-error.ts";
import { harStructureError } from "./har-schema.ts";
import type { HarEntry } from "./har-types.ts";
import { mib } from "./read-bounded.ts";
import { MAX_RECORDING_BYTES } from "./recording-limits.ts";

const CHUNK_BYTES = 1024 * 1024;

export interface StreamHarOptions {
  /** The largest file read, in bytes. Default MAX_RECORDING_BYTES. */
  maxBytes?: number;
  /** Check each entry and the log (JSON, keys, HAR 1.2); a second pass over a file already checked skips it. */
  validate?: boolean;
}

/** `.ndjson` and `.jsonl` hold one HAR entry per line; any other file, one HAR 1.2 document. */
export const isNdjsonRecording = (file: string) => /\.(ndjson|jsonl)$/i.test(file);

/** The entries of the recording, in file order. Throws a HarFileError when it cannot be read or (validating) is not one. */
export async function* streamHar(file: string, options: StreamHarOptions = {}): AsyncGenerator<HarEntry> {
  const maxBytes = options.maxBytes ?? MAX_RECORDING_BYTES;
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    throw new HarFileError("unreadable", `Cannot read the recording ${file}: ${(error as NodeJS.ErrnoException).code}`);
  }
  if (size > maxBytes) throw tooLarge(file, maxBytes, size);
  const text = decodedChunks(file, maxBytes);
  if (isNdjsonRecording(file)) yield* ndjsonEntries(file, text, options.validate ?? true);
  else yield* harEntries(file, text, options.validate ?? true);
}

function tooLarge(file: string, maxBytes: number, size?: number): HarFileError {
  return new HarFileError(
    "too-large",
    size === undefined
      ? `The recording ${file} is more than the ${mib(maxBytes)} a recording may have`
      : `The recording ${file} is ${mib(size)}, more than the ${mib(maxBytes)} a recording may have`,
  );
}

/** The file's text in chunks: UTF-8 (a byte order mark dropped), read no further than the bound. */
async function* decodedChunks(file: string, maxBytes: number): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let total = 0;
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw tooLarge(file, maxBytes);
      yield decoder.decode(chunk, { stream: true });
    }
    yield decoder.decode();
  } catch (error) {
    if (error instanceof HarFileError) throw error;
    if (error instanceof TypeError) throw new HarFileError("not-utf8", `The recording ${file} is not UTF-8 text`);
    throw new HarFileError("unreadable", `Cannot read the recording ${file}: ${(error as NodeJS.ErrnoException).code}`);
  }
}

/** A HAR document's entries as the tokens arrive; the log around them is checked once it has ended. */
async function* harEntries(file: string, text: AsyncIterable<string>, validate: boolean): AsyncGenerator<HarEntry> {
  const tokenizer = new Tokenizer();
  // Not `$` or `$.log`: a container on a path keeps every value in it, the entries too.
  const parser = new TokenParser({ paths: ["$.log.entries.*", "$.log.version", "$.log.creator"], keepStack: false });
  const duplicates = validate ? new DuplicateKeyTracker() : undefined;
  tokenizer.onToken = (info) => {
    duplicates?.token(info.token, info.value);
    parser.write(info);
  };
  let ready: HarEntry[] = [];
  let index = 0;
  const log: Record<string, unknown> = {};
  let ended = false;
  parser.onValue = ({ value, key, stack }) => {
    if (stack.length === 3) ready.push(value as unknown as HarEntry);
    else log[key as string] = value;
  };
  parser.onEnd = () => {
    ended = true;
  };
  for await (const chunk of text) {
    try {
      tokenizer.write(chunk);
    } catch (error) {
      throw notJson(file, error);
    }
    if (duplicates?.duplicate !== undefined) throw duplicateKey(file, duplicates.duplicate);
    const entries = ready;
    ready = [];
    for (const entry of entries) {
      if (validate) assertHarEntry(file, entry, `/log/entries/${index}`);
      index++;
      yield entry;
    }
  }
  try {
    tokenizer.end();
  } catch (error) {
    throw notJson(file, error);
  }
  if (!ended) throw notJson(file, new Error("the text ends before the JSON does"));
  // The log around the entries: its version and creator checked as HAR 1.2 (a log without entries holds none).
  if (validate) assertHarStructure(file, { log: { ...log, entries: [] } }, "", "");
}

/** NDJSON: each non-empty line one entry, checked on its own. */
async function* ndjsonEntries(file: string, text: AsyncIterable<string>, validate: boolean): AsyncGenerator<HarEntry> {
  let rest = "";
  let line = 0;
  for await (const chunk of text) {
    const lines = (rest + chunk).split("\n");
    rest = lines.pop()!;
    for (const part of lines) {
      line++;
      const entry = ndjsonEntry(file, part, line, validate);
      if (entry) yield entry;
    }
  }
  const last = ndjsonEntry(file, rest, line + 1, validate);
  if (last) yield last;
}

function ndjsonEntry(file: string, text: string, line: number, validate: boolean): HarEntry | undefined {
  if (text.trim() === "") return undefined;
  let entry: unknown;
  try {
    entry = JSON.parse(text);
  } catch {
    throw new HarFileError("not-json", `The recording ${file} is not NDJSON: line ${line} is not JSON`, `line ${line}`);
  }
  if (!validate) return entry as HarEntry;
  const duplicate = duplicateKeyPointer(text);
  if (duplicate !== undefined) throw duplicateKey(file, `line ${line} ${duplicate}`);
  assertHarEntry(file, entry, `line ${line} `);
  return entry as HarEntry;
}

/** One entry checked as HAR 1.2, in a log of its own; a problem's pointer is given from `where` on. */
function assertHarEntry(file: string, entry: unknown, where: string): void {
  const log = { log: { version: "1.2", creator: { name: "-", version: "-" }, entries: [entry] } };
  assertHarStructure(file, log, "/log/entries/0", where);
}

function assertHarStructure(file: string, value: unknown, from: string, where: string): void {
  const problem = harStructureError(value);
  if (!problem) return;
  const path = problem.instancePath.startsWith(from)
    ? `${where}${problem.instancePath.slice(from.length)}`
    : problem.instancePath;
  const at = path.trim() || "/";
  throw new HarFileError(
    "not-har",
    `The recording ${file} is not a HAR 1.2 log: at ${at}, ${problem.message ?? "invalid"}`,
    at,
  );
}

function notJson(file: string, error: unknown): HarFileError {
  const what = error instanceof Error ? error.message.replace(/ at position \d+.*$/s, "").slice(0, 120) : "invalid";
  return new HarFileError("not-json", `The recording ${file} is not JSON: ${what}`);
}

function duplicateKey(file: string, where: string): HarFileError {
  return new HarFileError(
    "duplicate-key",
    `The recording ${file} has a key twice in one object, at ${where}: JSON.parse would keep only the last, hiding what the first holds (a header with credentials, say), so nothing is judged`,
    where,
  );
}
