// A recording far larger than the heap it is judged in: `check --har` reads it as a stream, so a 64 MB heap judges
// some 70 MB of NDJSON and HAR (the whole-file reader needed several times the file). Heavy: it writes the files.

import { once } from "node:events";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, BIN, runNode } from "../../helpers/cli.ts";
import { harEntry } from "../../helpers/har-recording.ts";
import { completedLog } from "../../helpers/sample-bodies.ts";

const dir = mkdtempSync(join(tmpdir(), "video-logs-large-recording-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => assertBuilt());

const ENTRIES = 60_000;

/** Writes ENTRIES get_log entries (every 100th without `locked`: breaking), one HAR or NDJSON, to a file. */
async function writeRecording(name: string, format: "har" | "ndjson"): Promise<string> {
  const path = join(dir, name);
  const out = createWriteStream(path);
  const { locked: _locked, ...drifted } = completedLog;
  if (format === "har") out.write('{"log":{"version":"1.2","creator":{"name":"t","version":"1"},"entries":[\n');
  for (let i = 0; i < ENTRIES; i++) {
    const json = {
      ...(i % 100 === 0 ? drifted : completedLog),
      id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    };
    const line = JSON.stringify(harEntry({ url: `https://example.signalwire.com/api/video/logs/${json.id}`, json }));
    const text = format === "har" ? `${i > 0 ? ",\n" : ""}${line}` : `${line}\n`;
    if (!out.write(text)) await once(out, "drain");
  }
  out.end(format === "har" ? "\n]}}\n" : "");
  await once(out, "finish");
  return path;
}

describe.each(["ndjson", "har"] as const)("check --har of a large %s recording", (format) => {
  it("judges every entry in a 64 MB heap", { timeout: 300_000 }, async () => {
    const path = await writeRecording(`large.${format}`, format);
    expect(statSync(path).size).toBeGreaterThan(ENTRIES * 1100);
    const result = await runNode(["--max-old-space-size=64", BIN, "check", "--har", path, "--format", "json"], {
      timeoutMs: 280_000,
    });
    expect(result.stderr).toMatch(/^DRIFT: 1 breaking, 0 additive findings; 60000 entries, 60000 judged/);
    const report = JSON.parse(result.stdout);
    expect(result.code).toBe(1);
    expect(report.recording).toMatchObject({ entries: ENTRIES, judged: ENTRIES, skipped: 0 });
    expect(report.summary).toMatchObject({ checked: ENTRIES, passed: ENTRIES - ENTRIES / 100, breaking: 1 });
    expect(report.findings.map((f: { pointer: string; count: number }) => [f.pointer, f.count])).toEqual([
      ["/locked", ENTRIES / 100],
    ]);
  });
});
