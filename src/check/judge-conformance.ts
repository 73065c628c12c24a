// The conformance checks every response goes through, each finding named: not-a-server-error, the expected status
// (named by the check the request serves), status-code for a status the spec does not declare, content-type and
// response-schema. One status gets one finding: an unexpected status the spec does not declare either is the expected-
// status finding alone, whose message says it is undeclared.
import type { Exchange } from "../client/exchange.ts";
import { judgeExchange } from "../client/judge-exchange.ts";
import type { CheckName } from "../findings/checks.ts";
import { behaviourFinding, type Finding, foundBy } from "../findings/finding.ts";
import { statusViolation } from "../validation/violation-factory.ts";

/** `application/json`, with or without parameters such as a charset. The pattern is made per call (cheap): a module's
 * constant is made once, before a test runs, so mutation testing could not tell a changed pattern from this one. */
const isJsonMediaType = (type: string) => /^application\/json\s*(;|$)/i.test(type);

/**
 * @param expectedStatus the statuses this request accepts
 * @param statusCheck the check a wrong status belongs to: `status-code` for a request that expects success,
 *   `negative-data` or `authentication` for a request built to be refused
 */
export function judgeConformance(
  exchange: Exchange,
  expectedStatus: readonly number[],
  statusCheck: CheckName,
): Finding[] {
  const { status } = exchange.response;
  const findings: Finding[] = [];
  if (status >= 500) {
    findings.push(
      behaviourFinding(
        "not-a-server-error",
        "server-error",
        "",
        `the server failed with status ${status}`,
        "no 5xx status",
        String(status),
        exchange.redactor,
      ),
    );
  }
  const unexpected = status < 500 && !expectedStatus.includes(status);
  let undeclared: string | undefined;
  for (const violation of judgeExchange(exchange, "strict")) {
    // An undeclared status is already the server-error finding for a 5xx, or part of the unexpected-status one.
    if (violation.keyword === "status") {
      if (unexpected) undeclared = violation.message;
      else if (status < 500) findings.push(foundBy("status-code", violation));
      continue;
    }
    findings.push(foundBy("response-schema", violation));
  }
  if (unexpected) {
    const violation = statusViolation(expectedStatus, status);
    findings.unshift(
      foundBy(
        statusCheck,
        undeclared === undefined ? violation : { ...violation, message: `${violation.message}; ${undeclared}` },
      ),
    );
  }
  const contentType = exchange.response.headers.get("content-type");
  if (exchange.bytes.byteLength > 0 && !isJsonMediaType(contentType ?? "")) {
    findings.push(
      behaviourFinding(
        "content-type",
        "content-type",
        "",
        "a JSON body is not sent as application/json",
        "Content-Type: application/json",
        contentType === null ? "(no Content-Type)" : contentType,
        exchange.redactor,
      ),
    );
  }
  return findings;
}
