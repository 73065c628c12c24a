// `check --history FILE` and `video-logs history FILE` on the built CLI, against a stand-in Space whose drift changes
// from run to run at one address (X: charges sent as strings; Y: urls sent as null), so each state comes and goes.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import * as addFormatsModule from "ajv-formats";
import MarkdownIt from "markdown-it";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { HistoryDocument } from "../../src/history/history-types.ts";
import type { DriftReport } from "../../src/report/report-types.ts";
import { runBin } from "../helpers/cli.ts";
import { harRecording, writeHar } from "../helpers/har-recording.ts";
import { completedLog } from "../helpers/sample-bodies.ts";
import type { Fault } from "../helpers/stand-in-space.ts";
import { type SwitchingSpace, startSwitchingSpace } from "../helpers/switching-space.ts";
import { cliSuite } from "./cli-suite.ts";

const addFormats = addFormatsModule.default.default;
const { dir, env } = cliSuite("history");

const X: Fault[] = ["charge-as-string"];
const Y: Fault[] = ["null-url"];
/** A short tour: one check, one page per listing, one id fetched. */
const TOUR = ["--checks", "response-schema", "--pages", "1", "--sample", "1"];
const SEQUENCE: Fault[][] = [X, [...X, ...Y], Y, [...X, ...Y], Y, [...X, ...Y], []];

const schema = (name: string) => JSON.parse(readFileSync(join("schemas", name), "utf8"));
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validateHistory = ajv.compile(schema("history.schema.json"));
const validateReport = ajv.compile(schema("drift-report.schema.json"));

const readJson = <T>(file: string) => JSON.parse(readFileSync(file, "utf8")) as T;
const name = (finding: { operation: string; pointer: string }) => `${finding.operation} ${finding.pointer}`;

let space: SwitchingSpace;
beforeAll(async () => {
  space = await startSwitchingSpace();
});
afterAll(() => space.close());

function check(args: string[]) {
  return runBin(["check", "--base-url", space.url, ...TOUR, ...args], env);
}

describe("check --history FILE over the runs X; X and Y; Y; X and Y; Y; X and Y; none", () => {
  const file = join(dir, "sequence.json");
  const runs: { code: number | null; report: DriftReport; stderr: string }[] = [];

  beforeAll(async () => {
    for (const faults of SEQUENCE) {
      await space.use(faults);
      const { code, stdout, stderr } = await check(["--history", file, "--fail-on", "new", "--format", "json"]);
      runs.push({ code, report: JSON.parse(stdout) as DriftReport, stderr });
    }
  }, 180_000);

  it("tells each finding new, recurring, regressed or flapping, lists the resolved, and fails only on new or regressed drift", () => {
    const told = runs.map(({ code, report }) => ({
      code,
      states: Object.fromEntries(report.findings.map((finding) => [name(finding), finding.history?.state])),
      resolved: report.history?.resolved.map(name),
    }));
    const charge = "list_logs /data/*/charge";
    const url = "list_logs /data/*/url";
    const getUrl = "get_log /url";
    expect(told).toEqual([
      { code: 1, states: { [charge]: "new" }, resolved: [] },
      { code: 1, states: { [getUrl]: "new", [charge]: "recurring", [url]: "new" }, resolved: [] },
      { code: 0, states: { [getUrl]: "recurring", [url]: "recurring" }, resolved: [charge] },
      { code: 1, states: { [getUrl]: "recurring", [charge]: "regressed", [url]: "recurring" }, resolved: [] },
      { code: 0, states: { [getUrl]: "recurring", [url]: "recurring" }, resolved: [charge] },
      { code: 0, states: { [getUrl]: "recurring", [charge]: "flapping", [url]: "recurring" }, resolved: [] },
      { code: 0, states: {}, resolved: [getUrl, charge, url] },
    ]);
  });

  it("gives each finding its first-seen time and its runs seen of the runs kept, and says so in the summary line", () => {
    const [first, second, , fourth] = runs;
    const charge = fourth!.report.findings.find((finding) => finding.pointer === "/data/*/charge")!;
    expect(charge.history).toEqual({
      state: "regressed",
      firstSeen: first!.report.startedAt,
      runsSeen: 3,
      runsKept: 4,
    });
    expect(second!.stderr).toMatch(
      /^DRIFT: 3 breaking, 0 additive findings \(2 new, 1 recurring; only new and regressed fail\);/,
    );
    expect(runs[2]!.stderr).toMatch(
      /^OK: 2 breaking, 0 additive findings \(2 recurring; 1 resolved; only new and regressed fail\);/,
    );
  });

  it("writes reports that validate against the report schema (version 8), and a history that validates against its own", () => {
    for (const { report } of runs) expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(runs[0]!.report.version).toBe(8);
    const history = readJson<HistoryDocument>(file);
    expect(validateHistory(history), JSON.stringify(validateHistory.errors)).toBe(true);
    const target = { baseUrl: space.url, kind: "base-url" };
    expect(history.runs.map((run) => [run.startedAt, run.verdict, run.complete, run.target])).toEqual(
      runs.map(({ report }, i) => [report.startedAt, [0, 1, 3].includes(i) ? "DRIFT" : "OK", true, target]),
    );
    expect(history.runs[0]!.plan).toEqual({ "response-schema": ["get_log", "list_logs"] });
    expect(history.runs[0]!.specHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(Object.keys(history.findings)).toHaveLength(3);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  describe("video-logs history FILE", () => {
    const rows = [
      ["resolved", "get_log", "/url (type)", "5/7", "·█████·"],
      ["resolved", "list_logs", "/data/*/charge (type)", "4/7", "██·█·█·"],
      ["resolved", "list_logs", "/data/*/url (type)", "5/7", "·█████·"],
    ];

    it("prints a row per finding ever seen, with its state, runs seen and a strip of the runs, as text", async () => {
      const { code, stdout } = await runBin(["history", file], env);
      expect(code).toBe(0);
      const lines = stdout.split("\n");
      expect(lines[0]).toMatch(
        /^7 runs kept, .* UTC; the last: OK, base-url http:\/\/127\.0\.0\.1:\d+\. 3 findings ever seen\.$/,
      );
      const table = lines.slice(3, 6).map((line) => line.split(/ {2,}/));
      expect(table.map((cells) => [cells[0], cells[3], cells[5], cells[8], cells[9]])).toEqual(rows);
      expect(stdout).toContain("█ present, · absent, ░ not observed");
    });

    it("prints a Markdown table that markdown-it renders, for a job summary", async () => {
      const { code, stdout } = await runBin(["history", file, "--format", "markdown"], env);
      expect(code).toBe(0);
      const html = new MarkdownIt().render(stdout);
      const cells = [...html.matchAll(/<tr>\n([\s\S]*?)<\/tr>/g)].map((match) =>
        [...match[1]!.matchAll(/<t[hd]>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cell[1]!),
      );
      expect(cells[0]).toEqual([
        "state",
        "severity",
        "check",
        "operation",
        "status",
        "pointer",
        "first seen",
        "last seen",
        "runs seen",
        "last 30 runs",
      ]);
      expect(cells.slice(1).map((row) => [row[0], row[8], row[9]])).toEqual([
        ["resolved", "5 of 7", "<code>·█████·</code>"],
        ["resolved", "4 of 7", "<code>██·█·█·</code>"],
        ["resolved", "5 of 7", "<code>·█████·</code>"],
      ]);
    });

    it("prints JSON with each row's fingerprint, fields, times, counts and strip", async () => {
      const { code, stdout } = await runBin(["history", file, "--format", "json"], env);
      expect(code).toBe(0);
      const view = JSON.parse(stdout);
      const history = readJson<HistoryDocument>(file);
      expect(view.runsKept).toBe(7);
      expect(view.marks).toEqual({ present: "█", absent: "·", unobserved: "░" });
      expect(view.findings.map((row: Record<string, unknown>) => row.strip)).toEqual(["·█████·", "██·█·█·", "·█████·"]);
      for (const row of view.findings) expect(row).toMatchObject(history.findings[row.fingerprint]!);
    });
  });
});

describe("--fail-on", () => {
  it("breaking (the default) fails a run on breaking drift that is not new", async () => {
    const file = join(dir, "fail-on-breaking.json");
    await space.use(Y);
    const codes = [(await check(["--history", file])).code, (await check(["--history", file])).code];
    expect(codes).toEqual([1, 1]);
    expect(readJson<HistoryDocument>(file).runs).toHaveLength(2);
  }, 60_000);

  it("new without --history is a usage error, before any request", async () => {
    const before = space.requests.length;
    const { code, stderr } = await check(["--fail-on", "new"]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      "--fail-on new fails only on findings new since the earlier runs: it needs --history FILE",
    );
    expect(space.requests.length).toBe(before);
  });
});

describe("the history file among the other files", () => {
  it("is never written over by a report: --report F=FILE naming it is a usage error, before any request", async () => {
    const file = join(dir, "kept.json");
    const requests = space.requests.length;
    const { code, stderr } = await check(["--history", file, "--report", `json=${file}`]);
    expect(code).toBe(2);
    expect(stderr).toContain(`--report json would overwrite the history --history keeps, ${JSON.stringify(file)}`);
    expect(space.requests.length).toBe(requests);
    expect(existsSync(file)).toBe(false);
  });
});

describe("a history file that is not one", () => {
  const report = JSON.stringify({ version: 7, tool: { name: "signalwire-video-logs" }, findings: [] });
  it.each([
    [
      "text that is not JSON",
      '{"format": "signalwire-video-logs/history", "runs": [',
      /is not JSON at line 1, column 54/,
    ],
    ["a drift report", report, /is not a video-logs history/],
    ["a history of a later version", '{"format": "signalwire-video-logs/history", "version": 2}', /is of version 2/],
  ])(
    "is refused before any request: %s exits 2, and is left byte for byte as it was",
    async (_what, content, message) => {
      const file = join(dir, `not-a-history-${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(file, content);
      const before = readFileSync(file);
      const requests = space.requests.length;
      const checked = await check(["--history", file]);
      expect(checked.code).toBe(2);
      expect(checked.stderr).toMatch(message);
      expect(checked.stderr).toContain("The file is left as it is.");
      expect(space.requests.length).toBe(requests);
      const shown = await runBin(["history", file], env);
      expect(shown.code).toBe(2);
      expect(shown.stderr).toMatch(message);
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(existsSync(`${file}.lock`)).toBe(false);
    },
  );

  it("history FILE says when there is no history at FILE", async () => {
    const { code, stderr } = await runBin(["history", join(dir, "none.json")], env);
    expect(code).toBe(2);
    expect(stderr).toMatch(/No history at .*none\.json: `video-logs check --history .*none\.json` starts one/);
  });
});

describe("the history's lock", () => {
  it("lets two runs at once both land in the history: both wait for a lock held, then take turns", async () => {
    const file = join(dir, "concurrent.json");
    await space.use(X);
    // Held by this (live) process, fresh: both runs finish their tours and wait for it.
    writeFileSync(
      `${file}.lock`,
      JSON.stringify({ pid: process.pid, host: hostname(), time: Date.now(), token: "test" }),
    );
    const before = space.requests.length;
    const both = Promise.all([check(["--history", file]), check(["--history", file])]);
    // Each tour sends 5 requests; once all 10 are in, both runs are at the lock or on their way to it.
    await vi.waitFor(() => expect(space.requests.length).toBeGreaterThanOrEqual(before + 10), {
      timeout: 30_000,
      interval: 20,
    });
    rmSync(`${file}.lock`);
    const results = await both;
    expect(results.map((result) => result.code)).toEqual([1, 1]);
    const history = readJson<HistoryDocument>(file);
    expect(history.runs).toHaveLength(2);
    expect(validateHistory(history)).toBe(true);
    expect(existsSync(`${file}.lock`)).toBe(false);
  }, 60_000);

  it.each([
    ["whose process is gone", () => ({ pid: spawnSync(process.execPath, ["-e", ""]).pid, time: Date.now() })],
    ["older than 60 s, though its process runs", () => ({ pid: process.pid, time: Date.now() - 61_000 })],
  ])("is taken over when stale: a lock %s", async (_what, holder) => {
    const file = join(dir, `stale-${Math.random().toString(36).slice(2)}.json`);
    await space.use(X);
    writeFileSync(`${file}.lock`, JSON.stringify({ ...holder(), host: hostname(), token: "stale" }));
    const { code } = await check(["--history", file]);
    expect(code).toBe(1);
    expect(readJson<HistoryDocument>(file).runs).toHaveLength(1);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});

describe("check --har FILE --history FILE", () => {
  it("records each judged recording as a run of its file, and keeps the last --history-keep runs", async () => {
    const url = "https://example.signalwire.com/api/video/logs";
    const drifted = { ...completedLog, charge: String(completedLog.charge) };
    const har = writeHar(
      dir,
      "drifted.har",
      harRecording([{ url, json: { links: { self: url, first: url }, data: [drifted] } }]),
    );
    const file = join(dir, "recordings.json");
    const reports: DriftReport[] = [];
    for (let i = 0; i < 3; i++) {
      const { code, stdout } = await runBin(
        ["check", "--har", har, "--history", file, "--history-keep", "2", "--format", "json"],
        env,
      );
      expect(code).toBe(1);
      reports.push(JSON.parse(stdout));
    }
    expect(reports.map((report) => report.findings.map((finding) => finding.history))).toEqual([
      [{ state: "new", firstSeen: reports[0]!.startedAt, runsSeen: 1, runsKept: 1 }],
      [{ state: "recurring", firstSeen: reports[0]!.startedAt, runsSeen: 2, runsKept: 2 }],
      [{ state: "recurring", firstSeen: reports[0]!.startedAt, runsSeen: 2, runsKept: 2 }],
    ]);
    const history = readJson<HistoryDocument>(file);
    expect(history.runs.map((run) => [run.startedAt, run.target])).toEqual(
      reports.slice(1).map((report) => [report.startedAt, { kind: "recording", file: har }]),
    );
    expect(Object.values(history.findings).map((finding) => finding.firstSeen)).toEqual([reports[0]!.startedAt]);
  }, 60_000);
});
