// Reads `check --baseline FILE` before any request: a file that cannot be read or is neither form stops the command.
import { readFileSync } from "node:fs";
import { type BaselineEntry, parseBaseline } from "../check/baseline.ts";
import { CommandFailure } from "./command-failure.ts";
import { UsageError } from "./usage-error.ts";

export function readBaseline(file: string): BaselineEntry[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new CommandFailure(
      `Cannot read the baseline ${file}: ${(error as NodeJS.ErrnoException).code ?? "unreadable"}`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const entries = parseBaseline(value);
  if (!entries) {
    throw new UsageError(
      `--baseline ${file} must be an earlier JSON report (check --report json=FILE) or an ignore file`,
      `An ignore file: {"ignore": [{"check": "status-code", "operation": "list_logs", "pointer": "/data/0", "keyword": "type"}]}`,
    );
  }
  return entries;
}
