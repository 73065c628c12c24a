// The shared recording writer: a HAR 1.2 log or NDJSON written as entries come, redacted, atomically, and read back
// by the recording check's own reader.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exchangeToHarEntry } from "../../../src/check/har/exchange-to-har-entry.ts";
import { readHar } from "../../../src/check/har/read-har.ts";
import { openRecordingWriter } from "../../../src/check/har/recording-writer.ts";
import { createSecretsRedactor } from "../../../src/redaction/secrets-redactor.ts";

const dir = mkdtempSync(join(tmpdir(), "video-logs-recording-writer-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TOKEN = "PT0123456789abcdef0123456789abcdef";
const PROJECT = "5f1c4c8e-2a4b-4b8e-9a3d-2f6f1d0e7c11";
const redactor = createSecretsRedactor([TOKEN, `${PROJECT}:${TOKEN}`]);
const creator = { name: "video-logs", version: "0.1.0" };

function exchange(body: string, url = "http://127.0.0.1:9/api/video/logs?page_size=2") {
  return {
    method: "GET",
    url,
    requestHeaders: { Authorization: `Basic ${Buffer.from(`${PROJECT}:${TOKEN}`).toString("base64")}`, Accept: "*/*" },
    response: new Response(null, {
      status: 200,
      statusText: "OK",
      headers: { "content-type": "application/json", "set-cookie": "sid=abcdefgh12345678", "x-echo": TOKEN },
    }),
    bytes: new TextEncoder().encode(body),
    startedAt: new Date("2026-12-01T10:00:00.000Z"),
    time: 7,
  };
}

describe("openRecordingWriter", () => {
  it("writes a HAR 1.2 log the recording reader accepts, entries in order, with their custom fields", async () => {
    const path = join(dir, "two.har");
    const writer = await openRecordingWriter(path, { format: "har", creator, redactor });
    await writer.write(exchangeToHarEntry(exchange('{"data":[1]}'), redactor, { probe: "a" }));
    await writer.write(exchangeToHarEntry(exchange('{"data":[2]}'), redactor, { probe: "b" }));
    expect(existsSync(path)).toBe(false);
    await writer.close();
    const log = (await readHar(path)) as unknown as { log: { creator: unknown; entries: Record<string, unknown>[] } };
    expect(log.log.creator).toEqual(creator);
    expect(log.log.entries.map((entry) => entry._videoLogs)).toEqual([{ probe: "a" }, { probe: "b" }]);
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("writes an empty HAR log when nothing was recorded", async () => {
    const path = join(dir, "empty.har");
    await (await openRecordingWriter(path, { format: "har", creator, redactor })).close();
    expect((await readHar(path)).log.entries).toEqual([]);
  });

  it("writes NDJSON, one entry per line", async () => {
    const path = join(dir, "lines.ndjson");
    const writer = await openRecordingWriter(path, { format: "ndjson", creator, redactor });
    for (let i = 0; i < 3; i++) await writer.write(exchangeToHarEntry(exchange(`{"n":${i}}`), redactor));
    await writer.close();
    const lines = readFileSync(path, "utf8").trimEnd().split("\n");
    expect(lines.map((line) => JSON.parse(line).response.content.text)).toEqual(['{"n":0}', '{"n":1}', '{"n":2}']);
  });

  it("never writes a credential header or cookie, and redacts a secret a server echoed", async () => {
    const path = join(dir, "secrets.har");
    const writer = await openRecordingWriter(path, { format: "har", creator, redactor });
    const echoed = exchange(JSON.stringify({ token: TOKEN }), `http://127.0.0.1:9/api/video/logs?api_key=${TOKEN}`);
    await writer.write(exchangeToHarEntry(echoed, redactor));
    await writer.close();
    const text = readFileSync(path, "utf8");
    for (const secret of [TOKEN, Buffer.from(`${PROJECT}:${TOKEN}`).toString("base64"), "abcdefgh12345678"])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/authorization|set-cookie/i);
    const [entry] = (await readHar(path)).log.entries;
    expect(entry!.request.headers).toEqual([{ name: "Accept", value: "*/*" }]);
    expect(entry!.response.content.text).toBe('{"token":"[REDACTED]"}');
  });

  it("keeps a body that is not UTF-8 byte for byte, in base64", async () => {
    const path = join(dir, "bytes.har");
    const writer = await openRecordingWriter(path, { format: "har", creator, redactor });
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, 0xff, 0x00, 0x41]);
    await writer.write(exchangeToHarEntry({ ...exchange(""), bytes }, redactor));
    await writer.close();
    const content = (await readHar(path)).log.entries[0]!.response.content;
    expect(content.encoding).toBe("base64");
    expect([...Buffer.from(content.text!, "base64")]).toEqual([...bytes]);
  });

  it("leaves the target as it was and no temporary file when aborted", async () => {
    const path = join(dir, "kept.har");
    writeFileSync(path, "before");
    const writer = await openRecordingWriter(path, { format: "har", creator, redactor });
    await writer.write(exchangeToHarEntry(exchange("{}"), redactor));
    await writer.abort();
    expect(readFileSync(path, "utf8")).toBe("before");
    expect(existsSync(writer.writingTo)).toBe(false);
  });

  it("ends a write waiting for the disk to drain when aborted, and leaves no temporary file", async () => {
    const writer = await openRecordingWriter(join(dir, "stuck.ndjson"), { format: "ndjson", creator, redactor });
    const big = exchangeToHarEntry(exchange(JSON.stringify({ data: "x".repeat(256 * 1024) })), redactor);
    const waiting = writer.write(big).then(
      () => "written",
      (error: Error) => error.message,
    );
    await writer.abort();
    expect(await waiting).toBe(`The recording ${join(dir, "stuck.ndjson")} is already closed`);
    expect(existsSync(writer.writingTo)).toBe(false);
  });

  it("removes its temporary file when close cannot rename it over the target", async () => {
    const path = join(dir, "a-folder.har");
    mkdirSync(path);
    const writer = await openRecordingWriter(path, { format: "har", creator, redactor });
    await writer.write(exchangeToHarEntry(exchange("{}"), redactor));
    await expect(writer.close()).rejects.toMatchObject({ code: "EISDIR" });
    expect(existsSync(writer.writingTo)).toBe(false);
    expect(readdirSync(path)).toEqual([]);
  });

  it("writes many large entries with bounded buffering and refuses a write after close", async () => {
    const path = join(dir, "large.ndjson");
    const writer = await openRecordingWriter(path, { format: "ndjson", creator, redactor });
    const big = exchangeToHarEntry(exchange(JSON.stringify({ data: "x".repeat(256 * 1024) })), redactor);
    for (let i = 0; i < 40; i++) await writer.write(big);
    await writer.close();
    expect(readFileSync(path, "utf8").trimEnd().split("\n")).toHaveLength(40);
    await expect(writer.write(big)).rejects.toThrow(/already closed/);
  });

  it("rejects when the target's folder does not exist", async () => {
    await expect(
      openRecordingWriter(join(dir, "missing", "x.har"), { format: "har", creator, redactor }),
    ).rejects.toMatchObject({ code: "ENOENT" });
  });
});
