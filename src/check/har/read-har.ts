// Reads a recording: bounded in size, UTF-8, JSON with no key twice in one object, and a HAR 1.2 log by the HAR
// schema. Every problem is a HarFileError naming where in the file it is; none quotes the file's text.
import { duplicateKeyPointer } from "./duplicate-key.ts";
import { HarFileError } from "./har-file-error.ts";
import { MAX_HAR_BYTES } from "./har-limits.ts";
import { harStructureError } from "./har-schema.ts";
import type { HarLog } from "./har-types.ts";
import { describeJsonSyntaxError } from "./json-syntax-error.ts";
import { mib, readBoundedText, TextReadError, type TextReadProblem } from "./read-bounded.ts";

export async function readHar(file: string, maxBytes = MAX_HAR_BYTES): Promise<HarLog> {
  let text: string;
  try {
    text = await readBoundedText(file, maxBytes);
  } catch (error) {
    if (error instanceof TextReadError) throw harReadError(file, maxBytes, error.reason);
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const { what, where } = describeJsonSyntaxError(text);
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

function harReadError(file: string, maxBytes: number, reason: TextReadProblem): HarFileError {
  switch (reason.problem) {
    case "unreadable":
      return new HarFileError("unreadable", `Cannot read the recording ${file}: ${reason.code}`);
    case "too-large":
      return new HarFileError(
        "too-large",
        reason.size === undefined
          ? `The recording ${file} is more than the ${mib(maxBytes)} a recording may have`
          : `The recording ${file} is ${mib(reason.size)}, more than the ${mib(maxBytes)} a recording may have`,
      );
    case "not-utf8":
      return new HarFileError("not-utf8", `The recording ${file} is not UTF-8 text`);
  }
}
