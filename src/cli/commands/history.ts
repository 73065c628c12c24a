// `video-logs history FILE`: the drift history `check --history FILE` keeps, a row per finding, in text, Markdown or
// JSON. It only reads the file.
import { existsSync } from "node:fs";
import { formatHistory, HISTORY_FORMATS } from "../../history/format-history.ts";
import { readHistory } from "../../history/history-file.ts";
import { isHistoryFileError } from "../../history/history-file-error.ts";
import { emptyHistory } from "../../history/history-types.ts";
import { historyView } from "../../history/history-view.ts";
import { CommandFailure } from "../command-failure.ts";
import { assertWritable, type CliIo, EXIT, writeOutput } from "../io.ts";
import { choiceFlag, parseCommandArgs } from "../parse-command-args.ts";
import { UsageError } from "../usage-error.ts";
import { HISTORY_OPTIONS } from "./history-flags.ts";
import { HISTORY_HELP } from "./history-help.ts";

export async function historyCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, HISTORY_OPTIONS, 1);
  if (values.help) {
    io.stdout.write(HISTORY_HELP);
    return EXIT.ok;
  }
  const format = choiceFlag("format", values.format, HISTORY_FORMATS, "text");
  const [file] = positionals;
  if (file === undefined) throw new UsageError("Missing the history file (the FILE of check --history FILE)");
  if (values.out) assertWritable(values.out, "the history's view");
  let history: Awaited<ReturnType<typeof readHistory>>;
  try {
    history = await readHistory(file);
  } catch (error) {
    if (isHistoryFileError(error)) throw new CommandFailure(error.message);
    throw error;
  }
  if (history === undefined && !existsSync(file))
    throw new CommandFailure(`No history at ${file}: \`video-logs check --history ${file}\` starts one`);
  const output = formatHistory(historyView(history ?? emptyHistory()), format);
  writeOutput(io, output, values.out, { quiet: values.quiet, written: "History written" });
  return EXIT.ok;
}
