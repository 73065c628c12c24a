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
import { DIFF_OPTIONS } from "./diff-flags.ts";
import { DIFF_HELP } from "./diff-help.ts";

export const FAIL_ON = ["breaking", "non-breaking"] as const;
export type FailOn = (typeof FAIL_ON)[number];

export async function diffCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, DIFF_OPTIONS, 1);
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
