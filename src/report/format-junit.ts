// JUnit XML: one testcase per check, so CI systems show drift as failed tests.

import { xmlText as xml } from "./escape-xml.ts";
import { type DriftReport, describeTarget } from "./report-types.ts";

export function formatJunit(report: DriftReport): string {
  const failing = (c: DriftReport["checks"][number]) =>
    c.error !== undefined || c.violations.some((v) => !v.known && (v.kind === "breaking" || report.strict));
  const failures = report.checks.filter(failing).length;
  const cases = report.checks.map((check) => {
    const open = `    <testcase classname="video-logs.${xml(check.operation)}" name="${xml(check.name)}" time="${(check.durationMs / 1000).toFixed(3)}"`;
    // Each server-sent field is escaped on its own, so only our own line breaks separate the lines.
    const details = [
      ...check.violations.map(
        (v) =>
          `${v.known ? "known " : ""}${xml(v.kind)} [${xml(v.check)}] ${xml(v.pointer || "/")}: ${xml(v.message)} (expected ${xml(v.expected)}, actual ${xml(v.actual)})`,
      ),
      ...(check.error ? [`no response: ${xml(check.error)}`] : []),
      ...(check.requestId ? [`request id: ${xml(check.requestId)}`] : []),
      `repro: ${xml(check.curl)}`,
    ].join("\n");
    if (!failing(check)) {
      const additive = check.violations.length ? `\n      <system-out>${details}</system-out>\n    </testcase>` : "";
      return additive ? `${open}>${additive}` : `${open}/>`;
    }
    const first =
      check.error ?? (check.violations[0] ? `${check.violations[0].check}: ${check.violations[0].message}` : "drift");
    return `${open}>\n      <failure message="${xml(first)}" type="${check.error ? "no-response" : "drift"}">${details}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="video-logs drift check" tests="${report.checks.length}" failures="${failures}" time="${(report.durationMs / 1000).toFixed(3)}">`,
    `  <testsuite name="${xml(describeTarget(report.target))}" tests="${report.checks.length}" failures="${failures}" timestamp="${report.startedAt}">`,
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}
