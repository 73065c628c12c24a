// A recording that hides its credentials behind a second `"headers"` key (JSON.parse keeps the last, empty one), while
// the server's body echoes the token: the built CLI refuses it (exit 2), names the pointer of the second key, judges
// nothing and writes no report or proposal, so the token reaches no output.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, runBin } from "../helpers/cli.ts";
import { harRecording } from "../helpers/har-recording.ts";
import { completedLog } from "../helpers/sample-bodies.ts";

const TOKEN = "hidden-bearer-token-4c5d6e7f";
const dir = mkdtempSync(join(tmpdir(), "video-logs-hidden-credentials-"));
beforeAll(() => assertBuilt());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const recording = () =>
  JSON.stringify(
    harRecording([
      {
        url: `https://example.signalwire.com/api/video/logs/${completedLog.id}`,
        requestHeaders: { authorization: `Bearer ${TOKEN}` },
        json: { ...completedLog, echo: `you sent ${TOKEN}` },
      },
    ]),
    null,
    2,
  );

/** The request's headers written twice: the real ones, then an empty list that JSON.parse keeps. */
const hidden = (text: string) => text.replace(/("headers": \[[^\]]*\])/, '$1,\n      "headers": []');

describe("check --har on a recording with a key twice in one object", () => {
  it.each([
    ["as a recorder writes it", ""],
    ["after a byte order mark", "\uFEFF"],
  ])("refuses it %s, naming /log/entries/0/request/headers, and judges nothing", async (_how, bom) => {
    const har = join(dir, `hidden-${bom.length}.har`);
    const text = hidden(recording());
    expect(text.match(/"headers"/g)).toHaveLength(3);
    writeFileSync(har, bom + text);
    const report = join(dir, `report-${bom.length}.json`);
    const proposal = join(dir, `proposal-${bom.length}.yaml`);
    const run = await runBin(["check", "--har", har, "--report", `json=${report}`, "--propose", proposal]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `video-logs: The recording ${har} has a key twice in one object, at /log/entries/0/request/headers: JSON.parse would keep only the last, hiding what the first holds (a header with credentials, say), so nothing is judged\n`,
    );
    expect(run.stdout).toBe("");
    expect(existsSync(report)).toBe(false);
    expect(existsSync(proposal)).toBe(false);
  });

  it("judges the same recording without the second key, redacting the echoed token", async () => {
    const har = join(dir, "plain.har");
    writeFileSync(har, recording());
    const report = join(dir, "plain.json");
    const run = await runBin(["check", "--har", har, "--report", `json=${report}`, "--quiet"]);
    expect(run.code).toBe(0);
    const json = readFileSync(report, "utf8");
    expect(json).not.toContain(TOKEN);
    expect(JSON.parse(json)).toMatchObject({ recording: { entries: 1, judged: 1 } });
  });
});
