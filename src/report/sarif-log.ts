// The parts of a SARIF 2.1.0 log the check's and the diff's reports share: the log around one run, a location in the
// spec with its logical locations, and message text bounded. Server text in messages is already redacted by the report
// it comes from; JSON escaping (safeJson) is the only escaping SARIF needs.
import type { Location, Log, Notification, ReportingDescriptor, Result } from "sarif";
import { VERSION } from "../version.ts";
import { safeJson } from "./escape-json.ts";
import type { SpecLocations } from "./spec-locations.ts";

/** The schema a SARIF 2.1.0 log names (OASIS' published copy). */
const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/** The longest message text a result carries, in characters; longer is cut with an ellipsis. */
export const MAX_MESSAGE_LENGTH = 2000;

/** The key of a result's partial fingerprint: ours, versioned with the fingerprints' canonical string. */
export const FINGERPRINT_KEY = "videoLogs/v1";

export interface SarifRun {
  rules: ReportingDescriptor[];
  results: Result[];
  /** Remarks about the run that are not results (a check skipped, the budget spent). */
  notes: string[];
  /** False when the run did not finish (interrupted, requests unanswered). */
  complete: boolean;
}

/** The SARIF log of one run of the `video-logs` tool, as JSON text. */
export function formatSarifLog(run: SarifRun): string {
  const notifications: Notification[] = run.notes.map((note) => ({ level: "note", message: { text: bounded(note) } }));
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: { name: "video-logs", semanticVersion: VERSION, version: VERSION, rules: run.rules },
        },
        invocations: [{ executionSuccessful: run.complete, toolExecutionNotifications: notifications }],
        columnKind: "utf16CodeUnits",
        results: run.results,
      },
    ],
  };
  return `${safeJson(log, 2)}\n`;
}

/** A location in the spec: the node at `pointer` (through `$ref`s), and the operation and pointer as logical locations. */
export function specLocation(
  spec: SpecLocations,
  pointer: string,
  logical: { operation?: string; pointer: string },
): Location {
  const { position } = spec.positions.locate(pointer);
  return {
    physicalLocation: {
      artifactLocation: { uri: spec.uri },
      region: { startLine: position.line, startColumn: position.column },
    },
    logicalLocations: [
      ...(logical.operation === undefined ? [] : [{ name: logical.operation, kind: "function" }]),
      {
        name: logical.pointer || "/",
        fullyQualifiedName: `${logical.operation ?? ""}#${logical.pointer}`,
        kind: "member",
      },
    ],
  };
}

/** Text cut to MAX_MESSAGE_LENGTH characters (whole code points), with `…` when cut. */
export function bounded(text: string, max = MAX_MESSAGE_LENGTH): string {
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max - 1).join("")}…`;
}
