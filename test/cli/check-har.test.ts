// `video-logs check --har FILE` on the built CLI: offline, every report format, exit codes, malformed files, and no
// credential from the recording in any output.
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DriftReport } from "../../src/report/report-types.ts";
import { assertBuilt, type CliRunner, runBin, runInProcess } from "../helpers/cli.ts";
import {
  driftedRecording,
  type EntrySpec,
  harRecording,
  RECORDING_AUTHORIZATION,
  RECORDING_SECRETS,
  writeHar,
} from "../helpers/har-recording.ts";
import { completedLog } from "../helpers/sample-bodies.ts";
import { expectSafeJson, expectSafeJunit, expectSafeMarkdown, expectSafeText } from "../hostile/report-assertions.ts";

const dir = mkdtempSync(join(tmpdir(), "video-logs-check-har-"));
beforeAll(() => assertBuilt());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LOG_URL = `https://example.signalwire.com/api/video/logs/${completedLog.id}`;
let files = 0;
const har = (recording: unknown, name = `r${files++}.har`) => writeHar(dir, name, recording);

/**
 * Runs `check --har` writing all four reports; returns them with the exit code and stderr. The built executable by
 * default; `run` may be runInProcess, the runCli it runs, for a test whose built-executable counterpart is another.
 */
async function allFormats(file: string, args: string[] = [], run: CliRunner = runBin) {
  const n = files++;
  const out = (ext: string) => join(dir, `report-${n}.${ext}`);
  const result = await run([
    "check",
    "--har",
    file,
    "--report",
    `json=${out("json")}`,
    "--report",
    `junit=${out("xml")}`,
    "--report",
    `markdown=${out("md")}`,
    "--report",
    `text=${out("txt")}`,
    ...args,
  ]);
  const read = (ext: string) => readFileSync(out(ext), "utf8");
  return { ...result, json: read("json"), junit: read("xml"), markdown: read("md"), text: read("txt") };
}

describe("check --har FILE", () => {
  it("reports the drift of a recording with no network and no credentials, and exits 1", async () => {
    const file = har(driftedRecording());
    const result = await runBin(["check", "--har", file]);
    expect(result.code).toBe(1);
    const summary = `DRIFT: 4 breaking, 1 additive finding; 10 entries, 6 judged: 1 conform, 4 with breaking drift, 1 with additive drift only; 4 not judged (recording ${file})`;
    const lines = result.stdout.trimEnd().split("\n");
    expect([lines[0], lines.at(-1)]).toEqual([summary, summary]);
    // One entry per finding, breaking first; the four charge lines of entry 0 are one additive finding.
    expect(lines.filter((line) => /^(BREAKING|ADDITIVE) /.test(line))).toEqual([
      'BREAKING [response-schema] get_log 200 /locked: missing required property "locked"',
      'BREAKING [response-schema] get_log 200 /status: "archived" is not one of "in-progress" | "completed" | null',
      "BREAKING [response-schema] get_log 200 /url: expected string, got null",
      "BREAKING [response-schema] list_logs 200 /data/*/charge: expected number, got string",
      'ADDITIVE [response-schema] list_logs 200 /data/*/charge_details/*/currency: unexpected property "currency" (not in the spec)',
    ]);
    expect(lines).toContain(
      "  seen in 1 response: request ids req-44-1267 (first: entry 0: GET /api/video/logs?page_size=2&token=[REDACTED])",
    );
    expect(result.stdout).toContain(
      "skipped: entry 7 OPTIONS https://example.signalwire.com/api/video/logs: the spec has GET at this path, not OPTIONS",
    );
    expect(result.stderr).toBe("");
  });

  it("writes every report format, each safe for its reader, the JSON one valid for the report schema", async () => {
    const { code, json, junit, markdown, text } = await allFormats(har(driftedRecording()));
    expect(code).toBe(1);
    const report = expectSafeJson(json);
    expect(report.target).toMatchObject({ kind: "recording" });
    expect(report.recording?.skippedEntries).toHaveLength(4);
    expectSafeText(text, report);
    expectSafeMarkdown(markdown, report);
    expectSafeJunit(junit, report);
    expect(markdown).toContain('| `"USD"` | 1 (request id req\\-44\\-1267) |');
  });

  it("never copies a credential of the recording into a report, from headers, cookies, the URL or an echoing body", async () => {
    const { projectId, apiToken, cookie, urlToken } = RECORDING_SECRETS;
    const basic = RECORDING_AUTHORIZATION.slice("Basic ".length);
    const apiKey = "apikey-77aa88bb99cc00dd";
    const bearer = "bearer-eyJhbGciOiJIUzI1NiJ9.payload.signature";
    const userinfoPassword = "userinfo-pass-4455667788";
    const setCookie = "setcookie-value-1122334455";
    const secrets = [
      apiToken,
      `${projectId}:${apiToken}`,
      basic,
      basic.replace(/=+$/, ""),
      cookie,
      urlToken,
      apiKey,
      bearer,
      userinfoPassword,
      setCookie,
    ];
    const echoed: EntrySpec[] = [
      {
        url: `https://someone:${userinfoPassword}@example.signalwire.com/api/video/logs/${completedLog.id}?api_key=${apiKey}#access_token=${urlToken}`,
        requestHeaders: {
          authorization: RECORDING_AUTHORIZATION,
          cookie: `sw_session=${cookie}; theme=dark`,
          "x-api-key": apiKey,
        },
        responseHeaders: {
          "content-type": "application/json",
          "set-cookie": `sw_new=${setCookie}; Path=/; HttpOnly`,
          "x-request-id": `req-${urlToken}`,
        },
        json: {
          ...completedLog,
          charge: `${projectId}:${apiToken}`,
          status: `Basic ${basic}`,
          url: null,
          room_name: 7,
          [`echo_${cookie}`]: `${apiKey} ${bearer}`,
        },
      },
      {
        url: `https://example.signalwire.com/api/video/logs?page_size=1&token=${urlToken}`,
        requestHeaders: { authorization: `Bearer ${bearer}` },
        responseHeaders: { "content-type": `text/html; x=${encodeURIComponent(setCookie)}` },
        status: 500,
        text: `upstream said: token=${apiToken} key=${apiKey} ${encodeURIComponent(bearer)} ${JSON.stringify(userinfoPassword)}`,
      },
      { method: "GET", url: `https://cdn.example.net/x?signature=${bearer}&session_id=${cookie}`, text: "" },
    ];
    const recording = harRecording(echoed) as { log: { entries: { request: { cookies: unknown[] } }[] } };
    recording.log.entries[0]!.request.cookies = [{ name: "sw_session", value: cookie }];
    const result = await allFormats(har(recording));
    expect(result.code).toBe(1);
    const report = JSON.parse(result.json) as DriftReport;
    expect(report.exchanges.flatMap((c) => c.violations).length).toBeGreaterThan(4);
    for (const output of [result.json, result.junit, result.markdown, result.text, result.stdout, result.stderr]) {
      for (const secret of secrets) expect(output).not.toContain(secret);
      expect(output).not.toContain(encodeURIComponent(bearer));
    }
    expect(result.text).toContain("[REDACTED]");
  });

  it("exits 0 for a recording without breaking drift, and 1 with --strict when it has additive drift", async () => {
    const additive = har(
      harRecording([
        { url: LOG_URL, json: { ...completedLog, region: "us" } },
        { url: LOG_URL, json: completedLog, base64: true },
      ]),
    );
    // Without --strict through src/'s runCli in-process; with --strict, the built executable.
    expect((await runInProcess(["check", "--har", additive, "--quiet"])).code).toBe(0);
    expect((await runBin(["check", "--har", additive, "--strict"])).code).toBe(1);
  });

  it("takes an earlier JSON report as --baseline: its findings are known and the run exits 0", async () => {
    const file = har(driftedRecording());
    const earlier = join(dir, "earlier.json");
    // The earlier report comes from src/'s runCli in-process; the run with --baseline is the executable.
    expect((await runInProcess(["check", "--har", file, "--report", `json=${earlier}`, "--quiet"])).code).toBe(1);
    const again = await runBin(["check", "--har", file, "--baseline", earlier, "--format", "json"]);
    expect(again.code).toBe(0);
    // summary.known counts findings: the drifted recording's five.
    const known = JSON.parse(again.stdout) as DriftReport;
    expect(known.summary).toMatchObject({ breaking: 0, additive: 0, known: 5 });
    expect(known.findings.map((f) => f.known)).toEqual(Array(5).fill(true));
  });

  it("matches paths behind a proxy with --har-prefix", async () => {
    const file = har(driftedRecording({ origin: "http://localhost:9000", prefix: "/sw" }));
    const result = await runBin(["check", "--har", file, "--har-prefix", "/sw/", "--format", "json"]);
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as DriftReport).recording?.judged).toBe(6);
  });

  it("exits 2 when no entry is an operation of the spec, after writing the report", async () => {
    const file = har(driftedRecording({ prefix: "/sw" }));
    const result = await runBin(["check", "--har", file]);
    expect(result.code).toBe(2);
    expect(result.stdout.split("\n")[0]).toBe(
      `INCOMPLETE: 0 breaking, 0 additive findings; 10 entries, 0 judged: 0 conform; 10 not judged (recording ${file})`,
    );
    expect(result.stderr).toBe(
      "No entry of the recording is an operation of the spec (10 entries, none judged); the check is incomplete.\n",
    );
  });

  it("escapes the file name in every report", async () => {
    const name = "rec\u001b[2J`|<b>*x*<b>&\u202e\n.har";
    // The name reaches the built executable through a real argv, control characters and all.
    const recording = har(
      harRecording([{ url: LOG_URL, json: { ...completedLog, status: "\u001b[31mred\u202e" } }]),
      name,
    );
    const { code, json, junit, markdown, text } = await allFormats(recording, []);
    expect(code).toBe(1);
    const report = expectSafeJson(json);
    expect(report.target).toEqual({ kind: "recording", file: join(dir, name) });
    expectSafeText(text, report);
    // The name is in the summary line of text and Markdown, escaped; JUnit names no file.
    expect(text.split("\n")[0]).toBe(
      `DRIFT: 1 breaking, 0 additive findings; 1 entry, 1 judged: 0 conform, 1 with breaking drift; 0 not judged (recording ${join(dir, "rec\\u001b[2J`|<b>*x*<b>&\\u202e\\n.har")})`,
    );
    expectSafeMarkdown(markdown, report);
    expectSafeJunit(junit, report);
  });
});

describe("check --har with a file that is not a HAR recording", () => {
  it("exits 2 naming the line and column of a JSON syntax error, and quotes nothing of the file", async () => {
    const file = har(`{\n  "log": {\n    "version": "1.2",\n    "token": ${RECORDING_SECRETS.apiToken}\n  }\n}`);
    const result = await runBin(["check", "--har", file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `video-logs: The recording ${file} is not JSON: unexpected character at line 4, column 14\n`,
    );
    expect(result.stdout).toBe("");
  });

  it("exits 2 naming the JSON pointer the HAR schema refuses and what it expected", async () => {
    const recording = harRecording([
      { url: LOG_URL, json: completedLog },
      { url: LOG_URL, json: completedLog },
    ]) as { log: { entries: { response: Record<string, unknown> }[] } };
    recording.log.entries[1]!.response.status = "200";
    const file = har(recording);
    // In-process, as runCli: the built executable's exit 2 on a recording it refuses, with stderr's exact bytes, is the
    // test above (and the 256 MiB one below).
    const result = await runInProcess(["check", "--har", file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `video-logs: The recording ${file} is not a HAR 1.2 log: at /log/entries/1/response/status, must be integer\n`,
    );
  });

  it("exits 2 for a file past 256 MiB without reading it, and for a file that does not exist", async () => {
    const file = join(dir, "huge.har");
    writeFileSync(file, "");
    truncateSync(file, 256 * 1024 * 1024 + 1);
    const huge = await runBin(["check", "--har", file]);
    expect(huge.code).toBe(2);
    expect(huge.stderr).toBe(
      `video-logs: The recording ${file} is 256 MiB, more than the 256 MiB a recording may have\n`,
    );
    rmSync(file);
    // The missing file through src/'s runCli in-process.
    const missing = await runInProcess(["check", "--har", join(dir, "nothing.har")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Cannot read the recording");
  });
});

describe("check --har usage", () => {
  it("refuses the flags that steer requests, naming each one given", async () => {
    const result = await runBin([
      "check",
      "--har",
      "x.har",
      "--base-url",
      "http://127.0.0.1:1",
      "--pages",
      "2",
      "--no-auth-probe",
      "--timeout",
      "5",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "video-logs: --har judges a recording offline, so --base-url, --pages, --no-auth-probe, --timeout cannot go with it: no request is sent\nRun `video-logs check --help` for usage.\n",
    );
  });

  it("refuses --har-prefix without --har, and a prefix that is not a path", async () => {
    expect((await runBin(["check", "--har-prefix", "/sw"])).stderr).toContain(
      "--har-prefix strips a proxy's path prefix from a recording's paths: it needs --har FILE",
    );
    // The built executable refuses the prefix without --har (above); the bad prefixes run runCli in-process, as
    // bin/video-logs.js does.
    for (const prefix of ["sw", "/sw?x=1", "/", "/a//b"]) {
      const result = await runInProcess(["check", "--har", "x.har", "--har-prefix", prefix]);
      expect(result.code, prefix).toBe(2);
      expect(result.stderr, prefix).toContain("--har-prefix must be a path such as /proxy/signalwire");
    }
  });

  it("refuses a --har-prefix with a . or .. segment, which no recorded URL path can start with once normalised", async () => {
    // The built executable refuses the first; the others reach its runCli in-process.
    for (const [index, prefix] of ["/proxy/../sw", "/./sw", "/sw/..", "/sw/%2E%2e/x"].entries()) {
      const result = await (index === 0 ? runBin : runInProcess)(["check", "--har", "x.har", "--har-prefix", prefix]);
      expect(result.code, prefix).toBe(2);
      expect(result.stderr, prefix).toContain("--har-prefix cannot hold a . or .. segment");
    }
  });

  it("documents --har and --har-prefix in the help", async () => {
    // In-process: test/cli/check-command.test.ts runs the built executable's check --help.
    const { stdout } = await runInProcess(["check", "--help"]);
    expect(stdout).toContain("--har FILE");
    expect(stdout).toContain("--har-prefix PATH");
  });
});
