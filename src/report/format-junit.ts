// JUnit XML: one testcase per check, so CI systems show drift as failed tests.
import type { DriftReport } from "../check/report-types.ts";

function xml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    // XML 1.0 cannot carry most control characters at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
}

export function formatJunit(report: DriftReport): string {
  const failing = (c: DriftReport["checks"][number]) =>
    c.error !== undefined || c.violations.some((v) => v.kind === "breaking" || report.strict);
  const failures = report.checks.filter(failing).length;
  const cases = report.checks.map((check) => {
    const open = `    <testcase classname="video-logs.${xml(check.operation)}" name="${xml(check.name)}" time="${(check.durationMs / 1000).toFixed(3)}"`;
    const details = [
      ...check.violations.map((v) => `${v.kind} ${v.pointer || "/"}: ${v.message} (expected ${v.expected}, actual ${v.actual})`),
      ...(check.error ? [`no response: ${check.error}`] : []),
      `repro: ${check.curl}`,
    ].join("\n");
    if (!failing(check)) {
      const additive = check.violations.length ? `\n      <system-out>${xml(details)}</system-out>\n    </testcase>` : "";
      return additive ? `${open}>${additive}` : `${open}/>`;
    }
    const first = check.error ?? check.violations[0]?.message ?? "drift";
    return `${open}>\n      <failure message="${xml(first)}" type="${check.error ? "no-response" : "drift"}">${xml(details)}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="video-logs drift check" tests="${report.checks.length}" failures="${failures}" time="${(report.durationMs / 1000).toFixed(3)}">`,
    `  <testsuite name="${xml(`${report.target.kind} ${report.target.baseUrl}`)}" tests="${report.checks.length}" failures="${failures}" timestamp="${report.startedAt}">`,
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}
