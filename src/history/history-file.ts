// Reads and writes the history file. Reading is bounded (a FIFO or a device never ends) and refuses anything that is
// not a history of this version; writing goes to a temporary file in the same folder, renamed over the file, so a
// reader never sees half a history and a crash leaves the old one whole.
import { randomBytes } from "node:crypto";
import { open, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { jsonSyntaxError } from "../check/har/json-syntax-error.ts";
import { readBounded } from "../check/har/read-bounded.ts";
import { HISTORY_LIMITS } from "./history-defaults.ts";
import { HistoryFileError } from "./history-file-error.ts";
import { HISTORY_FORMAT, HISTORY_VERSION, type HistoryDocument } from "./history-types.ts";
import { historyShapeError } from "./validate-history.ts";

const mib = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

/** The history in `file`; undefined when there is none yet (no file, or an empty one). */
export async function readHistory(file: string, maxBytes: number = HISTORY_LIMITS.maxBytes) {
  const bytes = await readHistoryBytes(file, maxBytes);
  if (bytes === undefined || bytes.length === 0) return undefined;
  return parseHistory(file, bytes);
}

async function readHistoryBytes(file: string, maxBytes: number): Promise<Buffer | undefined> {
  try {
    const size = (await stat(file)).size;
    const bytes = size > maxBytes ? undefined : await readBounded(file, maxBytes);
    if (bytes === undefined)
      throw new HistoryFileError(
        "too-large",
        `The history ${file} is more than the ${mib(maxBytes)} a history may have`,
      );
    return bytes;
  } catch (error) {
    if (error instanceof HistoryFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    throw new HistoryFileError("unreadable", `Cannot read the history ${file}: ${code ?? "unreadable"}`);
  }
}

/** The history these bytes hold, or a HistoryFileError saying where they stop being one. */
export function parseHistory(file: string, bytes: Buffer): HistoryDocument {
  let text: string;
  let value: unknown;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new HistoryFileError("not-json", `The history ${file} is not UTF-8 text`);
  }
  try {
    value = JSON.parse(text);
  } catch {
    const at = jsonSyntaxError(text);
    const where = at ? ` at line ${at.line}, column ${at.column}` : "";
    throw new HistoryFileError("not-json", `The history ${file} is not JSON${where}`);
  }
  const { format, version } = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  if (format !== HISTORY_FORMAT)
    throw new HistoryFileError(
      "foreign",
      `The file ${file} is not a video-logs history (no "format": "${HISTORY_FORMAT}")`,
    );
  if (version !== HISTORY_VERSION) {
    throw new HistoryFileError(
      "other-version",
      `The history ${file} is of version ${JSON.stringify(version)}; this video-logs reads version ${HISTORY_VERSION}`,
    );
  }
  const problem = historyShapeError(value);
  if (problem)
    throw new HistoryFileError("foreign", `The history ${file} is not valid: at ${problem.where}, ${problem.message}`);
  return value as HistoryDocument;
}

/** One line per finding and per run, so the file stays readable and a change shows as whole lines. */
export function serializeHistory(history: HistoryDocument): string {
  const findings = Object.entries(history.findings).map(
    ([fingerprint, finding]) => `    ${JSON.stringify(fingerprint)}: ${JSON.stringify(finding)}`,
  );
  const runs = history.runs.map((run) => `    ${JSON.stringify(run)}`);
  const block = (lines: string[], open: string, close: string) =>
    lines.length === 0 ? `${open}${close}` : `${open}\n${lines.join(",\n")}\n  ${close}`;
  return `{
  "format": ${JSON.stringify(history.format)},
  "version": ${history.version},
  "findings": ${block(findings, "{", "}")},
  "runs": ${block(runs, "[", "]")}
}
`;
}

/** Writes `text` to a temporary file beside `file`, flushed to disk, then renames it over `file`. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const handle = await open(temporary, "wx");
    try {
      await handle.writeFile(text);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    const code = (error as NodeJS.ErrnoException).code;
    throw new HistoryFileError("unwritable", `Cannot write the history ${file}: ${code ?? String(error)}`);
  }
}
