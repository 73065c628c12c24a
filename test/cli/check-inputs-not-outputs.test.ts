// `video-logs check` never writes a report or a proposal over the file it reads, nor two outputs into one file, by any
// name of it (a symlink, a hard link, a linked folder): the recording and the baseline stay, and nothing is sent.
import {
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, runBin } from "../helpers/cli.ts";
import { harRecording, writeHar } from "../helpers/har-recording.ts";
import { type LocalServer, sendJson, startLocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, completedLog, PROJECT_ID } from "../helpers/sample-bodies.ts";

const root = mkdtempSync(join(tmpdir(), "video-logs-inputs-"));
const env = { SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: API_TOKEN };
let server: LocalServer | undefined;
beforeAll(() => assertBuilt());
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

let count = 0;
/** A fresh folder for one test. */
function folder(): string {
  const dir = join(root, String(++count));
  mkdirSync(dir);
  return dir;
}

const recording = harRecording([
  { url: `https://example.signalwire.com/api/video/logs/${completedLog.id}`, json: completedLog },
]);

/** A file's bytes and modification time, to show that a refused run left it as it was. */
const snapshot = (file: string) => ({ bytes: readFileSync(file), mtimeMs: statSync(file).mtimeMs });

/** The whole stderr of a refused `check`: the message and the pointer to its help. */
const refused = (message: string) => `video-logs: ${message}\nRun \`video-logs check --help\` for usage.\n`;

/** `check` against a local server that records every request (none is expected). */
async function checkAgainstServer(...args: string[]) {
  server = await startLocalServer((_req, res) => sendJson(res, 500, {}));
  return runBin(["check", "--base-url", server.url, ...args], env);
}

describe("check with an output file that is an input file", () => {
  it.each([
    ["--propose", (file: string) => ["--propose", file]],
    ["--out", (file: string) => ["--format", "json", "--out", file]],
    ["--report markdown", (file: string) => ["--report", `markdown=${file}`]],
  ])("refuses %s naming the recording, exits 2 and leaves the recording as it was", async (flag, flags) => {
    const file = writeHar(folder(), "r.har", recording);
    const before = snapshot(file);
    const result = await runBin(["check", "--har", file, ...flags(file)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      refused(`${flag} would overwrite the file --har reads, ${JSON.stringify(file)}: write to another file`),
    );
    expect(snapshot(file)).toEqual(before);
  });

  it("refuses --propose naming the recording through a hard link, naming both names", async () => {
    const dir = folder();
    const file = writeHar(dir, "r.har", recording);
    const link = join(dir, "proposal.yaml");
    linkSync(file, link);
    const before = snapshot(file);
    const result = await runBin(["check", "--har", file, "--propose", link]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      refused(
        `--propose would overwrite the file --har reads, ${JSON.stringify(file)} and ${JSON.stringify(link)}: write to another file`,
      ),
    );
    expect(snapshot(file)).toEqual(before);
  });

  it("refuses a report written over the baseline it reads, through a symlink, and sends nothing", async () => {
    const dir = folder();
    const baseline = writeHar(dir, "baseline.json", { ignore: [] });
    const link = join(dir, "report.json");
    symlinkSync(baseline, link);
    const before = snapshot(baseline);
    const result = await checkAgainstServer("--baseline", baseline, "--format", "json", "--out", link);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      refused(
        `--out would overwrite the file --baseline reads, ${JSON.stringify(baseline)} and ${JSON.stringify(link)}: write to another file`,
      ),
    );
    expect(server!.requests).toEqual([]);
    expect(snapshot(baseline)).toEqual(before);
  });
});

describe("check with two outputs that are one file", () => {
  it("refuses two reports into one file through a symlink not written yet, sends nothing and creates nothing", async () => {
    const dir = folder();
    const [file, link] = [join(dir, "drift.json"), join(dir, "drift.txt")];
    symlinkSync("drift.json", link);
    const result = await checkAgainstServer("--report", `json=${file}`, "--report", `text=${link}`);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      refused(
        `--report json and --report text name the same file, ${JSON.stringify(file)} and ${JSON.stringify(link)}: give each its own`,
      ),
    );
    expect(server!.requests).toEqual([]);
    expect(existsSync(file)).toBe(false);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it("refuses two reports into one existing file through a symlink and leaves it as it was", async () => {
    const dir = folder();
    const [file, link] = [join(dir, "drift.json"), join(dir, "drift.md")];
    writeFileSync(file, "an earlier report\n");
    symlinkSync(file, link);
    const before = snapshot(file);
    const result = await checkAgainstServer("--report", `json=${file}`, "--report", `markdown=${link}`);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      refused(
        `--report json and --report markdown name the same file, ${JSON.stringify(file)} and ${JSON.stringify(link)}: give each its own`,
      ),
    );
    expect(server!.requests).toEqual([]);
    expect(snapshot(file)).toEqual(before);
  });

  it("refuses --out and --propose into one file through a hard link and leaves it as it was", async () => {
    const dir = folder();
    const [file, link] = [join(dir, "drift.json"), join(dir, "proposal.yaml")];
    writeFileSync(file, "an earlier report\n");
    linkSync(file, link);
    const before = snapshot(file);
    const result = await checkAgainstServer("--format", "json", "--out", file, "--propose", link);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      refused(
        `--out and --propose name the same file, ${JSON.stringify(file)} and ${JSON.stringify(link)}: give each its own`,
      ),
    );
    expect(server!.requests).toEqual([]);
    expect(snapshot(file)).toEqual(before);
  });

  it("refuses two reports into one file named through a linked folder", async () => {
    const dir = folder();
    mkdirSync(join(dir, "reports"));
    symlinkSync("reports", join(dir, "alias"));
    const [file, aliased] = [join(dir, "reports", "drift.xml"), join(dir, "alias", "drift.xml")];
    const result = await checkAgainstServer("--report", `junit=${file}`, "--report", `markdown=${aliased}`);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      refused(
        `--report junit and --report markdown name the same file, ${JSON.stringify(file)} and ${JSON.stringify(aliased)}: give each its own`,
      ),
    );
    expect(server!.requests).toEqual([]);
    expect(existsSync(file)).toBe(false);
  });

  it("still writes a report to stdout for `-` beside one in a file", async () => {
    const dir = folder();
    const har = writeHar(dir, "r.har", recording);
    const file = join(dir, "drift.md");
    const result = await runBin(["check", "--har", har, "--report", "json=-", "--report", `markdown=${file}`]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ summary: { errors: 0 } });
    expect(readFileSync(file, "utf8")).toContain("# ");
  });
});
