// What `get` and `list` say on stderr about the data they printed: each finding once, grouped by fingerprint as the
// drift check groups its findings (the same identity: check, operation, status, pointer with `*` for array indices,
// keyword), with how many times it was seen, and the exit status it gives.
import type { ValidatedResponse } from "../client/settle-exchange.ts";
import type { ContractViolationError } from "../errors/contract-violation-error.ts";
import { checkOfViolation, type DriftFinding, foundBy } from "../findings/finding.ts";
import { groupFindings, type JudgedExchange } from "../findings/group-findings.ts";
import { escapeTerminal as t } from "../report/escape-terminal.ts";
import type { Violation } from "../validation/violation.ts";
import { EXIT } from "./io.ts";

/** An item of a listing's page: `/data/3/…`, the pointer under the page's `data` array. */
const ITEM = /^\/data\/(0|[1-9]\d*)(?:\/|$)/;

interface Seen {
  response: ValidatedResponse;
  /** How many of the response's items were printed (a listing's page). */
  printed: number;
}

export interface FindingsVerdict {
  /** `--validation strict`: an additive finding fails the run too. */
  strict: boolean;
  /** `--quiet`: a finding that does not fail the run is left out. */
  quiet: boolean;
}

export class ReadFindings {
  readonly #seen: Seen[] = [];

  /**
   * @param perItem a listing: a page's findings inside an item count only for the items printed (`--limit` may stop
   *   inside a page); the page's own findings always count
   */
  constructor(private readonly perItem = false) {}

  /** Each validated response, as the client's `onValidated` hands it over. */
  readonly add = (response: ValidatedResponse): void => {
    this.#seen.push({ response, printed: 0 });
  };

  /** A body the client refused to hand over (not JSON): its violations, as its error states them. */
  addError(error: ContractViolationError): void {
    const operationId = error.operation as ValidatedResponse["operationId"];
    this.add({ operationId, status: error.status, requestId: undefined, violations: error.violations });
  }

  /** One more item of the latest response was printed. */
  printedItem(): void {
    const latest = this.#seen.at(-1);
    if (latest) latest.printed++;
  }

  /** Every finding once, breaking first. */
  findings(): DriftFinding[] {
    return groupFindings(this.#seen.flatMap((seen) => this.#judged(seen)));
  }

  /** Writes one line per finding (those that fail the run only, with `quiet`) and returns the exit status. */
  write(stderr: NodeJS.WritableStream, { strict, quiet }: FindingsVerdict): number {
    const findings = this.findings();
    const fails = (finding: DriftFinding) => finding.severity === "breaking" || strict;
    for (const finding of findings) if (fails(finding) || !quiet) stderr.write(`${findingLine(finding)}\n`);
    return findings.some(fails) ? EXIT.drift : EXIT.ok;
  }

  /**
   * A response as the findings grouping reads it: one part per printed item of a listing (so a finding counts the logs
   * that show it, as the drift check counts responses) and one for the rest of the body.
   */
  #judged({ response, printed }: Seen): JudgedExchange[] {
    const parts = new Map<string, Violation[]>();
    for (const violation of response.violations) {
      const item = this.perItem ? ITEM.exec(violation.pointer) : null;
      if (item !== null && Number(item[1]) >= printed) continue;
      const key = item === null ? "body" : item[1]!;
      const part = parts.get(key);
      if (part) part.push(violation);
      else parts.set(key, [violation]);
    }
    return [...parts.values()].map((violations) => ({
      operation: response.operationId,
      status: response.status,
      requestId: response.requestId ?? null,
      curl: "",
      violations: violations.map((violation) => foundBy(checkOfViolation(violation), violation)),
    }));
  }
}

/** `breaking list_logs /data/*\/charge: <the first occurrence's message> (seen 20 times)`, escaped for a terminal. */
export function findingLine(finding: DriftFinding): string {
  const times = finding.count > 1 ? ` (seen ${finding.count} times)` : "";
  return `${finding.severity} ${t(finding.operation)} ${t(finding.pointer || "/")}: ${t(finding.example.message)}${times}`;
}
