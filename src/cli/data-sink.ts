// Where `get` and `list` write their data: stdout, or `--out FILE` written as the data arrives.
import { closeSync, openSync, writeSync } from "node:fs";
import { assertWritable, type CliIo } from "./io.ts";

export interface DataSink {
  write(text: string): void;
  close(): void;
}

/** Checks `--out FILE` before any request is sent; the file is created (or emptied) then. */
export function openDataSink(io: CliIo, file: string | undefined): DataSink {
  if (file === undefined) return { write: (text) => void io.stdout.write(text), close: () => {} };
  assertWritable(file, "the output");
  const fd = openSync(file, "w");
  let open = true;
  return {
    write: (text) => void writeSync(fd, text),
    close: () => {
      if (open) closeSync(fd);
      open = false;
    },
  };
}
