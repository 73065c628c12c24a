// `video-logs diff <other.yaml|json>`: compares our spec with another OpenAPI document and exits by what it finds.
// Flags, --format/--out, exit codes and error messages are the CLI's shared ones (src/cli/).
import { type DiffReport, diffDocuments } from "../../diff/diff-documents.ts";
import { DIFF_FORMATS, formatDiffReport, LOCATED_DIFF_FORMATS } from "../../diff/format.ts";
import { loadDocument } from "../../diff/load-document.ts";
import { defaultSpecPath } from "../../openapi/spec-path.ts";
import { readSpecLocations } from "../../report/spec-locations.ts";
import { type CliIo, EXIT, writeOutput } from "../io.ts";
import { choiceFlag, parseCommandArgs } from "../parse-command-args.ts";
import { reportTargets } from "../report-targets.ts";
import { assertSeparateFiles } from "../same-file.ts";
import { sarifRoot } from "../sarif-root.ts";
import { UsageError } from "../usage-error.ts";

export const FAIL_ON = ["breaking", "non-breaking"] as const;
export type FailOn = (typeof FAIL_ON)[number];

export const DIFF_HELP = `Usage: video-logs diff <other.yaml|json> [options]

Compares our OpenAPI spec (the base a client was built from) with another OpenAPI 3.x document
(what the server now documents) for the operations our spec describes, and classifies every
difference as breaking, non-breaking or informational.

Options:
  --report F=FILE     write a report in format F (text, json, markdown, sarif or gitlab) to FILE (\`-\`: stdout, for
                      one report at most); repeatable: --report sarif=diff.sarif --report markdown=diff.md
  --format F          text (default), json, markdown, sarif or gitlab
  --out FILE          write the report to FILE instead of stdout (--format F --out FILE is --report F=FILE)
  --sarif-root DIR    the folder the sarif and gitlab reports' file paths are relative to (default: the working
                      directory); they point each difference at its line in theirs, the place in ours beside it
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
      report: { type: "string", multiple: true },
      format: { type: "string" },
      out: { type: "string" },
      "sarif-root": { type: "string" },
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
  const reports = reportTargets(values, DIFF_FORMATS);
  const failOn = choiceFlag("fail-on", values["fail-on"], FAIL_ON, "non-breaking");
  const root = sarifRoot(values["sarif-root"]);
  const [theirsPath] = positionals;
  if (theirsPath === undefined) throw new UsageError("Missing the document to compare with");
  const oursPath = values.ours ?? defaultSpecPath();
  // No report goes over a document it compares, nor two reports into one file.
  assertSeparateFiles(
    [
      { name: "the document it compares", file: theirsPath },
      { name: values.ours === undefined ? "the toolkit's spec" : "the file --ours reads", file: oursPath },
    ],
    reports.map((report) => ({ name: report.flag, file: report.file })),
  );

  // A document that cannot be read or understood throws a DocumentError: exit 2, without the usage hint.
  const [ours, theirs] = await Promise.all([loadDocument(oursPath, "ours"), loadDocument(theirsPath, "theirs")]);
  const report = diffDocuments(ours, theirs);
  const located = reports.some((target) => LOCATED_DIFF_FORMATS.includes(target.format));
  const specs = located
    ? { ours: readSpecLocations(oursPath, root), theirs: readSpecLocations(theirsPath, root) }
    : undefined;
  for (const { format, file } of reports)
    writeOutput(io, formatDiffReport(report, format, specs), file, { quiet: values.quiet });
  return exitCodeForDiff(report, failOn);
}

function exitCodeForDiff(report: DiffReport, failOn: FailOn): number {
  const { breaking, nonBreaking } = report.summary;
  if (breaking > 0) return EXIT.drift;
  if (failOn === "non-breaking" && nonBreaking > 0) return EXIT.drift;
  return EXIT.ok;
}
