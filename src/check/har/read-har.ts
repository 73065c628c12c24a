// Reads a recording: bounded in size, UTF-8, JSON with no key twice in one object, and a HAR 1.2 log by the HAR
// schema. Every problem is a HarFileError naming where in the file it is; none quotes the file's text.
import { stat } from "node:fs/promises";
import { duplicateKeyPointer } from "./duplicate-key.ts";
import { HarFileError } from "./har-file-error.ts";
import { MAX_HAR_BYTES } from "./har-limits.ts";
import { harStructureError } from "./har-schema.ts";
import type { HarLog } from "./har-types.ts";
import { jsonSyntaxError } from "./json-syntax-error.ts";
import { readBounded } from "./read-bounded.ts";

const mib = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

export async function readHar(file: string, maxBytes = MAX_HAR_BYTES): Promise<HarLog> {
  let bytes: Buffer;
  try {
    // Refused before it is read, so a huge file costs nothing; the length is checked again in case it grew.
    const size = (await stat(file)).size;
    if (size > maxBytes)
      throw new HarFileError(
        "too-large",
        `The recording ${file} is ${mib(size)}, more than the ${mib(maxBytes)} a recording may have`,
      );
    // Read no further than the bound: a device or a FIFO has no size to stat and may never end.
    const read = await readBounded(file, maxBytes);
    if (read === undefined)
      throw new HarFileError(
        "too-large",
        `The recording ${file} is more than the ${mib(maxBytes)} a recording may have`,
      );
    bytes = read;
  } catch (error) {
    if (error instanceof HarFileError) throw error;
    throw new HarFileError(
      "unreadable",
      `Cannot read the recording ${file}: ${(error as NodeJS.ErrnoException).code ?? "unreadable"}`,
    );
  }
  let text: string;
  try {
    // A byte order mark, which some recorders write, is dropped.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new HarFileError("not-utf8", `The recording ${file} is not UTF-8 text`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const at = jsonSyntaxError(text);
    const where = at ? `line ${at.line}, column ${at.column}` : undefined;
    const what = at?.atEnd ? "the file ends before the JSON does" : "unexpected character";
    throw new HarFileError(
      "not-json",
      `The recording ${file} is not JSON: ${what}${where ? ` at ${where}` : ""}`,
      where,
    );
  }
  // Before anything reads the log: a second `headers` (or any key) would hide the first from the credentials check.
  const duplicate = duplicateKeyPointer(text);
  if (duplicate !== undefined)
    throw new HarFileError(
      "duplicate-key",
      `The recording ${file} has a key twice in one object, at ${duplicate}: JSON.parse would keep only the last, hiding what the first holds (a header with credentials, say), so nothing is judged`,
      duplicate,
    );
  const problem = harStructureError(value);
  if (problem) {
    const where = problem.instancePath || "/";
    throw new HarFileError(
      "not-har",
      `The recording ${file} is not a HAR 1.2 log: at ${where}, ${problem.message ?? "invalid"}`,
      where,
    );
  }
  return value as HarLog;
}
