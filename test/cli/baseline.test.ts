// `check --baseline FILE` on the built CLI against the stand-in space: known findings are reported as known and do
// not fail the run; a new finding does.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DriftReport } from "../../src/report/report-types.ts";
import { type CliRunner, runBin, runInProcess } from "../helpers/cli.ts";
import { type Fault, startStandInSpace } from "../helpers/stand-in-space.ts";
import { cliSuite } from "./cli-suite.ts";

const { dir, env, serve } = cliSuite("baseline");

/** The built executable's check, or (`run`) the runCli it runs, in-process. */
async function check(faults: Fault[], args: string[], run: CliRunner = runBin) {
  // Closed here rather than after the test: one test may run several checks.
  const server = await startStandInSpace({ faults });
  try {
    return await run(["check", "--base-url", server.url, ...args], env);
  } finally {
    await server.close();
  }
}

describe("check --baseline FILE", () => {
  it("accepts the drift of an earlier JSON report as known (exit 0) and fails on drift that is new (exit 1)", async () => {
    const earlier = join(dir, "earlier.json");
    // The earlier report and the run with new drift come from src/'s runCli in-process; the run that
    // accepts the known drift is the built executable.
    expect((await check(["answer-203"], ["--report", `json=${earlier}`], runInProcess)).code).toBe(1);

    const again = await check(["answer-203"], ["--baseline", earlier, "--format", "json"]);
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout) as DriftReport;
    const findings = report.exchanges.flatMap((c) => c.violations);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.known === true)).toBe(true);
    expect(report.summary.breaking).toBe(0);
    expect(report.summary.known).toBe(findings.length);

    const worse = await check(
      ["answer-203", "send-text-plain"],
      ["--baseline", earlier, "--format", "json"],
      runInProcess,
    );
    expect(worse.code).toBe(1);
    const worseReport = JSON.parse(worse.stdout) as DriftReport;
    const fresh = worseReport.exchanges.flatMap((c) => c.violations).filter((f) => !f.known);
    expect([...new Set(fresh.map((f) => f.check))]).toEqual(["content-type"]);
  }, 90_000);

  it("takes a small ignore file naming a check, and shows known findings as known in text", async () => {
    const ignore = join(dir, "ignore.json");
    writeFileSync(ignore, JSON.stringify({ ignore: [{ check: "status-code" }] }));
    // In-process, as runCli: the built executable reads a --baseline file in the test above.
    const { code, stdout } = await check(["answer-203"], ["--baseline", ignore], runInProcess);
    expect(code).toBe(0);
    expect(stdout).toContain("KNOWN BREAKING [status-code]");
    expect(stdout).not.toMatch(/^BREAKING/m);
  }, 60_000);

  it.each([
    ["a file that does not exist", null, /Cannot read the baseline/],
    ["a file that is not JSON", "not json", /--baseline .* must be an earlier JSON report .* or an ignore file/],
    [
      "JSON of another shape",
      JSON.stringify({ ignore: [{ check: 3 }] }),
      /--baseline .* must be an earlier JSON report .* or an ignore file/,
    ],
  ])("refuses %s before any request", async (what, content, message) => {
    const file = join(dir, `bad-${Math.random().toString(36).slice(2)}.json`);
    if (content !== null) writeFileSync(file, content);
    const server = await serve(startStandInSpace());
    // The built executable refuses the missing file; the others reach the runCli it runs, in-process.
    const run = what === "a file that does not exist" ? runBin : runInProcess;
    const { code, stderr } = await run(["check", "--base-url", server.url, "--baseline", file], env);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(server.requests).toEqual([]);
  });
});
