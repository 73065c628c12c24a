// Which tests a module group's mutants run against (scripts/lib/mutation-tests.mjs): the in-process test files that
// import one of its modules, themselves or through a test helper; never a file that runs the built CLI.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { groupSlug, groupTestFiles, inProcessTestFiles } from "../../scripts/lib/mutation-tests.mjs";

const root = mkdtempSync(join(tmpdir(), "mutation-tests-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(file: string, text: string) {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}

write("test/validation/direct.test.ts", 'import { explain } from "../../src/validation/explain-errors.ts";\n');
write("test/client/through-helper.test.ts", 'import { judged } from "../helpers/judging.ts";\n');
write("test/helpers/judging.ts", 'export { a } from "./deeper.ts";\n');
write("test/helpers/deeper.ts", 'const m = await import("../../src/validation/violation.ts");\n');
write("test/cli/built.test.ts", 'import "../../src/validation/explain-errors.ts";\nawait runBin(["check"]);\n');
write("test/findings/other.test.ts", 'import { fingerprintOf } from "../../src/findings/fingerprint.ts";\n');
write("test/validation/not-a-test.ts", 'import "../../src/validation/violation.ts";\n');
write("test/unrelated.test.ts", 'import "../src/validationish/x.ts";\n');

describe("the tests a group's mutants run", () => {
  it("are the in-process test files reaching the group's modules, directly or through test helpers", () => {
    expect(groupTestFiles(root, "validation")).toEqual([
      "test/client/through-helper.test.ts",
      "test/validation/direct.test.ts",
    ]);
    expect(groupTestFiles(root, "findings")).toEqual(["test/findings/other.test.ts"]);
    expect(groupTestFiles(root, "redaction")).toEqual([]);
  });

  it("never include a file that runs the built CLI, which judges dist/ and not the mutated src/", () => {
    expect(inProcessTestFiles(root).sort()).toEqual([
      "test/client/through-helper.test.ts",
      "test/findings/other.test.ts",
      "test/unrelated.test.ts",
      "test/validation/direct.test.ts",
    ]);
  });

  it("refuses a group the groups file does not name, and names each group's files with dashes", () => {
    expect(() => groupTestFiles(root, "validations")).toThrow(/no mutation group "validations"/);
    expect(groupSlug("check judging")).toBe("check-judging");
    expect(groupSlug("proposal verification")).toBe("proposal-verification");
  });
});
