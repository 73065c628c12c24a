// Every numeric flag of every command, the spec-derived ones included, answers a negative number with its range
// message (issue #18), not with parseArgs' "argument is ambiguous".
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import { getByIdOperations, operationOf, parametersIn } from "../../src/operations/operation-table.ts";
import { captureIo } from "../diff/helpers.ts";

const integerFlagsOf = (operationId: string) =>
  parametersIn(operationOf(operationId as never), "query")
    .filter((p) => (p.schema as { type?: unknown } | undefined)?.type === "integer")
    .map((p) => `--${p.name.replace(/_/g, "-")}`);

const listOperation = operationOf("list_logs").operationId;
const getOperation = getByIdOperations().find((op) => op.getById!.list === listOperation)!.operationId;

const FLAGS: [string, string[]][] = [
  ["check", ["--pages", "--sample", "--timeout"]],
  ["list", ["--limit", ...integerFlagsOf(listOperation)]],
  ["get", integerFlagsOf(getOperation)],
  ["mock", ["--port", "--seed"]],
];
const cases = FLAGS.flatMap(([command, flags]) =>
  flags.flatMap((flag) => ["-1", "-30000"].map((value) => ({ command, flag, value }))),
);

describe("negative numbers on the command line", () => {
  it("covers the spec-derived integer flags of list", () => {
    expect(integerFlagsOf(listOperation)).toEqual(expect.arrayContaining(["--page-size"]));
  });

  it.each(cases)("$command $flag $value gets the flag's range message and exit 2", async ({ command, flag, value }) => {
    const captured = captureIo();
    const args = command === "get" ? ["an-id", flag, value] : [flag, value];
    const code = await runCli([command, ...args], { ...captured.io, env: { SIGNALWIRE_SPACE: "example" } });
    expect(code).toBe(2);
    const [first] = captured.stderr().split("\n");
    expect(first).toMatch(
      new RegExp(`^video-logs: ${flag} must be a whole number from -?\\d+ to \\d+, got "${value}"$`),
    );
  });

  it("still takes a negative number written with =, and leaves a value after -- alone", async () => {
    const captured = captureIo();
    expect(await runCli(["check", "--pages=-2"], captured.io)).toBe(2);
    expect(captured.stderr()).toContain('--pages must be a whole number from 1 to 100, got "-2"');
    const after = captureIo();
    expect(await runCli(["diff", "--", "-1"], after.io)).toBe(2);
    expect(after.stderr()).toContain('cannot read theirs document "-1"');
  });
});
