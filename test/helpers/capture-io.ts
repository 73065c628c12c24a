// An io for running the CLI in this process: its stdout and stderr captured as text, no environment.
import { PassThrough } from "node:stream";
import type { CliIo } from "../../src/cli/io.ts";

export interface CapturedIo {
  io: CliIo;
  stdout: () => string;
  stderr: () => string;
}

export function captureIo(): CapturedIo {
  const collect = () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
  };
  const out = collect();
  const err = collect();
  return { io: { stdout: out.stream, stderr: err.stream, env: {} }, stdout: out.text, stderr: err.text };
}
