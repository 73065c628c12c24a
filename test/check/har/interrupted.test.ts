// runHarCheck with a signal that aborts between entries: the report holds the entries read before, marked interrupted,
// with a note saying how many were read.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runHarCheck } from "../../../src/check/har/run-har-check.ts";
import { verdictOf } from "../../../src/report/summary-line.ts";
import { harRecording, writeHar } from "../../helpers/har-recording.ts";
import { completedLog } from "../../helpers/sample-bodies.ts";

const dir = mkdtempSync(join(tmpdir(), "video-logs-har-interrupted-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LOG_URL = `https://example.signalwire.com/api/video/logs/${completedLog.id}`;
const entries = Array.from({ length: 5 }, () => ({ url: LOG_URL, text: JSON.stringify(completedLog) }));

describe("runHarCheck interrupted", () => {
  it("stops before the next entry once the signal aborts, and says so", async () => {
    const controller = new AbortController();
    const report = await runHarCheck({
      file: writeHar(dir, "five.har", harRecording(entries)),
      signal: controller.signal,
      onResult: (_result, done) => {
        if (done === 2) controller.abort("SIGINT");
      },
    });
    expect(report.interrupted).toEqual({ reason: "SIGINT" });
    expect(report.exchanges.map((exchange) => exchange.name)).toEqual([
      `entry 0: GET /api/video/logs/${completedLog.id}`,
      `entry 1: GET /api/video/logs/${completedLog.id}`,
    ]);
    expect(report.recording).toMatchObject({ entries: 5, judged: 2, skipped: 0 });
    expect(report.notes).toEqual([
      "the check was interrupted (SIGINT): 2 of the 5 entries were read, judged or skipped; the rest were not",
    ]);
    expect(verdictOf(report)).toBe("INCOMPLETE");
  });

  it("reads nothing when the signal has aborted before, and reports no other note", async () => {
    const report = await runHarCheck({
      file: writeHar(dir, "none.har", harRecording(entries)),
      signal: AbortSignal.abort("SIGTERM"),
    });
    expect(report).toMatchObject({ interrupted: { reason: "SIGTERM" }, exchanges: [] });
    expect(report.notes).toEqual([
      "the check was interrupted (SIGTERM): 0 of the 5 entries were read, judged or skipped; the rest were not",
    ]);
  });
});
