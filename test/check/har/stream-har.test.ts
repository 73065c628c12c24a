// A recording read as a stream: HAR or NDJSON, each entry as readHar gives it (custom fields kept), and every way a
// file can fail refused as readHar refuses it, naming where.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HarFileError } from "../../../src/check/har/har-file-error.ts";
import { readHar } from "../../../src/check/har/read-har.ts";
import { runHarCheck } from "../../../src/check/har/run-har-check.ts";
import { streamHar } from "../../../src/check/har/stream-har.ts";
import { driftedRecording, harEntry, harRecording, writeHar } from "../../helpers/har-recording.ts";

const dir = mkdtempSync(join(tmpdir(), "video-logs-stream-har-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const entry = { url: "https://example.signalwire.com/api/video/logs", json: { data: [] } };

async function entriesOf(path: string, maxBytes?: number) {
  const entries: unknown[] = [];
  for await (const one of streamHar(path, { maxBytes })) entries.push(one);
  return entries;
}

async function failure(path: string, maxBytes?: number): Promise<HarFileError> {
  const error = await entriesOf(path, maxBytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HarFileError);
  return error as HarFileError;
}

/** The recording as NDJSON: one entry per line. */
function ndjsonOf(har: { log: Record<string, unknown> }): string {
  return `${(har.log.entries as unknown[]).map((one) => JSON.stringify(one)).join("\n")}\n`;
}

describe("streamHar", () => {
  it("gives the entries readHar gives, custom fields kept, from a HAR file and from its NDJSON", async () => {
    const har = driftedRecording();
    (har.log.entries as Record<string, unknown>[])[0]!._videoLogs = { probe: "list", seed: 7 };
    const path = writeHar(dir, "drifted.har", har);
    const whole = (await readHar(path)).log.entries;
    expect(whole[0]).toHaveProperty("_videoLogs", { probe: "list", seed: 7 });
    expect(await entriesOf(path)).toEqual(whole);
    expect(await entriesOf(writeHar(dir, "drifted.ndjson", ndjsonOf(har)))).toEqual(whole);
    expect(await entriesOf(writeHar(dir, "drifted.jsonl", ndjsonOf(har).replace(/\n/g, "\r\n")))).toEqual(whole);
  });

  it("refuses a key twice in one object, naming it, in a HAR file and on an NDJSON line", async () => {
    const text = JSON.stringify(harRecording([entry, entry])).replace('"cookies":[]', '"cookies":[],"cookies":[]');
    const har = await failure(writeHar(dir, "twice.har", text));
    expect([har.problem, har.where]).toEqual(["duplicate-key", "/log/entries/0/request/cookies"]);
    const line = JSON.stringify(harEntry(entry)).replace('"cookies":[]', '"cookies":[],"cookies":[]');
    const ndjson = await failure(writeHar(dir, "twice.ndjson", `${JSON.stringify(harEntry(entry))}\n${line}\n`));
    expect([ndjson.problem, ndjson.where]).toEqual(["duplicate-key", "line 2 /request/cookies"]);
  });

  it("refuses what is not HAR 1.2, naming the entry, and what is not JSON or past the bound", async () => {
    const broken = harRecording([entry, entry]);
    delete (broken.log.entries as Record<string, Record<string, unknown>>[])[1]!.response!.status;
    const notHar = await failure(writeHar(dir, "not-har.har", broken));
    expect([notHar.problem, notHar.where]).toEqual(["not-har", "/log/entries/1/response"]);
    const badLine = await failure(writeHar(dir, "bad.ndjson", `${JSON.stringify(harEntry(entry))}\n{"secret-value\n`));
    expect([badLine.problem, badLine.where, badLine.message.includes("secret-value")]).toEqual([
      "not-json",
      "line 2",
      false,
    ]);
    expect((await failure(writeHar(dir, "cut.har", JSON.stringify(harRecording([entry])).slice(0, -5)))).problem).toBe(
      "not-json",
    );
    expect((await failure(writeHar(dir, "big.har", harRecording([entry])), 100)).problem).toBe("too-large");
  });
});

describe("check --har of an NDJSON recording", () => {
  it("reports what the same recording as HAR reports", async () => {
    const har = driftedRecording();
    const now = () => 0;
    const fromHar = await runHarCheck({ file: writeHar(dir, "same.har", har), now });
    const fromNdjson = await runHarCheck({ file: writeHar(dir, "same.ndjson", ndjsonOf(har)), now });
    expect(fromNdjson.findings).toEqual(fromHar.findings);
    expect(fromNdjson.summary).toEqual(fromHar.summary);
    expect(fromNdjson.recording).toEqual(fromHar.recording);
  });
});
