// `video-logs diff <other.yaml|json>`: compares our spec with another OpenAPI document and exits by what it finds.
// Flags, --format/--out, exit codes and error messages are the CLI's shared ones (src/cli/).
import { type DiffReport, diffDocuments } from "../../diff/diff-documents.ts";
import { DIFF_FORMATS, formatDiffReport } from "../../diff/format.ts";
import { loadDocument } from "../../diff/load-document.ts";
import { defaultSpecPath } from "../../openapi/spec-path.ts";
import { assertWritable, type CliIo, EXIT, writeOutput } from "../io.ts";
import { choiceFlag, parseCommandArgs } from "../parse-command-args.ts";
import { assertSeparateFiles } from "../same-file.ts";
import { UsageError } from "../usage-error.ts";

export const FAIL_ON = ["breaking", "non-breaking"] as const;
export type FailOn = (typeof FAIL_ON)[number];

export const DIFF_HELP = `Usage: video-logs diff <other.yaml|json> [options]

Compares our OpenAPI spec (the base a client was built from) with another OpenAPI 3.x document
(what the server now documents) for the operations our spec describes, and classifies every
difference as breaking, non-breaking or informational.

Options:
  --format F          text (default), json or markdown
  --out FILE          write the report to FILE instead of stdout
  --fail-on LEVEL     breaking, or non-breaking (default): the lowest level that makes the command exit 1
  --ours PATH         the base document (default: the toolkit's own spec)
  --quiet             no notes on stderr; errors only
  -h, --help          this help

Exit: 0 no differences, or only informational ones (or only non-breaking ones with --fail-on breaking),
1 differences at or above the --fail-on level, 2 usage error, or a document that cannot be read or is not OpenAPI 3.x.
`;

export async function diffCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      format: { type: "string" },
      out: { type: "string" },
      "fail-on": { type: "string" },
      ours: { type: "string" },
      quiet: { type: "boolean" },
    },
    1,
  );
  if (values.help) {
    io.stdout.write(DIFF_HELP);
    return EXIT.ok;
  }
  const format = choiceFlag("format", values.format, DIFF_FORMATS, "text");
  const failOn = choiceFlag("fail-on", values["fail-on"], FAIL_ON, "non-breaking");
  const [theirsPath] = positionals;
  if (theirsPath === undefined) throw new UsageError("Missing the document to compare with");
  if (values.out) assertWritable(values.out);
  const oursPath = values.ours ?? defaultSpecPath();
  // The report never goes over a document it compares.
  assertSeparateFiles(
    [
      { name: "the document it compares", file: theirsPath },
      { name: values.ours === undefined ? "the toolkit's spec" : "the file --ours reads", file: oursPath },
    ],
    [{ name: "--out", file: values.out || undefined }],
  );

  // A document that cannot be read or understood throws a DocumentError: exit 2, without the usage hint.
  const [ours, theirs] = await Promise.all([loadDocument(oursPath, "ours"), loadDocument(theirsPath, "theirs")]);
  const report = diffDocuments(ours, theirs);
  writeOutput(io, formatDiffReport(report, format), values.out, { quiet: values.quiet });
  return exitCodeForDiff(report, failOn);
}

function exitCodeForDiff(report: DiffReport, failOn: FailOn): number {
  const { breaking, nonBreaking } = report.summary;
  if (breaking > 0) return EXIT.drift;
  if (failOn === "non-breaking" && nonBreaking > 0) return EXIT.drift;
  return EXIT.ok;
}
