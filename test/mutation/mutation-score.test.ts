import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  type EquivalentMutant,
  formatScores,
  globMatcher,
  type MutationReport,
  scoreGroups,
} from "../../scripts/lib/mutation-score.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FIXTURES = fileURLToPath(new URL("fixtures/", import.meta.url));
const report = JSON.parse(readFileSync(`${FIXTURES}mutation.json`, "utf8")) as MutationReport;
const { mutants: equivalents } = JSON.parse(readFileSync(`${FIXTURES}equivalent.json`, "utf8")) as {
  mutants: EquivalentMutant[];
};
const GROUPS = {
  validation: ["src/validation/**/*.ts"],
  redaction: ["src/redaction/**/*.ts"],
  findings: ["src/findings/**/*.ts"],
};

describe("the mutation score of each module group", () => {
  it("counts killed and timed out over killed, timed out, survived and uncovered; errors count in neither", () => {
    const { groups } = scoreGroups(report, GROUPS, [], "/abs/root");
    expect(groups[0]).toEqual({
      group: "validation",
      killed: 2,
      timedOut: 1,
      survived: 1,
      noCoverage: 0,
      equivalent: 0,
      score: 75,
    });
  });

  it("takes a file's absolute path relative to the root, and leaves out files of no group", () => {
    const { groups } = scoreGroups(report, GROUPS, [], "/abs/root");
    expect(groups.slice(1)).toEqual([
      { group: "redaction", killed: 1, timedOut: 0, survived: 1, noCoverage: 1, equivalent: 0, score: 100 / 3 },
      { group: "findings", killed: 0, timedOut: 0, survived: 0, noCoverage: 0, equivalent: 0, score: null },
    ]);
  });

  it("subtracts a surviving mutant listed as equivalent by file, line, mutator and replacement", () => {
    const { groups, staleEquivalents } = scoreGroups(report, GROUPS, equivalents, "/abs/root");
    expect(groups[1]).toEqual({
      group: "redaction",
      killed: 1,
      timedOut: 0,
      survived: 0,
      noCoverage: 1,
      equivalent: 1,
      score: 50,
    });
    expect(staleEquivalents).toEqual([]);
  });

  it("calls stale an equivalent entry that matches no surviving mutant: one killed since, or on another line", () => {
    const killed = { ...equivalents[0]!, line: 1, mutator: "ConditionalExpression", replacement: "false" };
    const moved = { ...equivalents[0]!, line: 10 };
    const { groups, staleEquivalents } = scoreGroups(report, GROUPS, [killed, moved], "/abs/root");
    expect(staleEquivalents).toEqual([killed, moved]);
    expect(groups[1]?.equivalent).toBe(0);
  });

  it("matches globs: ** for any folders, * within a name, dots literally", () => {
    expect(globMatcher("src/check/baseline*.ts")("src/check/baseline-file.ts")).toBe(true);
    expect(globMatcher("src/check/baseline*.ts")("src/check/tour/baseline.ts")).toBe(false);
    expect(globMatcher("src/findings/**/*.ts")("src/findings/fingerprint.ts")).toBe(true);
    expect(globMatcher("src/findings/**/*.ts")("src/findings/a/b/c.ts")).toBe(true);
    expect(globMatcher("src/findings/**/*.ts")("src/findingsX/c.ts")).toBe(false);
    expect(globMatcher("src/a.ts")("src/aXts")).toBe(false);
  });

  it("prints one row a group, marking a score under the minimum and a group not run", () => {
    const { groups } = scoreGroups(report, GROUPS, equivalents, "/abs/root");
    expect(formatScores(groups, 90).split("\n")).toEqual([
      "group       score                      killed  timed out  survived  no coverage  equivalent",
      "validation  75.0% (under the minimum)  2       1          1         0            0",
      "redaction   50.0% (under the minimum)  1       0          0         1            1",
      "findings    not run                    0       0          0         0            0",
    ]);
  });
});

// Each case starts tsx in a child: seconds on a loaded machine, so more than the suite's 30 s default is allowed.
describe("scripts/mutation-score.ts", { timeout: 90_000 }, () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/mutation-score.ts", ...args], {
      cwd: ROOT,
      encoding: "utf8",
    });

  it("exits 1 when a group is under 90% or was not run", () => {
    const result = run("--report", `${FIXTURES}mutation.json`, "--equivalent", `${FIXTURES}equivalent.json`);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /^under 90% or not run: validation, redaction, check judging, findings, proposal verification$/m,
    );
  });

  it("exits 2 naming the file when the report is missing, and when an equivalent entry lacks its reason", () => {
    const missing = run("--report", `${FIXTURES}absent.json`);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`cannot read the mutation report ${FIXTURES}absent.json`);
    const noReason = run("--report", `${FIXTURES}mutation.json`, "--equivalent", `${FIXTURES}mutation.json`);
    expect(noReason.status).toBe(2);
    expect(noReason.stderr).toContain("needs file, line, mutator, replacement, reason");
  });
});
