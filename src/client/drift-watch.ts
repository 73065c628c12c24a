// The client's `onDrift`: every finding of every response it judges, grouped by fingerprint as the drift check groups
// them. The handler hears of a finding once, at its first occurrence; later ones are counted, for `driftSummary`.
import { checkOfViolation, type DriftFinding, type Finding, foundBy } from "../findings/finding.ts";
import { fingerprintOf, patternPointer } from "../findings/fingerprint.ts";
import { FindingGroups, type JudgedExchange } from "../findings/group-findings.ts";
import type { Violation } from "../validation/violation.ts";
import type { Exchange } from "./exchange.ts";
import { requestIdOf } from "./request-id.ts";
import type { SecretScrubber } from "./secret-scrubber.ts";

/** Receives each finding once, at its first occurrence (`count` 1), with the client's credentials removed. */
export type DriftHandler = (finding: DriftFinding) => void;

/** The most distinct findings one client keeps; a response's findings past it are neither kept nor handed over. */
export const MAX_DRIFT_FINDINGS = 10_000;

export interface DriftWatch {
  /** Counts the findings of one response: all its violations in strict mode, whatever the call's mode. */
  see(exchange: Exchange, violations: readonly Violation[]): void;
  /** A copy of every finding so far, breaking first, each with its count. */
  summary(): DriftFinding[];
}

/**
 * A watch for one client. A handler that throws does not fail the request it was called for: its error is emitted
 * as a process warning (`VideoLogsDriftHandlerWarning`), and the finding stays counted.
 */
export function createDriftWatch(handler: DriftHandler | undefined, scrubber: SecretScrubber): DriftWatch {
  const groups = new FindingGroups();
  let responses = 0;
  const handOver = (finding: DriftFinding) => {
    if (!handler) return;
    try {
      handler(structuredClone(finding));
    } catch (error) {
      process.emitWarning(scrubber.text(`onDrift threw: ${describe(error)}`), "VideoLogsDriftHandlerWarning");
    }
  };
  return {
    see(exchange, violations) {
      const index = responses++;
      if (violations.length === 0) return;
      const judged = judgedExchange(exchange, violations, scrubber);
      if (groups.size < MAX_DRIFT_FINDINGS) groups.add(judged, index, handOver);
      else groups.add(keptOnly(judged, groups), index);
    },
    summary: () => structuredClone(groups.findings()),
  };
}

/** A response as the grouping reads it: each violation named by its check and fingerprint, then redacted. */
function judgedExchange(
  exchange: Exchange,
  violations: readonly Violation[],
  scrubber: SecretScrubber,
): JudgedExchange {
  const operation = exchange.operationId;
  const status = exchange.response.status;
  const requestId = requestIdOf(exchange.response.headers);
  // The fingerprint is taken before redaction, as the drift check's report builder does, so both name a drift alike.
  const named = violations.map((violation): Finding => {
    const check = checkOfViolation(violation);
    const pointer = patternPointer(violation.pointer);
    return {
      ...foundBy(check, violation),
      fingerprint: fingerprintOf({ check, operation, status, pointer, keyword: violation.keyword }),
    };
  });
  return {
    operation,
    status,
    requestId: requestId === undefined ? null : scrubber.text(requestId),
    curl: "",
    violations: scrubber.fields(named),
  };
}

/** Past the cap, only the occurrences of findings already kept are counted. */
function keptOnly(judged: JudgedExchange, groups: FindingGroups): JudgedExchange {
  return { ...judged, violations: judged.violations.filter((finding) => groups.has(finding.fingerprint!)) };
}

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
