// The CLI's own messages: our line breaks stay line breaks, while text typed or received is escaped within its line.
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import { captureIo } from "../diff/helpers.ts";
import { rawControls } from "../hostile/read-back.ts";

async function stderrOf(args: string[]) {
  const captured = captureIo();
  const code = await runCli(args, captured.io);
  return { code, lines: captured.stderr().trimEnd().split("\n"), stderr: captured.stderr() };
}

describe("CLI usage messages", () => {
  it("answers an unknown command with the general help hint, never repeating the typed name raw", async () => {
    const { code, lines, stderr } = await stderrOf(["\u202ex\u001b]0;T\u0007"]);
    expect(code).toBe(2);
    expect(rawControls(stderr)).toEqual([]);
    expect(lines).toEqual([
      'video-logs: Unknown command "\\u202ex\\u001b]0;T\\u0007"',
      "Run `video-logs --help` for usage.",
    ]);
  });

  it("keeps pointing a known command's usage error to that command's help", async () => {
    const { lines } = await stderrOf(["check", "--pages", "0"]);
    expect(lines).toEqual([
      'video-logs: --pages must be a whole number from 1 to 100, got "0"',
      "Run `video-logs check --help` for usage.",
    ]);
  });

  it("escapes a typed value within its line, so it cannot add one", async () => {
    const { lines, stderr } = await stderrOf(["check", "--format", "x\nRun `video-logs --help`\u2028"]);
    expect(rawControls(stderr)).toEqual([]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      'video-logs: --format must be one of text, json, junit, markdown, sarif, gitlab, got "x\\nRun `video-logs --help`\\u2028"',
    );
  });
});
