// How each human-readable format shows a recording: its summary, and the entries not judged, listed up to a bound.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runHarCheck } from "../../src/check/har/run-har-check.ts";
import { formatReport } from "../../src/report/format-report.ts";
import { MAX_LISTED_SKIPPED_ENTRIES } from "../../src/report/report-types.ts";
import { LISTED_SKIPPED_ENTRIES } from "../../src/report/skipped-entries.ts";
import { harRecording, writeHar } from "../helpers/har-recording.ts";
import { completedLog } from "../helpers/sample-bodies.ts";
import { expectSafeJunit, expectSafeMarkdown, expectSafeText } from "../hostile/report-assertions.ts";

const dir = mkdtempSync(join(tmpdir(), "video-logs-recording-report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const assets = Array.from({ length: 25 }, (_, i) => ({ url: `https://cdn.example.net/asset-${i}.js`, text: "" }));

describe("a recording's report", () => {
  it("lists the first skipped entries one by one and says how many more the JSON report lists", async () => {
    const file = writeHar(
      dir,
      "many.har",
      harRecording([
        { url: `https://h.example/api/video/logs/${completedLog.id}`, json: { ...completedLog, region: "us" } },
        ...assets,
      ]),
    );
    const report = await runHarCheck({ file });
    const text = formatReport(report, "text");
    const summary = `OK (additive drift): 0 breaking, 1 additive finding; 26 entries, 1 judged: 0 conform, 1 with additive drift only; 25 not judged (recording ${file})`;
    expect(text.split("\n")[0]).toBe(summary);
    // The finding, then the coverage of what the recording did not show, then the summary again.
    const lines = text.trimEnd().split("\n");
    const coverageAt = lines.findIndex((line) => line.startsWith("coverage "));
    expect(lines.slice(coverageAt - 6, coverageAt + 1)).toEqual([
      'ADDITIVE [response-schema] get_log 200 /region: unexpected property "region" (not in the spec)',
      '  expected (absent), actual "us"',
      `  seen in 1 response (first: entry 0: GET /api/video/logs/${completedLog.id})`,
      `  repro: curl -sS -H 'Accept: application/json' 'https://h.example/api/video/logs/${completedLog.id}'`,
      `  fingerprint: ${report.findings[0]!.fingerprint}`,
      "",
      `coverage ${report.coverage.percent}%: ${report.coverage.seen} of ${report.coverage.declared} declared items seen; not seen:`,
    ]);
    expect(lines.slice(-2)).toEqual(["", summary]);
    expect(text.match(/^skipped: entry \d+ GET /gm)).toHaveLength(LISTED_SKIPPED_ENTRIES);
    expect(text).toContain("skipped: 5 more entries not judged (the JSON report lists each)");
    const markdown = formatReport(report, "markdown");
    expect(markdown).toContain("- skipped 5 more entries not judged \\(the JSON report lists each\\)");
    expect(markdown).toContain("✅");
    expectSafeText(text, report);
    expectSafeMarkdown(markdown, report);
    expectSafeJunit(formatReport(report, "junit"), report);
    // The recording exercised get_log only: list_logs's testcases are skipped, and no name holds the file or a time.
    expect(report.plan.filter((planned) => !planned.exercised).map((planned) => planned.operation)).toEqual(
      Array(4).fill("list_logs"),
    );
    const junit = formatReport(report, "junit");
    expect(junit).toContain('<testsuite name="video-logs check" tests="8" failures="0" errors="0" skipped="4"');
    expect(junit).not.toContain(`name="recording`);
  });

  it("counts every entry not judged but lists only the first thousand, so a huge recording gives a bounded report", async () => {
    const many = Array.from({ length: MAX_LISTED_SKIPPED_ENTRIES + 200 }, (_, i) => ({
      url: `https://cdn.example.net/asset-${i}.js`,
      text: "",
    }));
    const file = writeHar(
      dir,
      "huge.har",
      harRecording([{ url: `https://h.example/api/video/logs/${completedLog.id}`, json: completedLog }, ...many]),
    );
    const report = await runHarCheck({ file });
    expect(report.recording).toMatchObject({
      entries: MAX_LISTED_SKIPPED_ENTRIES + 201,
      judged: 1,
      skipped: MAX_LISTED_SKIPPED_ENTRIES + 200,
      skippedMatched: 0,
    });
    expect(report.recording?.skippedEntries).toHaveLength(MAX_LISTED_SKIPPED_ENTRIES);
    expect(report.recording?.skippedEntries.at(-1)?.entry).toBe(MAX_LISTED_SKIPPED_ENTRIES);
    const text = formatReport(report, "text");
    expect(text.split("\n")[0]).toContain(`${MAX_LISTED_SKIPPED_ENTRIES + 200} not judged`);
    expect(text).toContain(
      `skipped: ${MAX_LISTED_SKIPPED_ENTRIES + 200 - LISTED_SKIPPED_ENTRIES} more entries not judged (the JSON report lists the first ${MAX_LISTED_SKIPPED_ENTRIES})`,
    );
  });

  it("escapes what the recording says in every format: methods, request ids, bodies", async () => {
    const hostile = "\u001b]0;title\u0007\u202e<img src=x>|`**\n";
    const file = writeHar(
      dir,
      "hostile.har",
      harRecording([
        {
          url: `https://h.example/api/video/logs/${completedLog.id}`,
          json: { ...completedLog, status: hostile },
          responseHeaders: { "x-request-id": "req\u009b2J<b>|`**\u0085" },
        },
        { method: `GE${hostile}T`, url: "https://h.example/api/video/logs", json: {} },
      ]),
    );
    const report = await runHarCheck({ file });
    expect(report.recording?.skippedEntries).toHaveLength(1);
    expect(report.exchanges[0]!.requestId).toBe("req\u009b2J<b>|`**\u0085");
    expectSafeText(formatReport(report, "text"), report);
    expectSafeMarkdown(formatReport(report, "markdown"), report);
    expectSafeJunit(formatReport(report, "junit"), report);
  });

  it("calls a recording with nothing judged incomplete, not OK", async () => {
    const file = writeHar(dir, "none.har", harRecording(assets.slice(0, 2)));
    const report = await runHarCheck({ file });
    expect(formatReport(report, "text").split("\n")[0]).toBe(
      `INCOMPLETE: 0 breaking, 0 additive findings; 2 entries, 0 judged: 0 conform; 2 not judged (recording ${file})`,
    );
    // Nothing exercised any planned check: every JUnit testcase is skipped.
    expect(report.plan.every((planned) => !planned.exercised)).toBe(true);
    expect(formatReport(report, "junit")).toContain(
      '<testsuite name="video-logs check" tests="8" failures="0" errors="0" skipped="8"',
    );
    expect(formatReport(report, "markdown")).toContain("### ⚠️ Video Logs API drift check");
  });
});
