// The history's state logic, in-process, on reports made by hand: each finding new, recurring, regressed or flapping,
// the resolved ones, what counts as absence, pruning, and which findings fail a run with --fail-on new.
import { describe, expect, it } from "vitest";
import { flaps, type Observation, stateOf } from "../../src/history/finding-states.ts";
import { reportFailed } from "../../src/report/report-types.ts";
import {
  at,
  FINDINGS,
  fingerprintOfName,
  OTHER_SPEC,
  OTHER_TARGET,
  type RunSpec,
  recordRuns,
  reportOf,
  SPEC,
  told,
} from "./history-fixtures.ts";

const seen = (firstSeen: number, runsSeen: number, runsKept: number) => ({
  firstSeen: at(firstSeen),
  runsSeen,
  runsKept,
});

describe("each finding's state over the runs X; X and Y; Y; X and Y; Y; X and Y; none", () => {
  const { reports } = recordRuns([
    { seen: ["X"] },
    { seen: ["X", "Y"] },
    { seen: ["Y"] },
    { seen: ["X", "Y"] },
    { seen: ["Y"] },
    { seen: ["X", "Y"] },
    { seen: [] },
  ]);

  it("is new when first seen, recurring when seen in the previous run, regressed when back, flapping the second time back", () => {
    expect(reports.map(told)).toEqual([
      { findings: { X: { state: "new", ...seen(1, 1, 1) } }, resolved: [] },
      {
        findings: { X: { state: "recurring", ...seen(1, 2, 2) }, Y: { state: "new", ...seen(2, 1, 2) } },
        resolved: [],
      },
      { findings: { Y: { state: "recurring", ...seen(2, 2, 3) } }, resolved: ["X"] },
      {
        findings: { X: { state: "regressed", ...seen(1, 3, 4) }, Y: { state: "recurring", ...seen(2, 3, 4) } },
        resolved: [],
      },
      { findings: { Y: { state: "recurring", ...seen(2, 4, 5) } }, resolved: ["X"] },
      {
        findings: { X: { state: "flapping", ...seen(1, 4, 6) }, Y: { state: "recurring", ...seen(2, 5, 6) } },
        resolved: [],
      },
      { findings: {}, resolved: ["X", "Y"] },
    ]);
  });

  it("lists a resolved finding with its fields and when it was first and last seen, and states the fail-on rule", () => {
    expect(reports[6]!.history).toEqual({
      failOn: "breaking",
      runsKept: 7,
      resolved: [
        { fingerprint: fingerprintOfName("X"), ...FINDINGS.X, firstSeen: at(1), lastSeen: at(6) },
        { fingerprint: fingerprintOfName("Y"), ...FINDINGS.Y, firstSeen: at(2), lastSeen: at(6) },
      ],
    });
  });
});

describe("a run that did not observe a finding is evidence of neither presence nor absence", () => {
  const cases: { what: string; middle: RunSpec; middleSpec?: string }[] = [
    { what: "an incomplete run (a request got no response)", middle: { seen: [], complete: false } },
    { what: "a run of another target", middle: { seen: [], target: OTHER_TARGET } },
    { what: "a run under another spec", middle: { seen: [] }, middleSpec: OTHER_SPEC },
    { what: "a run that did not run the check on the operation", middle: { seen: [], planned: ["status-code"] } },
  ];
  it.each(cases)("X; $what without X; X: X recurs, and was never resolved", ({ middle, middleSpec = SPEC }) => {
    const { reports } = recordRuns([{ seen: ["X"] }, middle, { seen: ["X"] }], {
      specHashes: [SPEC, middleSpec, SPEC],
    });
    expect(reports.map(told)).toEqual([
      { findings: { X: { state: "new", ...seen(1, 1, 1) } }, resolved: [] },
      { findings: {}, resolved: [] },
      { findings: { X: { state: "recurring", ...seen(1, 2, 3) } }, resolved: [] },
    ]);
  });

  it("while a complete run of the same target and spec that ran the check shows it absent: X; none; X regresses", () => {
    const { reports } = recordRuns([{ seen: ["X"] }, { seen: [] }, { seen: ["X"] }]);
    expect(reports.map(told)).toEqual([
      { findings: { X: { state: "new", ...seen(1, 1, 1) } }, resolved: [] },
      { findings: {}, resolved: ["X"] },
      { findings: { X: { state: "regressed", ...seen(1, 2, 3) } }, resolved: [] },
    ]);
  });

  it("judges a run against runs of its own target: X seen on one target is recurring, not new, on another", () => {
    const { reports } = recordRuns([{ seen: ["X"] }, { seen: ["X"], target: OTHER_TARGET }]);
    expect(reports.map(told)[1]).toEqual({ findings: { X: { state: "recurring", ...seen(1, 2, 2) } }, resolved: [] });
  });
});

describe("flapping", () => {
  const P: Observation = "present";
  const A: Observation = "absent";
  const U: Observation = "unobserved";

  it.each([
    { observations: [P, A, P, A, P], flapping: true },
    { observations: [A, P, A, P], flapping: false },
    { observations: [P, A, P], flapping: false },
    { observations: [P, U, A, U, P, A, U, P], flapping: true },
    { observations: [P, U, P, U, P], flapping: false },
  ])("$observations flaps: $flapping", ({ observations, flapping }) => {
    expect(flaps(observations)).toBe(flapping);
  });

  it("reads only the last 10 runs: a finding that flapped long ago and has stayed since is recurring", () => {
    const old: Observation[] = [P, A, P, A, P];
    expect(stateOf([...old, ...Array<Observation>(5).fill(P)], true)).toBe("flapping");
    expect(stateOf([...old, ...Array<Observation>(6).fill(P)], true)).toBe("recurring");
  });

  it("wins over regressed, and new wins over every other state", () => {
    expect(stateOf([P, A, P, A, A, P], true)).toBe("flapping");
    expect(stateOf([P, A, P, A, A, P], false)).toBe("new");
    expect(stateOf([U, U, P], true)).toBe("recurring");
  });
});

describe("pruning", () => {
  it("keeps the last --history-keep runs and every finding's first-seen time", () => {
    const { reports, history } = recordRuns([{ seen: ["X"] }, { seen: [] }, { seen: ["Y"] }, { seen: ["X", "Y"] }], {
      keep: 2,
    });
    expect(history.runs.map((run) => run.startedAt)).toEqual([at(3), at(4)]);
    expect(history.findings).toEqual({
      [fingerprintOfName("X")]: { ...FINDINGS.X, firstSeen: at(1), lastSeen: at(4) },
      [fingerprintOfName("Y")]: { ...FINDINGS.Y, firstSeen: at(3), lastSeen: at(4) },
    });
    expect(told(reports[3]!)).toEqual({
      findings: { X: { state: "regressed", ...seen(1, 1, 2) }, Y: { state: "recurring", ...seen(3, 2, 2) } },
      resolved: [],
    });
  });
});

describe("--fail-on new", () => {
  it("fails a run only on a breaking finding that is new or regressed; recurring, flapping and known ones pass", () => {
    const failOn = "new" as const;
    const runs: RunSpec[] = [
      { seen: ["X"] },
      { seen: ["X"] },
      { seen: [] },
      { seen: ["X"] },
      { seen: [] },
      { seen: ["X"] },
      { seen: ["X", "Y"], known: ["Y"] },
    ];
    const { reports } = recordRuns(runs, { failOn });
    expect(reports.map((report) => [report.findings.map((f) => f.history?.state), reportFailed(report)])).toEqual([
      [["new"], true],
      [["recurring"], false],
      [[], false],
      [["regressed"], true],
      [[], false],
      [["flapping"], false],
      [["flapping", "new"], false],
    ]);
  });

  it("fails on a new additive finding only with --strict, while --fail-on breaking fails on any breaking one", () => {
    const additive = recordRuns([{ seen: ["Z"] }], { failOn: "new" }).reports[0]!;
    const strict = recordRuns([{ seen: ["Z"], strict: true }], { failOn: "new" }).reports[0]!;
    const recurring = recordRuns([{ seen: ["X"] }, { seen: ["X"] }], { failOn: "breaking" }).reports[1]!;
    expect([reportFailed(additive), reportFailed(strict), reportFailed(recurring)]).toEqual([false, true, true]);
    expect(reportFailed(reportOf(1, { seen: ["X"] }))).toBe(true);
  });
});
