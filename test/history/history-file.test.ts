// The history file, in-process: read bounded and validated (a file that is not a history of this version is refused
// with where it goes wrong, and left byte for byte as it was), written one line per finding and per run, atomically.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import * as addFormatsModule from "ajv-formats";
import { afterAll, describe, expect, it } from "vitest";
import { readHistory, serializeHistory, writeAtomically } from "../../src/history/history-file.ts";
import { HistoryFileError } from "../../src/history/history-file-error.ts";
import { recordRuns } from "./history-fixtures.ts";

const addFormats = addFormatsModule.default.default;
const dir = mkdtempSync(join(tmpdir(), "video-logs-history-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { history } = recordRuns([{ seen: ["X"] }, { seen: ["X", "Y"] }, { seen: [] }]);
let files = 0;
function fileWith(content: string | Buffer): string {
  const file = join(dir, `history-${++files}.json`);
  writeFileSync(file, content);
  return file;
}

describe("reading a history", () => {
  it("reads back what was written, and validates against schemas/history.schema.json", async () => {
    const text = serializeHistory(history);
    expect(await readHistory(fileWith(text))).toEqual(history);
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync("schemas/history.schema.json", "utf8")));
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
  });

  it("writes one line per finding and per run", () => {
    const lines = serializeHistory(history).split("\n");
    expect(lines.filter((line) => line.startsWith('    "'))).toHaveLength(2);
    expect(lines.filter((line) => line.startsWith('    {"startedAt"'))).toHaveLength(3);
  });

  it("takes a missing or empty file as no history yet", async () => {
    expect(await readHistory(join(dir, "missing.json"))).toBeUndefined();
    expect(await readHistory(fileWith(""))).toBeUndefined();
  });

  const valid = JSON.parse(serializeHistory(history));
  it.each([
    [
      "text that is not JSON",
      '{"format": "signalwire-video-logs/history",',
      "not-json",
      /is not JSON at line 1, column 44$/,
    ],
    ["bytes that are not UTF-8", Buffer.from([0x7b, 0xff, 0x7d]), "not-json", /is not UTF-8 text$/],
    ["a drift report", JSON.stringify({ version: 7, findings: [] }), "foreign", /is not a video-logs history/],
    ["a history of another version", JSON.stringify({ ...valid, version: 2 }), "other-version", /of version 2; this/],
    [
      "a run that breaks the schema",
      JSON.stringify({ ...valid, runs: [{ ...valid.runs[0], complete: "yes" }] }),
      "foreign",
      /not valid: at \/runs\/0\/complete, must be boolean$/,
    ],
    [
      "a run that saw a fingerprint the findings do not hold",
      JSON.stringify({ ...valid, findings: {} }),
      "foreign",
      /not valid: at \/runs\/0\/seen\/0, is not one of \/findings$/,
    ],
    [
      "a run with a count too few",
      JSON.stringify({ ...valid, runs: [{ ...valid.runs[0], counts: [] }] }),
      "foreign",
      /not valid: at \/runs\/0\/counts, must have one count per fingerprint seen$/,
    ],
  ])("refuses %s, saying where, and leaves the file as it was", async (_what, content, problem, message) => {
    const file = fileWith(content);
    const before = readFileSync(file);
    const error = await readHistory(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HistoryFileError);
    expect((error as HistoryFileError).problem).toBe(problem);
    expect((error as HistoryFileError).message).toMatch(message);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("refuses a file larger than the bound without reading it all", async () => {
    const file = fileWith(serializeHistory(history));
    await expect(readHistory(file, 100)).rejects.toThrow(/is more than the 0 MiB a history may have/);
  });
});

describe("writing a history", () => {
  it("replaces the file whole through a temporary file in its folder, and leaves no temporary file behind", async () => {
    const folder = mkdtempSync(join(dir, "write-"));
    const file = join(folder, "history.json");
    writeFileSync(file, "old");
    await writeAtomically(file, serializeHistory(history));
    expect(await readHistory(file)).toEqual(history);
    expect(readdirSync(folder)).toEqual(["history.json"]);
  });

  it("says so when the folder cannot be written, and leaves nothing behind", async () => {
    await expect(writeAtomically(join(dir, "no-such-folder", "history.json"), "{}")).rejects.toThrow(
      /Cannot write the history .*: ENOENT/,
    );
  });
});
