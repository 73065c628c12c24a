// `video-logs check --spec FILE` without a target: the embedded Prism mock serves that document (written to a temporary
// file of its own, removed once the mock stops), and the tour judges it by the same document.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { DriftReport } from "../src/report/report-types.ts";
import { assertBuilt, runBin } from "../test/helpers/cli.ts";
import { specWithRegion, writeSpec } from "../test/helpers/spec-variants.ts";

let dir: string;
/** The CLI's temporary folder (its TMPDIR), where the mock's copy of the document is written. */
let cliTmp: string;
let spec: string;

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), "video-logs-spec-mock-"));
  cliTmp = join(dir, "tmp");
  mkdirSync(cliTmp);
  spec = writeSpec(dir, "region.yaml", specWithRegion());
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const run = async (args: string[]) => {
  const { code, stdout, stderr } = await runBin(["check", "--spec", spec, "--format", "json", ...args], {
    TMPDIR: cliTmp,
  });
  return { code, stderr, report: JSON.parse(stdout) as DriftReport };
};

describe("check --spec without a target", { timeout: 90_000 }, () => {
  it("tours the embedded mock of that document, finds no drift, and leaves no temporary file", async () => {
    const { code, stderr, report } = await run(["--strict"]);
    expect(code).toBe(0);
    // The JSON report is on stdout, so the verdict goes to stderr.
    expect(stderr).toMatch(
      /^OK: 0 breaking, 0 additive findings; 6 requests, 6 judged: 6 conform \(mock http:\/\/127\.0\.0\.1:\d+\)\n$/,
    );
    expect(report.target.kind).toBe("mock");
    expect(report.summary).toMatchObject({ breaking: 0, additive: 0, errors: 0 });
    expect(report.summary.checked).toBeGreaterThan(3);
    expect(report.notes).toContain(`judged by the spec in ${spec} (--spec), not the built-in one`);
    expect(readdirSync(cliTmp)).toEqual([]);
  });

  it("finds the region missing in a mock of the built-in spec, so the embedded mock served the given one", async () => {
    const { code, report } = await run(["--base-url", inject("prismUrl"), "--mock"]);
    expect(code).toBe(1);
    const missing = report.exchanges.flatMap((check) =>
      check.violations.filter((v) => v.keyword === "required").map((v) => `${check.operation} ${v.pointer}`),
    );
    expect(new Set(missing.map((line) => line.replace(/\/data\/\d+\//, "/data/N/")))).toEqual(
      new Set(["get_log /region", "list_logs /data/N/region"]),
    );
  });
});
