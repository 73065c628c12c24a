// `check --record FILE`, `check --replay FILE` and `--seed N` on the built CLI, against a stand-in Space with drift of
// every kind (schema, a listing the get disagrees with, a 404 of the wrong shape, a page size out of range accepted,
// an answer without credentials): a replay gives the recorded run's findings and verdict, offline.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { validateHar } from "../../generated/har-validator.js";
import type { DriftReport } from "../../src/report/report-types.ts";
import { runBin } from "../helpers/cli.ts";
import type { LocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { type Fault, startStandInSpace } from "../helpers/stand-in-space.ts";
import { cliSuite } from "./cli-suite.ts";

const { dir, env } = cliSuite("replay");

const DRIFT: Fault[] = [
  "charge-as-string",
  "get-differs-from-listing",
  "wrong-404-body",
  "accept-page-size-out-of-range",
  "answer-without-credentials",
];
/** A short tour of every check. */
const TOUR = ["--pages", "2", "--sample", "2"];

const recording = join(dir, "tour.har");
let space: LocalServer;
let live: { code: number | null; report: DriftReport; stderr: string };

/** What a report says of its requests, the time each took left out. */
const requests = (report: DriftReport) => report.exchanges.map(({ durationMs: _, ...rest }) => rest);

async function checkJson(args: string[], withEnv: Record<string, string> = env) {
  const { code, stdout, stderr } = await runBin(["check", ...args, "--format", "json"], withEnv);
  return { code, stderr, report: (stdout ? JSON.parse(stdout) : undefined) as DriftReport };
}

beforeAll(async () => {
  space = await startStandInSpace({ faults: DRIFT });
  live = await checkJson(["--base-url", space.url, ...TOUR, "--seed", "7", "--record", recording]);
  return () => space.close();
}, 120_000);

describe("check --record then --replay", () => {
  it("records a tour that found drift of several checks, behaviour checks included", () => {
    expect(live.code).toBe(1);
    const checks = new Set(live.report.findings.map((finding) => finding.check));
    for (const check of ["response-schema", "cross-endpoint-consistency", "negative-data", "authentication"])
      expect(checks).toContain(check);
    expect(live.report.seed).toBe(7);
  });

  it("replays it offline, with no target and no credentials, to the same findings, requests and verdict", async () => {
    const replayed = await checkJson(["--replay", recording, ...TOUR], {});
    expect(replayed.code).toBe(live.code);
    expect(replayed.report.findings).toEqual(live.report.findings);
    expect(requests(replayed.report)).toEqual(requests(live.report));
    expect(replayed.report.summary).toEqual(live.report.summary);
    expect(replayed.report.coverage).toEqual(live.report.coverage);
    expect({ seed: replayed.report.seed, target: replayed.report.target }).toEqual({
      seed: 7,
      target: live.report.target,
    });
    const { pin } = JSON.parse(readFileSync(recording, "utf8")).log.entries[0]._videoLogs;
    expect(replayed.report.notes).toEqual([...live.report.notes, `replayed from the recording ${recording} of ${pin}`]);
    expect(replayed.report.startedAt).toBe(pin);
  });

  it("writes a HAR 1.2 file with an entry per request, each naming its probe, seed, pin and options", () => {
    const har = JSON.parse(readFileSync(recording, "utf8"));
    expect(validateHar(har)).toBe(true);
    expect(har.log.entries).toHaveLength(live.report.summary.requests);
    const names = har.log.entries.map(
      (entry: { _videoLogs: { probe: { request: string } } }) => entry._videoLogs.probe.request,
    );
    expect(names.sort()).toEqual(live.report.exchanges.map((exchange) => exchange.name).sort());
    const [first] = har.log.entries;
    expect(first._videoLogs).toMatchObject({
      seed: 7,
      target: live.report.target,
      options: { pages: 2, sample: 2, maxRequests: 60, concurrency: 4, strict: false, checks: null, authProbes: true },
    });
  });

  it("holds no credential: not the token, not its base64 spellings, not the project id", () => {
    const text = readFileSync(recording, "utf8");
    const basic = Buffer.from(`${PROJECT_ID}:${API_TOKEN}`);
    for (const secret of [
      API_TOKEN,
      PROJECT_ID,
      basic.toString("base64"),
      basic.toString("base64url"),
      Buffer.from(API_TOKEN).toString("base64"),
    ])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/"authorization"/i);
  });

  it("is judged response by response by check --har, as any recording", async () => {
    const judged = await checkJson(["--har", recording]);
    expect(judged.report.recording).toMatchObject({ entries: live.report.summary.requests, skipped: 0 });
    expect(judged.report.recording!.judged).toBe(live.report.summary.requests);
  });

  it("refuses a replay whose options differ from the recording's, naming each, with exit 2", async () => {
    const { code, stdout, stderr } = await runBin(
      ["check", "--replay", recording, "--pages", "3", "--sample", "2", "--strict", "--seed", "8"],
      {},
    );
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toContain(
      "--replay runs the recorded tour with the recorded options, and these differ: --pages (recorded 2, given 3); --strict (recorded false, given true); --seed (recorded 7, given 8)",
    );
  });

  it("reports a request the recording cannot answer as a request without response, naming it, with exit 2", async () => {
    const har = JSON.parse(readFileSync(recording, "utf8"));
    const unknown = (entry: { _videoLogs: { probe: { kind: string } } }) =>
      entry._videoLogs.probe.kind === "unknown-item";
    const dropped = har.log.entries.find(unknown)._videoLogs.probe.request;
    har.log.entries = har.log.entries.filter((entry: never) => !unknown(entry));
    const partial = join(dir, "partial.har");
    writeFileSync(partial, JSON.stringify(har));
    const replayed = await checkJson(["--replay", partial, ...TOUR], {});
    expect(replayed.code).toBe(2);
    expect(replayed.report.exchanges.filter((exchange) => exchange.error !== undefined)).toEqual([
      expect.objectContaining({
        name: dropped,
        status: null,
        error: `The recording holds no answer for ${dropped} (attempt 1): the live run got none, or the recording is of another tour`,
      }),
    ]);
    expect(replayed.stderr).toContain("1 request(s) got no response; the check is incomplete.");
  });

  it("refuses a recording not written by check --record, naming the entry", async () => {
    const other = join(dir, "browser.har");
    const har = JSON.parse(readFileSync(recording, "utf8"));
    delete har.log.entries[0]._videoLogs;
    writeFileSync(other, JSON.stringify(har));
    const { code, stderr } = await runBin(["check", "--replay", other, ...TOUR], {});
    expect(code).toBe(2);
    expect(stderr).toContain(
      `The recording ${other} cannot be replayed: entry 0: it has no _videoLogs field (it was not written by check --record)`,
    );
  });

  it("refuses --replay with a target, --har with --seed, and --record over the file --replay reads", async () => {
    const cases = await Promise.all([
      runBin(["check", "--replay", recording, "--base-url", space.url], env),
      runBin(["check", "--har", recording, "--seed", "1"], env),
      runBin(["check", "--replay", recording, "--record", recording], env),
    ]);
    expect(cases.map(({ code }) => code)).toEqual([2, 2, 2]);
    expect(cases[0]!.stderr).toContain(
      "--replay answers every request from the recording, so --base-url cannot go with it",
    );
    expect(cases[1]!.stderr).toContain("--har judges each recorded response on its own, so --seed cannot go with it");
    expect(cases[2]!.stderr).toMatch(/cannot go with it|would overwrite the recording --replay reads/);
  });
});

describe("check --seed N", () => {
  /** The requests, the pin (each run's start) written as PIN: the seed fixes the choices, not the clock. */
  const plan = (report: DriftReport) => {
    const pin = /created_before=([^,)]+)/.exec(report.exchanges[0]!.name)![1]!;
    const text = JSON.stringify(report.exchanges.map(({ name, kind, url }) => ({ name, kind, url })));
    return JSON.parse(text.split(pin).join("PIN").split(encodeURIComponent(pin)).join("PIN"));
  };

  it("makes the same requests on two runs with the same seed, and another unknown id with another seed", async () => {
    const [first, second, other] = await Promise.all(
      ["11", "11", "12"].map((seed) => checkJson(["--base-url", space.url, ...TOUR, "--seed", seed])),
    );
    expect(plan(second!.report)).toEqual(plan(first!.report));
    const unknownUrl = (report: DriftReport) => report.exchanges.find((e) => e.kind === "unknown-item")!.url;
    expect(unknownUrl(other!.report)).not.toBe(unknownUrl(first!.report));
    expect([first!.report.seed, other!.report.seed]).toEqual([11, 12]);
  });

  it("without --seed, draws one and prints it in the text report", async () => {
    const { stdout } = await runBin(["check", "--base-url", space.url, ...TOUR], env);
    const seed = /^seed: (\d+) \(check --seed \1 makes the same choices\)$/m.exec(stdout);
    expect(seed).not.toBeNull();
  });
});

describe("check --replay of a tour that was asked to wait (429, Retry-After)", () => {
  it("answers the request sent again after the 429 from its second recorded attempt, to the same report", async () => {
    const limited = await startStandInSpace({ faults: ["charge-as-string"], rateLimitFirstWith: 1 });
    const file = join(dir, "limited.har");
    try {
      const recorded = await checkJson(["--base-url", limited.url, ...TOUR, "--concurrency", "1", "--record", file]);
      const entries = JSON.parse(readFileSync(file, "utf8")).log.entries;
      const retried = entries.filter(
        (entry: { _videoLogs: { probe: { attempt: number } } }) => entry._videoLogs.probe.attempt === 2,
      );
      expect(retried).toHaveLength(1);
      const replayed = await checkJson(["--replay", file, ...TOUR, "--concurrency", "1"], {});
      expect(replayed.code).toBe(recorded.code);
      expect(replayed.report.findings).toEqual(recorded.report.findings);
      expect(replayed.report.summary).toEqual(recorded.report.summary);
      expect(requests(replayed.report)).toEqual(requests(recorded.report));
    } finally {
      await limited.close();
    }
  });
});
