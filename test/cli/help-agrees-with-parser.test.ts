// Each command's help and its flag parser come from one table (src/cli/flag-table.ts): the help lists every flag the
// parser accepts and no other, states each whole number's range and default as the defaults tables hold them, and the
// parser refuses a number outside that range with the range message.

import { describe, expect, it } from "vitest";
import { MIN_COVERAGE, SEED_RANGE, TOUR_DEFAULTS } from "../../src/check/tour-defaults.ts";
import { CHECK_FLAGS, CHECK_OPTIONS, MAX_RECORDING_BYTES_RANGE } from "../../src/cli/commands/check-flags.ts";
import { DIFF_FLAGS, DIFF_OPTIONS } from "../../src/cli/commands/diff-flags.ts";
import { HISTORY_FLAGS, HISTORY_OPTIONS } from "../../src/cli/commands/history-flags.ts";
import { MOCK_DEFAULTS, MOCK_FLAGS, MOCK_OPTIONS } from "../../src/cli/commands/mock-flags.ts";
import { PROXY_DEFAULTS, PROXY_FLAGS, PROXY_OPTIONS } from "../../src/cli/commands/proxy-flags.ts";
import { GET_FLAGS, GET_OPTIONS, LIMIT_RANGE, LIST_FLAGS, LIST_OPTIONS } from "../../src/cli/commands/read-flags.ts";
import { SPEC_COMMAND_FLAGS, SPEC_COMMAND_OPTIONS } from "../../src/cli/commands/spec-flags.ts";
import type { FlagTable } from "../../src/cli/flag-table.ts";
import { HELP, runCli } from "../../src/cli/main.ts";
import { CLIENT_DEFAULTS } from "../../src/client/defaults.ts";
import { HISTORY_DEFAULTS } from "../../src/history/history-defaults.ts";
import { captureIo } from "../helpers/capture-io.ts";

/** What each command hands to the parser, and the table it comes from. */
const COMMANDS: { command: string; options: Record<string, unknown>; table: FlagTable }[] = [
  { command: "check", options: CHECK_OPTIONS, table: CHECK_FLAGS },
  { command: "get", options: GET_OPTIONS, table: GET_FLAGS },
  { command: "list", options: LIST_OPTIONS, table: LIST_FLAGS },
  { command: "mock", options: MOCK_OPTIONS, table: MOCK_FLAGS },
  { command: "history", options: HISTORY_OPTIONS, table: HISTORY_FLAGS },
  { command: "diff", options: DIFF_OPTIONS, table: DIFF_FLAGS },
  { command: "spec", options: SPEC_COMMAND_OPTIONS, table: SPEC_COMMAND_FLAGS },
  { command: "proxy", options: PROXY_OPTIONS, table: PROXY_FLAGS },
];

it("covers every command the top-level help lists", () => {
  const commands = HELP.slice(HELP.indexOf("Commands:\n")).split("\n\n")[0]!.split("\n").slice(1);
  const names = commands.map((line) => /^ {2}([a-z]+)/.exec(line)?.[1]);
  expect(names.sort()).toEqual(COMMANDS.map((row) => row.command).sort());
});

const range = ({ min, max, value }: { min: number; max: number; value: number }) => ({
  min,
  max,
  stated: `(${min} to ${max}, default ${value})`,
});

/** Every whole-number flag, with the row of the defaults table it is read with and how the help states it. */
const WHOLE_NUMBERS: { command: string; flag: string; min: number; max: number; stated: string }[] = [
  { command: "check", flag: "pages", ...range(TOUR_DEFAULTS.pages) },
  { command: "check", flag: "sample", ...range(TOUR_DEFAULTS.sample) },
  { command: "check", flag: "concurrency", ...range(TOUR_DEFAULTS.concurrency) },
  { command: "check", flag: "max-requests", ...range(TOUR_DEFAULTS.maxRequests) },
  { command: "check", flag: "timeout", ...range(TOUR_DEFAULTS.timeoutMs) },
  { command: "check", flag: "history-keep", ...range(HISTORY_DEFAULTS.keep) },
  { command: "check", flag: "max-recording-bytes", ...range(MAX_RECORDING_BYTES_RANGE) },
  { command: "check", flag: "min-coverage", ...MIN_COVERAGE, stated: "(0 to 100, default: none)" },
  { command: "check", flag: "seed", ...SEED_RANGE, stated: "(0 to 4294967295, default: random)" },
  { command: "get", flag: "timeout", ...range(CLIENT_DEFAULTS.timeoutMs) },
  { command: "list", flag: "timeout", ...range(CLIENT_DEFAULTS.timeoutMs) },
  { command: "list", flag: "limit", ...LIMIT_RANGE, stated: "(1 or more, default: all)" },
  { command: "mock", flag: "port", ...MOCK_DEFAULTS.port, stated: "(1 to 65535, default: a free one)" },
  { command: "mock", flag: "seed", ...range(MOCK_DEFAULTS.seed) },
  { command: "proxy", flag: "port", ...range(PROXY_DEFAULTS.port) },
  { command: "proxy", flag: "timeout", ...range(PROXY_DEFAULTS.timeoutMs) },
  { command: "proxy", flag: "max-body-bytes", ...range(PROXY_DEFAULTS.maxBodyBytes) },
  {
    command: "proxy",
    flag: "flush-every",
    ...PROXY_DEFAULTS.flushEverySeconds,
    stated: "(1 to 86400, default: at exit only)",
  },
];

async function run(args: string[]) {
  const captured = captureIo();
  const code = await runCli(args, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

async function helpOf(command: string): Promise<string> {
  const { code, stdout } = await run([command, "--help"]);
  expect(code).toBe(0);
  return stdout;
}

/** The help's option entries by flag name: the flag's line and its continuation lines, as one line of text. */
function optionEntries(help: string): Map<string, string> {
  const entries = new Map<string, string>();
  let current: string | undefined;
  for (const line of help.split("\n")) {
    const flag = /^ {2}(?:-\w, )?--([a-z][a-z-]*)/.exec(line)?.[1];
    if (flag !== undefined) {
      current = flag;
      entries.set(flag, line.trim());
    } else if (current !== undefined && /^ {4,}\S/.test(line)) {
      entries.set(current, `${entries.get(current)} ${line.trim()}`);
    } else current = undefined;
  }
  return entries;
}

describe.each(COMMANDS)("$command --help", ({ command, options, table }) => {
  it("lists every flag the parser accepts, and no flag it does not", async () => {
    const listed = [...optionEntries(await helpOf(command)).keys()].sort();
    expect(listed).toEqual([...new Set([...Object.keys(options), "help"])].sort());
  });

  it("starts every option's description in one column, and keeps its lines within 120 columns", async () => {
    const help = await helpOf(command);
    const columns = help
      .split("\n")
      .filter((line) => /^ {2}-/.test(line))
      .map((line) => /^ {2}\S+(?: \S+)? {2,}/.exec(line)![0].length);
    expect(new Set(columns).size).toBe(1);
    const continuations = help.split("\n").filter((line) => /^ {4,}\S/.test(line));
    for (const line of continuations) expect(line.length - line.trimStart().length).toBe(columns[0]);
    for (const line of help.split("\n")) expect(line.length).toBeLessThanOrEqual(120);
  });

  it("states each whole number's range and default as the defaults table holds them", async () => {
    const entries = optionEntries(await helpOf(command));
    const numbers = WHOLE_NUMBERS.filter((row) => row.command === command);
    // Every row of the table read as a whole number is one of these, so none is left unchecked.
    const inTable = table.flatMap((group) => group.flags.filter((row) => row.range).map((row) => row.name));
    expect(inTable.sort()).toEqual(numbers.map((row) => row.flag).sort());
    for (const { flag, stated } of numbers) expect(entries.get(flag), flag).toContain(stated);
  });
});

describe("a whole number outside its range", () => {
  const cases = WHOLE_NUMBERS.flatMap(({ command, flag, min, max }) =>
    [min - 1, max + 1].map((value) => ({ command, flag, min, max, value: String(BigInt(value)) })),
  );

  it.each(cases)(
    "$command --$flag $value is refused with its range, exit 2",
    async ({ command, flag, min, max, value }) => {
      const { code, stderr } = await run([command, ...(command === "get" ? ["an-id"] : []), `--${flag}`, value]);
      expect(code).toBe(2);
      expect(stderr.split("\n")[0]).toBe(
        `video-logs: --${flag} must be a whole number from ${min} to ${max}, got "${value}"`,
      );
    },
  );
});
