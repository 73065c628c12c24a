// `video-logs check` never writes a report or a proposal over the file it reads: the recording and the baseline stay.
import { linkSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, runBin } from "../helpers/cli.ts";
import { harRecording, writeHar } from "../helpers/har-recording.ts";
import { completedLog } from "../helpers/sample-bodies.ts";

const dir = mkdtempSync(join(tmpdir(), "video-logs-inputs-"));
beforeAll(() => assertBuilt());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const recording = harRecording([
  { url: `https://example.signalwire.com/api/video/logs/${completedLog.id}`, json: completedLog },
]);

describe("check with an output file that is an input file", () => {
  it.each([
    ["--propose", (file: string) => ["--propose", file]],
    ["--out", (file: string) => ["--format", "json", "--out", file]],
    ["--report", (file: string) => ["--report", `markdown=${file}`]],
    [
      "--propose through a hard link",
      (file: string) => {
        linkSync(file, `${file}.link`);
        return ["--propose", `${file}.link`];
      },
    ],
  ])("refuses %s naming the recording, exits 2 and leaves the recording as it was", async (label, flags) => {
    const file = writeHar(dir, `${label.replace(/\W+/g, "-")}.har`, recording);
    const before = readFileSync(file, "utf8");
    const result = await runBin(["check", "--har", file, ...flags(file)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("would overwrite the file --har reads");
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("refuses a report written over the baseline it reads", async () => {
    const har = writeHar(dir, "b.har", recording);
    const baseline = writeHar(dir, "baseline.json", { ignore: [] });
    const result = await runBin(["check", "--har", har, "--baseline", baseline, "--format", "json", "--out", baseline]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("would overwrite the file --baseline reads");
    expect(JSON.parse(readFileSync(baseline, "utf8"))).toEqual({ ignore: [] });
  });
});
