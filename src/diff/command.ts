// `video-logs diff <other.yaml|json>`: compares our spec with another OpenAPI document and exits by what it finds.
import { EXIT, type CliIo } from "../cli/io.ts";
import { diffDocuments, type DiffReport } from "./diff-documents.ts";
import { formatReport } from "./format.ts";
import { DocumentError, loadDocument } from "./load-document.ts";
import { parseDiffOptions, type FailOn } from "./options.ts";

export const DIFF_USAGE = `Usage: video-logs diff <other.yaml|json> [--format text|json|markdown]
                       [--fail-on breaking|non-breaking] [--ours <path>]

Compares our OpenAPI spec (the base a client was built from) with another OpenAPI 3.x document
(what the server now documents) for the video-log operations, and classifies every difference
as breaking, non-breaking or informational.

Options:
  --format <text|json|markdown>       Output format (default: text).
  --fail-on <breaking|non-breaking>   Lowest level that makes the command exit 1 (default: non-breaking).
  --ours <path>                       The base document (default: openapi/video-logs.openapi.yaml).
  -h, --help                          Show this help.

Exit codes:
  0  no differences, or only informational ones (or only non-breaking ones with --fail-on breaking)
  1  differences at or above the --fail-on level
  2  usage error, or a document that cannot be read or is not OpenAPI 3.x
`;

export async function diffCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseDiffOptions(args);
  if (!parsed.ok) {
    io.stderr.write(`video-logs diff: ${parsed.error} (see video-logs diff --help)\n`);
    return EXIT.usage;
  }
  const { options } = parsed;
  if (options.help) {
    io.stdout.write(DIFF_USAGE);
    return EXIT.ok;
  }
  try {
    const [ours, theirs] = await Promise.all([loadDocument(options.oursPath, "ours"), loadDocument(options.theirsPath, "theirs")]);
    const report = diffDocuments(ours, theirs);
    io.stdout.write(formatReport(report, options.format));
    return exitCodeFor(report, options.failOn);
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
    io.stderr.write(`video-logs diff: ${error.message}\n`);
    return EXIT.usage;
  }
}

export function exitCodeFor(report: DiffReport, failOn: FailOn): number {
  const { breaking, nonBreaking } = report.summary;
  if (breaking > 0) return EXIT.drift;
  if (failOn === "non-breaking" && nonBreaking > 0) return EXIT.drift;
  return EXIT.ok;
}
