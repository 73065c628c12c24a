// `video-logs spec`: prints one of the four spec files the package ships (src/openapi/shipped-spec.ts), byte for byte.
import { readFileSync } from "node:fs";
import {
  SPEC_FORMATS,
  SPEC_VERSIONS,
  type SpecFormat,
  type SpecVersion,
  shippedSpecPath,
} from "../../openapi/shipped-spec.ts";
import { CommandFailure } from "../command-failure.ts";
import { assertWritable, type CliIo, EXIT, writeOutput } from "../io.ts";
import { choiceFlag, parseCommandArgs } from "../parse-command-args.ts";
import { assertSeparateFiles } from "../same-file.ts";
import { SPEC_COMMAND_OPTIONS } from "./spec-flags.ts";
import { SPEC_COMMAND_HELP } from "./spec-help.ts";

export async function specCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, SPEC_COMMAND_OPTIONS);
  if (values.help) {
    io.stdout.write(SPEC_COMMAND_HELP);
    return EXIT.ok;
  }
  const version = choiceFlag("openapi", values.openapi, SPEC_VERSIONS, "3.1");
  const format = choiceFlag("format", values.format, SPEC_FORMATS, "json");
  const source = shippedFile(version, format);
  if (values.out) assertWritable(values.out, "the spec");
  // The package's own copy is never written over.
  assertSeparateFiles(
    [{ name: "the spec it prints", file: source }],
    [{ name: "--out", file: values.out || undefined }],
  );
  writeOutput(io, readFileSync(source, "utf8"), values.out, { quiet: values.quiet, written: "Spec written" });
  return EXIT.ok;
}

/** The shipped file's path; in a clone not built yet there is none, and the message says how to make it. */
function shippedFile(version: SpecVersion, format: SpecFormat): string {
  try {
    return shippedSpecPath(version, format);
  } catch {
    throw new CommandFailure(
      `The bundled spec (OpenAPI ${version}, ${format}) is missing from this copy of the toolkit: \`npm run build\` writes it`,
    );
  }
}
