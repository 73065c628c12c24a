// Reading a recording: every way a file can fail to be a HAR 1.2 log is a HarFileError naming where, never its text.
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HarFileError } from "../../../src/check/har/har-file-error.ts";
import { MAX_HAR_BYTES } from "../../../src/check/har/har-limits.ts";
import { jsonSyntaxError } from "../../../src/check/har/json-syntax-error.ts";
import { readHar } from "../../../src/check/har/read-har.ts";
import { harRecording, writeHar } from "../../helpers/har-recording.ts";

const dir = mkdtempSync(join(tmpdir(), "video-logs-read-har-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function failure(path: string, maxBytes?: number): Promise<HarFileError> {
  const error = await readHar(path, maxBytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HarFileError);
  return error as HarFileError;
}

const entry = { url: "https://example.signalwire.com/api/video/logs", json: { data: [] } };

describe("readHar", () => {
  it("reads a recording with a byte order mark and keeps every entry", async () => {
    const path = join(dir, "bom.har");
    writeFileSync(path, `\uFEFF${JSON.stringify(harRecording([entry, entry]))}`);
    expect((await readHar(path)).log.entries).toHaveLength(2);
  });

  it("names the line and column of a JSON syntax error and quotes none of the text", async () => {
    const text = JSON.stringify(harRecording([entry]), null, 2).replace(
      '"version": "1.2"',
      '"version": secret-value-1234',
    );
    const error = await failure(writeHar(dir, "syntax.har", text));
    const line = text.split("\n").findIndex((l) => l.includes("secret-value-1234")) + 1;
    const column = text.split("\n")[line - 1]!.indexOf("secret-value-1234") + 1;
    expect(error.problem).toBe("not-json");
    expect(error.message).toContain(`line ${line}, column ${column}`);
    expect(error.message).not.toContain("secret");
  });

  it("says when the file ends before its JSON does", async () => {
    const error = await failure(writeHar(dir, "cut.har", JSON.stringify(harRecording([entry])).slice(0, 100)));
    expect(error.message).toMatch(/the file ends before the JSON does at line 1, column 101/);
  });

  it("names the JSON pointer and what the HAR schema expects there", async () => {
    const har = harRecording([entry, entry, entry, entry]) as { log: { entries: { response: { status: unknown } }[] } };
    har.log.entries[3]!.response.status = "200";
    const error = await failure(writeHar(dir, "status.har", har));
    expect(error.problem).toBe("not-har");
    expect(error.where).toBe("/log/entries/3/response/status");
    expect(error.message).toContain("at /log/entries/3/response/status, must be integer");
  });

  it("names the object that lacks a required field", async () => {
    const har = harRecording([entry]) as { log: { entries: Record<string, unknown>[] } };
    delete har.log.entries[0]!.timings;
    expect((await failure(writeHar(dir, "timings.har", har))).message).toContain(
      "at /log/entries/0, must have required property 'timings'",
    );
    expect((await failure(writeHar(dir, "array.har", [1, 2]))).message).toContain("at /, must be object");
  });

  it("refuses a file larger than the bound before reading it", async () => {
    const path = join(dir, "huge.har");
    writeFileSync(path, "");
    truncateSync(path, MAX_HAR_BYTES + 1);
    const error = await failure(path);
    expect(error.problem).toBe("too-large");
    expect(error.message).toContain("more than the 256 MiB a recording may have");
    expect((await failure(writeHar(dir, "small.har", harRecording([entry])), 100)).problem).toBe("too-large");
  });

  it("reads a recording whose recorder added a field nested a million levels deep, and refuses such entries", async () => {
    const deep = `${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}`;
    const head = '{"log":{"version":"1.2","creator":{"name":"x","version":"1"},';
    expect((await readHar(writeHar(dir, "deep.har", `${head}"entries":[],"_deep":${deep}}}`))).log.entries).toEqual([]);
    expect((await failure(writeHar(dir, "deep-entries.har", `${head}"entries":${deep}}}`))).where).toBe(
      "/log/entries/0",
    );
  });

  it("refuses bytes that are not UTF-8 and a file that cannot be read", async () => {
    const path = join(dir, "latin1.har");
    writeFileSync(path, Buffer.from([0x7b, 0xff, 0x7d]));
    expect((await failure(path)).problem).toBe("not-utf8");
    expect((await failure(join(dir, "missing.har"))).message).toMatch(
      /Cannot read the recording .*missing\.har: ENOENT/,
    );
  });
});

describe("jsonSyntaxError", () => {
  it.each([
    ["{}", undefined],
    ['{"a":[1,-2.5e3,true,false,null,"x\\u00e9\\n"]}', undefined],
    ["  [ ]  ", undefined],
    ["{,}", 1],
    ['{"a" 1}', 5],
    ['{"a":1,}', 7],
    ["[1 2]", 3],
    ['"\\x"', 1],
    ["01", 1],
    ["[1,", 3],
    ['"a\nb"', 2],
    ["{} x", 3],
    ["", 0],
  ])("finds the first offset of %j that is not JSON: %j", (text, offset) => {
    expect(jsonSyntaxError(text)?.offset).toBe(offset);
    if (offset === undefined) expect(() => JSON.parse(text)).not.toThrow();
    else expect(() => JSON.parse(text)).toThrow();
  });

  it("counts lines and columns from 1", () => {
    expect(jsonSyntaxError('{\n  "a": 1,\n  "b": x\n}')).toMatchObject({ line: 3, column: 8, atEnd: false });
  });

  it("finds an error under any depth of nesting without overflowing the stack", () => {
    expect(jsonSyntaxError(`${"[".repeat(200_000)}x`)?.offset).toBe(200_000);
  });
});
