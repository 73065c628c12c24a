// `video-logs check --har` on what browsers really write: the API's entries are judged whatever the unrelated traffic
// around them looks like.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DriftReport } from "../../src/report/report-types.ts";
import { assertBuilt, runBin, runInProcess } from "../helpers/cli.ts";
import { harEntry, writeHar } from "../helpers/har-recording.ts";
import { completedLog } from "../helpers/sample-bodies.ts";

// The first test, the refused server address and /dev/zero run the built executable; the other recordings go through
// the runCli it runs, in-process: what they vary is the judging of entries, not the process.

const dir = mkdtempSync(join(tmpdir(), "video-logs-browser-har-"));
beforeAll(() => assertBuilt());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LOG_URL = `https://example.signalwire.com/api/video/logs/${completedLog.id}`;
let files = 0;
const recording = (entries: Record<string, unknown>[]) =>
  writeHar(dir, `b${files++}.har`, { log: { version: "1.2", creator: { name: "browser", version: "1" }, entries } });

describe("check --har with a browser's recording", () => {
  it("judges the API's entry beside a request whose URL has brackets, a pipe or a caret, as Chrome records them", async () => {
    // The WHATWG URL serialiser leaves [ ] | and ^ in a query as they are; they are not RFC 3986 URI characters.
    const odd = ["https://cdn.example.com/x?filter[a]=1&b=c|d", "https://cdn.example.com/caf%C3%A9?q=^"].map((url) =>
      harEntry({ url, text: "x", responseHeaders: { "content-type": "text/plain" } }),
    );
    const file = recording([...odd, harEntry({ url: LOG_URL, json: completedLog })]);
    const result = await runBin(["check", "--har", file]);
    expect(result.stderr).toBe("");
    const summary = `OK: 0 breaking, 0 additive findings; 3 entries, 1 judged: 1 conform; 2 not judged (recording ${file})`;
    expect(result.stdout.split("\n").filter((line) => line.startsWith("OK: "))).toEqual([summary, summary]);
    expect(result.code).toBe(0);
  });

  it("skips one entry whose URL is not a URL at all, with why, and judges the others", async () => {
    const broken = harEntry({ url: "https://example.com/", text: "x" }) as { request: { url: string } };
    broken.request.url = "not a url";
    const result = await runInProcess([
      "check",
      "--har",
      recording([broken, harEntry({ url: LOG_URL, json: completedLog })]),
    ]);
    expect(result.stdout).toContain("skipped: entry 0 GET not a url: its URL cannot be parsed");
    expect(result.code).toBe(0);
  });
});

describe("check --har with Chrome's server address", () => {
  it("reads an IPv6 serverIPAddress in brackets, as Chrome writes it, and still refuses one that is no address", async () => {
    const entry = harEntry({ url: LOG_URL, json: completedLog });
    const ok = await runInProcess([
      "check",
      "--har",
      recording([
        { ...entry, serverIPAddress: "[2606:4700::6810:85e5]" },
        { ...entry, serverIPAddress: "203.0.113.7" },
      ]),
    ]);
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    const bad = await runBin(["check", "--har", recording([{ ...entry, serverIPAddress: "[not-an-address]" }])]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("/log/entries/0/serverIPAddress");
  });
});

describe("check --har with nothing it can judge", () => {
  it("says the API's entries were found but could not be judged, instead of saying there is none, and exits 2", async () => {
    const aborted = harEntry({ url: LOG_URL, json: completedLog, status: 0 });
    const file = recording([aborted]);
    const result = await runInProcess(["check", "--har", file, "--format", "json"]);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout) as { notes: string[] };
    expect(report.notes.join("\n")).not.toContain("no entry of the recording is an operation of the spec");
    expect(report.notes.join("\n")).toContain("1 entry is an operation of the spec, but none could be judged");
    // The summary line (the JSON report being on stdout), then why the check is incomplete.
    expect(result.stderr).toBe(
      `INCOMPLETE: 0 breaking, 0 additive findings; 1 entry, 0 judged: 0 conform; 1 not judged (recording ${file})\n` +
        "No entry of the recording could be judged (1 entry, 1 an operation of the spec, each skipped with why); the check is incomplete.\n",
    );
  });
});

describe("check --har repro lines", () => {
  it("put the user's SignalWire credentials only on a recorded https URL of a SignalWire Space, never on another host", async () => {
    const path = `/api/video/logs/${completedLog.id}`;
    const drifted = { ...completedLog, status: "paused" };
    const urls = [
      `https://attacker.example${path}`,
      `http://example.signalwire.com${path}`,
      `https://example.signalwire.com.attacker.example${path}`,
      `https://example.signalwire.com${path}`,
    ];
    const file = recording(urls.map((url) => harEntry({ url, json: drifted })));
    // Each request's own repro is in the JSON report; the four are occurrences of one finding.
    const json = await runInProcess(["check", "--har", file, "--format", "json"]);
    const report = JSON.parse(json.stdout) as DriftReport;
    expect(report.exchanges.map((exchange) => exchange.curl.endsWith(`'${exchange.url}'`))).toEqual(
      Array(4).fill(true),
    );
    expect(report.exchanges.map((exchange) => exchange.url)).toEqual(urls);
    for (const [index, exchange] of report.exchanges.entries()) {
      expect(exchange.curl.includes("SIGNALWIRE_API_TOKEN"), exchange.url).toBe(index === 3);
    }
    expect(report.findings.map((f) => [f.pointer, f.keyword, f.count, f.example.curl])).toEqual([
      ["/status", "enum", 4, report.exchanges[0]!.curl],
    ]);
    // The text report shows the finding once, with its first request's repro: the other host's, without credentials.
    const text = await runInProcess(["check", "--har", file]);
    const repros = text.stdout.split("\n").filter((line) => line.trimStart().startsWith("repro: "));
    expect(repros).toEqual([`  repro: curl -sS -H 'Accept: application/json' '${urls[0]}'`]);
  });
});

describe("check --har with a file that never ends", () => {
  it.runIf(process.platform !== "win32")(
    "exits 2 after reading at most 256 MiB of /dev/zero, which stat says is empty",
    { timeout: 60_000 },
    async () => {
      const result = await runBin(["check", "--har", "/dev/zero"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe("video-logs: The recording /dev/zero is more than the 256 MiB a recording may have\n");
    },
  );
});
