// The Overlay 1.0.0 document of a proposal, and its YAML. Overlay 1.0.0 requires at least one action: with nothing
// to propose, the document holds one action that changes nothing, so that a run always leaves an applicable file.
import type { OpenApiDocument } from "../openapi/openapi-document.ts";
import { safeYaml } from "../report/escape-yaml.ts";
import type { NotProposed, OverlayAction } from "./overlay-action.ts";
import { defuseRef } from "./unappliable-text.ts";

export interface OverlayDocument {
  overlay: "1.0.0";
  info: { title: string; version: string };
  actions: OverlayAction[];
  /** Findings that no spec change can answer (bodies that are not JSON…), with their evidence. */
  "x-not-proposed"?: NotProposed[];
}

/** The action written when nothing needs proposing: an empty update of `info`, which every Overlay tool applies as a no-op. */
export const NOTHING_TO_PROPOSE: OverlayAction = {
  target: "$.info",
  description: "Nothing to propose: every observed JSON response is valid for the spec. This action changes nothing.",
  update: {},
};

export function overlayDocument(
  spec: OpenApiDocument,
  actions: OverlayAction[],
  notProposed: NotProposed[],
): OverlayDocument {
  const title = typeof spec.info?.title === "string" ? spec.info.title : "the API";
  const version = typeof spec.info?.version === "string" ? spec.info.version : "0.0.0";
  return {
    overlay: "1.0.0",
    info: { title: `Changes to ${title} proposed from observed responses`, version },
    // A description quotes server text as plain text (request ids, example values): defused, as what is not proposed
    // (names, recorded URLs) is, so that openapi-format still reads the file.
    actions: actions.length > 0 ? actions.map(defusedAction) : [NOTHING_TO_PROPOSE],
    ...(notProposed.length > 0 ? { "x-not-proposed": notProposed.map(defusedEntry) } : {}),
  };
}

/**
 * YAML with no line folding and no anchors, so equal documents are equal bytes. Its strings are plain text: YAML's own
 * escapes, never another format's, keep what a terminal would act on out of its text (see escape-yaml.ts). It reads
 * the same under YAML 1.1 (js-yaml, which Redocly uses) as under YAML 1.2.
 */
export function overlayYaml(document: OverlayDocument): string {
  return safeYaml(document, { yaml11: true });
}

const defusedAction = (action: OverlayAction): OverlayAction => ({
  ...action,
  description: defuseRef(action.description),
});

const defusedEntry = (entry: NotProposed): NotProposed => ({
  ...entry,
  where: defuseRef(entry.where),
  reason: defuseRef(entry.reason),
  requests: entry.requests.map(defuseRef),
});
