// Parses the arguments of `video-logs diff` into options, or a one-line reason why they are wrong.
import { parseArgs } from "node:util";
import { defaultSpecPath } from "../openapi/spec-path.ts";
import { FORMATS, type OutputFormat } from "./format.ts";

export const FAIL_ON = ["breaking", "non-breaking"] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface DiffOptions {
  help: boolean;
  theirsPath: string;
  oursPath: string;
  format: OutputFormat;
  failOn: FailOn;
}

export type ParsedOptions = { ok: true; options: DiffOptions } | { ok: false; error: string };

export function parseDiffOptions(args: string[]): ParsedOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        format: { type: "string" },
        "fail-on": { type: "string" },
        ours: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    return { ok: false, error: describeParseError(error) };
  }
  const { values, positionals } = parsed;
  const help = values.help === true;
  const format = values.format ?? "text";
  const failOn = values["fail-on"] ?? "non-breaking";
  if (!isOneOf(FORMATS, format)) return { ok: false, error: `--format must be text, json or markdown, not "${format}"` };
  if (!isOneOf(FAIL_ON, failOn)) return { ok: false, error: `--fail-on must be breaking or non-breaking, not "${failOn}"` };
  if (help) return { ok: true, options: { help, theirsPath: "", oursPath: defaultSpecPath(), format, failOn } };
  if (positionals.length === 0) return { ok: false, error: "missing the document to compare with" };
  if (positionals.length > 1) return { ok: false, error: `expected one document to compare with, got ${positionals.length}` };
  return { ok: true, options: { help, theirsPath: positionals[0] ?? "", oursPath: values.ours ?? defaultSpecPath(), format, failOn } };
}

function isOneOf<T extends string>(allowed: readonly T[], value: string): value is T {
  return (allowed as readonly string[]).includes(value);
}

/** parseArgs' own messages run to several sentences; these say the same in one clause. */
function describeParseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option ${option}`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return `option ${option} needs a value`;
  return message.split(/\.\s/, 1)[0] ?? message;
}
