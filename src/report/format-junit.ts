// JUnit XML: one testcase per named check per operation the plan applied it to (`response-schema list_logs`), so a
// CI's test history sees the same tests every run, whatever the data; a testcase's failures are its findings, one
// <failure> each. No URL, port, time or pin is part of any name.
import { CHECKS, type CheckName } from "../findings/checks.ts";
import type { DriftFinding } from "../findings/finding.ts";
import { CHECKS_BY_KIND } from "../findings/probe-kind.ts";
import { xmlText as xml } from "./escape-xml.ts";
import { type DriftReport, type ExchangeResult, findingFails, type PlannedCheck } from "./report-types.ts";

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** Does a response of this exchange's kind get judged by this check? */
function judges(check: CheckName, exchange: ExchangeResult): boolean {
  const row = CHECKS.find((candidate) => candidate.name === check);
  return row?.judgedBy === "every-response" || CHECKS_BY_KIND[exchange.kind].includes(check);
}

export function formatJunit(report: DriftReport): string {
  // What fails the run fails its testcase: with --fail-on new, drift already there last time is shown, not failed.
  const fails = (finding: DriftFinding) => findingFails(report, finding);
  const cases = report.plan.map((planned) => testcase(report, planned, fails));
  const failures = cases.filter((c) => c.failed).length;
  const errors = cases.filter((c) => c.errored).length;
  const skipped = cases.filter((c) => c.skipped).length;
  const counts = `tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="${skipped}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="video-logs check" ${counts} time="${seconds(report.durationMs)}">`,
    `  <testsuite name="video-logs check" ${counts} time="${seconds(report.durationMs)}" timestamp="${report.startedAt}">`,
    // A run cut short says so, and why: its testcases hold only what was judged before.
    ...(report.interrupted
      ? [
          "    <properties>",
          `      <property name="interrupted" value="${xml(report.interrupted.reason)}"/>`,
          "    </properties>",
        ]
      : []),
    ...cases.map((c) => c.xml),
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}

function testcase(report: DriftReport, planned: PlannedCheck, fails: (finding: DriftFinding) => boolean) {
  const { check, operation } = planned;
  const exchanges = report.exchanges.filter((e) => e.operation === operation && judges(check, e));
  const findings = report.findings.filter((f) => f.check === check && f.operation === operation);
  const unanswered = exchanges.filter((e) => e.error !== undefined);
  const time = seconds(exchanges.reduce((sum, e) => sum + e.durationMs, 0));
  const open = `    <testcase classname="video-logs.${check}" name="${check} ${xml(operation)}" time="${time}"`;
  const body = [
    ...findings
      .filter(fails)
      .map((f) => `      <failure message="${xml(f.example.message)}" type="${f.severity}">${details(f)}</failure>`),
    ...unanswered.map(
      (e) => `      <error message="no response" type="no-response">${xml(e.name)}: ${xml(e.error!)}</error>`,
    ),
  ];
  const skipped = !planned.exercised && body.length === 0;
  if (skipped) body.push('      <skipped message="no response exercised this check on this operation"/>');
  const quiet = findings.filter((f) => !fails(f));
  if (quiet.length > 0) body.push(`      <system-out>${quiet.map(details).join("\n\n")}</system-out>`);
  return {
    failed: findings.some(fails),
    errored: unanswered.length > 0,
    skipped,
    xml: body.length === 0 ? `${open}/>` : [`${open}>`, ...body, "    </testcase>"].join("\n"),
  };
}

/** A finding in a few lines; each server-sent field is escaped on its own, so only our line breaks separate them. */
function details(f: DriftFinding): string {
  const ids = f.requests.map((r) => r.requestId).filter((id): id is string => id !== null);
  return [
    `${f.known ? "known " : ""}${f.history ? `${f.history.state} ` : ""}${f.severity} [${f.check}] ${xml(f.operation)} ${f.status ?? "-"} ${xml(f.pointer || "/")}: ${xml(f.example.message)}`,
    `expected ${xml(f.example.expected)}, actual ${xml(f.example.actual)}`,
    `seen in ${f.count} response(s)${ids.length > 0 ? `; request ids: ${ids.map(xml).join(", ")}` : ""}`,
    ...(f.example.curl ? [`repro: ${xml(f.example.curl)}`] : []),
    `fingerprint: ${f.fingerprint}`,
  ].join("\n");
}
