// The findings as annotations on the spec's lines: at most `max`, the most severe first, and a notice saying how many
// were left out. GitHub shows 10 errors and 10 warnings of a step (50 per job); the log keeps every one written.
import type { AnnotatedFinding } from "./outcome.ts";
import type { SourceLocation } from "./sarif-locations.ts";
import { type Annotation, annotationCommand } from "./workflow-commands.ts";

/** An annotation's message is cut here: a server's message could be megabytes long. */
const MAX_MESSAGE = 2000;

const SEVERITY = { error: 0, warning: 1, notice: 2 } as const;

export function annotationLines(
  findings: AnnotatedFinding[],
  locations: Map<string, SourceLocation>,
  defaultFile: string | undefined,
  max: number,
): string[] {
  const ordered = [...findings].sort((a, b) => SEVERITY[a.level] - SEVERITY[b.level]);
  const shown = ordered.slice(0, max).map((finding): Annotation => {
    const { fingerprint, ...rest } = finding;
    const location = fingerprint === undefined ? undefined : locations.get(fingerprint);
    const message = rest.message.length > MAX_MESSAGE ? `${rest.message.slice(0, MAX_MESSAGE)}…` : rest.message;
    return { ...rest, message, ...(location ?? (defaultFile ? { file: defaultFile } : {})) };
  });
  const lines = shown.map(annotationCommand);
  const left = ordered.length - shown.length;
  if (left > 0) {
    lines.push(
      annotationCommand({
        level: "notice",
        title: "video-logs",
        message: `${left} more finding${left === 1 ? "" : "s"} not annotated (at most ${max}): the job summary lists them all`,
      }),
    );
  }
  return lines;
}
