// What `video-logs history` shows, in-process: a row per finding with its state as of the last run and a strip of the
// runs; and what the drift report's text and Markdown say of each finding's state and of the resolved ones.
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { formatHistory } from "../../src/history/format-history.ts";
import { historyView } from "../../src/history/history-view.ts";
import { formatJunit } from "../../src/report/format-junit.ts";
import { formatMarkdown } from "../../src/report/format-markdown.ts";
import { formatText } from "../../src/report/format-text.ts";
import { at, FINDINGS, fingerprintOfName, OTHER_TARGET, type RunSpec, recordRuns } from "./history-fixtures.ts";

const FLAPPING_RUNS: RunSpec[] = [
  { seen: ["X"] },
  { seen: ["X", "Y"] },
  { seen: ["Y"] },
  { seen: ["X", "Y"] },
  { seen: ["Y"] },
  { seen: ["X", "Y"] },
];

const row = (name: "X" | "Y", rest: object) => ({ fingerprint: fingerprintOfName(name), ...FINDINGS[name], ...rest });

describe("the history's view", () => {
  it("gives each finding its state as of the last run, its runs seen of the runs kept and a strip of the runs", () => {
    const { history } = recordRuns(FLAPPING_RUNS);
    expect(historyView(history)).toEqual({
      runsKept: 6,
      firstRun: history.runs[0],
      lastRun: history.runs[5],
      rows: [
        row("X", { firstSeen: at(1), lastSeen: at(6), state: "flapping", runsSeen: 4, runsKept: 6, strip: "██·█·█" }),
        row("Y", { firstSeen: at(2), lastSeen: at(6), state: "recurring", runsSeen: 5, runsKept: 6, strip: "·█████" }),
      ],
    });
  });

  it("shows a finding absent from the last run that observed it as resolved, one not observed since as not observed", () => {
    const { history } = recordRuns([...FLAPPING_RUNS, { seen: ["X"] }, { seen: [], complete: false }]);
    expect(historyView(history).rows.map(({ state, strip }) => ({ state, strip }))).toEqual([
      { state: "unobserved", strip: "██·█·██░" },
      { state: "resolved", strip: "·█████·░" },
    ]);
  });

  it("reads every run against the last run's target: another target's runs are not observed", () => {
    const { history } = recordRuns([{ seen: ["X"] }, { seen: ["X"], target: OTHER_TARGET }, { seen: [] }]);
    expect(historyView(history).rows.map(({ state, strip }) => ({ state, strip }))).toEqual([
      { state: "resolved", strip: "█░·" },
    ]);
  });

  it("keeps the strip to the last 30 runs, oldest first", () => {
    const runs: RunSpec[] = Array.from({ length: 40 }, (_, i) => ({ seen: i % 2 === 0 ? ["X"] : [] }));
    const [x] = historyView(recordRuns(runs).history).rows;
    expect(x!.strip).toBe("█·".repeat(15));
  });

  it("says there is no run yet for an empty history", () => {
    const empty = historyView(recordRuns([]).history);
    expect(formatHistory(empty, "text")).toBe("No run recorded yet.\n");
  });
});

describe("the history's formats", () => {
  const view = historyView(recordRuns(FLAPPING_RUNS).history);

  it("text: an aligned table with a row per finding, then the marks' legend", () => {
    expect(formatHistory(view, "text").split("\n")).toEqual([
      "6 runs kept, 2026-12-01 10:00 to 2026-12-01 15:00 UTC; the last: DRIFT, base-url http://127.0.0.1:8080. 2 findings ever seen.",
      "",
      "STATE      SEVERITY  CHECK            OPERATION  STATUS  POINTER                FIRST SEEN        LAST SEEN         RUNS  LAST 30 RUNS",
      "flapping   breaking  response-schema  list_logs  200     /data/*/charge (type)  2026-12-01 10:00  2026-12-01 15:00  4/6   ██·█·█",
      "recurring  breaking  response-schema  list_logs  200     /data/*/url (type)     2026-12-01 11:00  2026-12-01 15:00  5/6   ·█████",
      "",
      "█ present, · absent, ░ not observed (another target or spec, an incomplete run, or the check did not run on the operation); oldest run first",
      "",
    ]);
  });

  it("markdown: a table GitHub renders, a row per finding with its strip in a code span", () => {
    const html = new MarkdownIt().render(formatHistory(view, "markdown"));
    const cells = [...html.matchAll(/<tr>\n([\s\S]*?)<\/tr>/g)].map((match) =>
      [...match[1]!.matchAll(/<t[hd]>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cell[1]),
    );
    expect(cells).toEqual([
      [
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
      ],
      [
        "flapping",
        "breaking",
        "response-schema",
        "<code>list_logs</code>",
        "200",
        "<code>/data/*/charge (type)</code>",
        "2026-12-01 10:00",
        "2026-12-01 15:00",
        "4 of 6",
        "<code>██·█·█</code>",
      ],
      [
        "recurring",
        "breaking",
        "response-schema",
        "<code>list_logs</code>",
        "200",
        "<code>/data/*/url (type)</code>",
        "2026-12-01 11:00",
        "2026-12-01 15:00",
        "5 of 6",
        "<code>·█████</code>",
      ],
    ]);
    expect(html).toContain("<h3>Drift history</h3>");
  });

  it("json: the runs kept, the first and last run, the marks and the rows", () => {
    const json = JSON.parse(formatHistory(view, "json"));
    expect(json).toEqual({
      runsKept: 6,
      firstRun: { startedAt: at(1), target: view.firstRun!.target, verdict: "DRIFT", complete: true },
      lastRun: { startedAt: at(6), target: view.lastRun!.target, verdict: "DRIFT", complete: true },
      marks: { present: "█", absent: "·", unobserved: "░" },
      findings: view.rows,
    });
  });
});

describe("the drift report with a history", () => {
  const { reports } = recordRuns([...FLAPPING_RUNS, { seen: ["Y"] }]);

  it("text: each finding's state under it, each resolved finding, and the states counted in the summary line", () => {
    const text = formatText(reports[3]!);
    expect(text).toContain(
      "\nBREAKING [response-schema] list_logs 200 /data/*/charge: m\n  REGRESSED since 2026-12-01, 3 of 4 runs\n",
    );
    expect(text).toContain("  RECURRING since 2026-12-01, 3 of 4 runs\n");
    expect(text.split("\n")[0]).toBe(
      "DRIFT: 2 breaking, 0 additive findings (1 regressed, 1 recurring); 4 requests, 4 judged: 1 conform (base-url http://127.0.0.1:8080)",
    );
    expect(formatText(reports[0]!)).toContain("  NEW, first seen in this run\n");
    expect(formatText(reports[6]!)).toContain(
      "\nRESOLVED [response-schema] list_logs 200 /data/*/charge (type)\n  first seen 2026-12-01 10:00, last seen 2026-12-01 15:00 UTC; fingerprint: ",
    );
  });

  it("markdown: a history column in the findings' table, and a table of the resolved findings", () => {
    const html = new MarkdownIt().render(formatMarkdown(reports[6]!));
    expect(html).toContain("<th>history</th>");
    expect(html).toContain("<td>RECURRING since 2026-12-01, 6 of 7 runs</td>");
    expect(html).toContain("<p>Resolved since the previous run that observed them:</p>");
    expect(html).toMatch(
      /<td>breaking<\/td>\n<td>response-schema<\/td>\n<td><code>list_logs<\/code><\/td>\n<td>200<\/td>\n<td><code>\/data\/\*\/charge \(type\)<\/code><\/td>/,
    );
  });

  it("junit with --fail-on new: a testcase fails on its new or regressed findings, and shows the others in its output", () => {
    const { reports: failOnNew } = recordRuns([{ seen: ["X"] }, { seen: ["X", "Y"] }], { failOn: "new" });
    const xml = formatJunit(failOnNew[1]!);
    expect(xml).toContain('tests="1" failures="1"');
    expect(xml.match(/<failure /g)).toHaveLength(1);
    expect(xml).toMatch(
      /<failure message="m" type="breaking">new breaking \[response-schema\] list_logs 200 \/data\/\*\/url: m/,
    );
    expect(xml).toMatch(/<system-out>recurring breaking \[response-schema\] list_logs 200 \/data\/\*\/charge: m/);
  });
});
