// Strict flag parsing shared by every command: unknown flags and stray arguments are usage errors.
import { parseArgs } from "node:util";
import type { WholeNumberRange } from "./flag-table.ts";
import { UsageError } from "./usage-error.ts";

type OptionSpec = Record<string, { type: "string" | "boolean"; multiple?: boolean }>;

/** The parsed flags: strings for string options (a list when repeatable), booleans for boolean ones, and `help`. */
export type FlagValues<O extends OptionSpec> = {
  [K in keyof O]?: O[K]["type"] extends "boolean" ? boolean : O[K]["multiple"] extends true ? string[] : string;
} & {
  help?: boolean;
};

export function parseCommandArgs<const O extends OptionSpec>(
  args: string[],
  options: O,
  maxPositionals = 0,
): { values: FlagValues<O>; positionals: string[] } {
  const parsed = parseStrictly(args, options);
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(`Unexpected argument ${JSON.stringify(parsed.positionals[maxPositionals])}`);
  }
  return { values: parsed.values as FlagValues<O>, positionals: parsed.positionals };
}

/** parseArgs in strict mode, with `help`; its complaint (first line, without the positional hint) as a UsageError. */
function parseStrictly<const O extends OptionSpec>(args: string[], options: O) {
  try {
    return parseArgs({
      args: attachNegativeNumbers(args, options),
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0]!.replace(/\. To specify a positional.*$/, ""));
  }
}

/**
 * `--pages -1` as `--pages=-1`: parseArgs refuses a value that starts with a dash as ambiguous, while a negative number
 * is a value, to be judged (and refused with the range message) by the flag's own reader.
 */
function attachNegativeNumbers(args: string[], options: OptionSpec): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    if (arg === "--") return [...out, ...args.slice(i)];
    const name = arg.startsWith("--") ? arg.slice(2) : undefined;
    if (name !== undefined && options[name]?.type === "string" && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/**
 * Reads a whole-number flag within the bounds of its range (a row of a defaults table); left out, the range's default,
 * or undefined when it has none.
 */
export function integerFlag(
  name: string,
  value: string | undefined,
  range: WholeNumberRange & { value: number },
): number;
export function integerFlag(name: string, value: string | undefined, range: WholeNumberRange): number | undefined;
export function integerFlag(name: string, value: string | undefined, { min, max, value: fallback }: WholeNumberRange) {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!/^-?\d+$/.test(value) || number < min || number > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return number;
}

/** Reads a flag that must be one of a few words. */
export function choiceFlag<T extends string>(
  name: string,
  value: string | undefined,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${choices.join(", ")}, got ${JSON.stringify(value)}`);
  }
  return value as T;
}
