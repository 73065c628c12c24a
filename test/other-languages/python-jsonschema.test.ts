import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import type { BundleResult } from "../../scripts/lib/bundle.ts";
import { sharedBundle } from "../helpers/shared-bundle.ts";
import { needToolchain } from "./toolchain.ts";
import { type VerdictCase, verdictCases } from "./verdict-cases.ts";

// Python's jsonschema (Draft202012Validator with a FormatChecker) judges, against the 3.1 bundle, every body ajv
// judges (harness/judge_with_jsonschema.py). Its verdict on every example and fixture must be ajv's. A format it
// cannot check is declared by the test, and only the cases that hinge on that format are excused, by name.
// Every distinct interpreter that has jsonschema is tried: the python3 on PATH, and Debian's (python3-jsonschema).

const HARNESS = fileURLToPath(new URL("./harness/judge_with_jsonschema.py", import.meta.url));
/** The python3 on PATH first, then Debian's, which python3-jsonschema installs into. */
const INTERPRETERS = ["python3", "/usr/bin/python3"];

/** Formats ajv-formats treats as annotations (any number passes), so not checking them changes no verdict. */
const ANNOTATION_ONLY_FORMATS = new Set(["double"]);

/**
 * Reviewed differences between jsonschema's format checkers and ajv-formats' on the probes of verdict-cases.ts, by
 * format. An entry must still differ while its format is checked; any difference not listed fails.
 */
const EXPECTED_DIFFERENCES: Record<string, { format: string; reason: string }> = {
  "probe: id is a UUID URN": {
    format: "uuid",
    reason: "ajv-formats' uuid accepts an `urn:uuid:` prefix; jsonschema wants the dashes of the bare form",
  },
  "probe: date-time with a space for T": {
    format: "date-time",
    reason: "ajv-formats accepts a space between date and time (an RFC 3339 5.6 note); rfc3339-validator wants T",
  },
};

interface PythonOutput {
  python: string;
  executable: string;
  jsonschema: string;
  formats_used: string[];
  unchecked_formats: string[];
  schema_errors: string[];
  results: { label: string; valid: boolean; errors: string[] }[];
}

/** The interpreters that have jsonschema with Draft202012Validator, each once (by the executable it resolves to). */
function findInterpreters(): string[] {
  const seen = new Map<string, string>();
  for (const python of INTERPRETERS) {
    const probe = spawnSync(
      python,
      ["-I", "-c", "import sys; from jsonschema import Draft202012Validator, FormatChecker; print(sys.executable)"],
      { encoding: "utf8", timeout: 10_000 },
    );
    const executable = probe.status === 0 ? probe.stdout.trim() : "";
    if (executable && !seen.has(executable)) seen.set(executable, python);
  }
  return [...seen.values()];
}

/** The formats whose violations alone make ajv reject this case, or none when anything else is wrong too. */
function hingesOnFormats(c: VerdictCase): string[] {
  if (c.ajvViolations.length === 0 || c.ajvViolations.some((v) => v.keyword !== "format")) return [];
  return c.ajvViolations.map((v) => v.expected.replace(/^format /, ""));
}

let dir: string;
let bundle: BundleResult;
let cases: VerdictCase[];
const judged = new Map<string, PythonOutput>();
const interpreters = findInterpreters();

function judgeWithPython(ctx: TestContext, python: string | undefined): PythonOutput {
  needToolchain(
    ctx,
    python
      ? undefined
      : `no python3 with jsonschema >= 4 (tried ${INTERPRETERS.join(", ")}; Debian: apt-get install python3-jsonschema)`,
  );
  const done = judged.get(python!);
  if (done) return done;
  const run = spawnSync(python!, ["-I", HARNESS, bundle.openapi31, join(dir, "cases.json")], {
    encoding: "utf8",
    timeout: 30_000,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" },
  });
  if (run.error) throw run.error;
  if (run.status !== 0)
    throw new Error(`the jsonschema harness exited with ${run.status}:\n${run.stderr}\n${run.stdout}`);
  const output = JSON.parse(run.stdout) as PythonOutput;
  judged.set(python!, output);
  return output;
}

/** Says which formats this interpreter leaves unchecked, in the test's output and in the report. */
function declareUnchecked(ctx: TestContext, output: PythonOutput): Set<string> {
  const unchecked = output.unchecked_formats.filter((format) => !ANNOTATION_ONLY_FORMATS.has(format));
  if (unchecked.length > 0) {
    const message =
      `${output.executable} (Python ${output.python}, jsonschema ${output.jsonschema}) does not check the format(s) ` +
      `${unchecked.join(", ")}: cases that only ajv's ${unchecked.join("/")} check rejects are not compared` +
      (unchecked.includes("date-time") ? " (date-time needs the rfc3339-validator package)" : "");
    console.warn(message);
    void ctx.annotate(message, "notice");
  }
  return new Set(unchecked);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "video-logs-python-jsonschema-"));
  bundle = await sharedBundle();
  cases = verdictCases(bundle.doc31);
  await writeFile(
    join(dir, "cases.json"),
    JSON.stringify(cases.map(({ label, schemaPointer, body }) => ({ label, schema_pointer: schemaPointer, body }))),
  );
}, 30_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

// With no interpreter at all, one round of tests that skip (or fail under REQUIRE_TOOLCHAINS=1).
const rounds = interpreters.length > 0 ? interpreters : [undefined];

describe.for(rounds)("Python jsonschema (Draft 2020-12, FormatChecker) of %s on the 3.1 bundle", (python) => {
  it("finds every component schema valid against the 2020-12 meta-schema", (ctx) => {
    expect(judgeWithPython(ctx, python).schema_errors).toEqual([]);
  });

  it("is told about every format the spec uses, and declares the ones it cannot check", (ctx) => {
    const output = judgeWithPython(ctx, python);
    expect(output.formats_used).toEqual(expect.arrayContaining(["date-time", "uuid"]));
    const unchecked = declareUnchecked(ctx, output);
    // uuid has a checker in every jsonschema 4.x; only date-time depends on an optional package.
    expect([...unchecked].filter((format) => format !== "date-time")).toEqual([]);
  });

  it("gives ajv's verdict on every example and fixture, and on every probe except the reviewed differences", (ctx) => {
    const output = judgeWithPython(ctx, python);
    const unchecked = declareUnchecked(ctx, output);
    expect(output.results.map((r) => r.label)).toEqual(cases.map((c) => c.label));
    const verdicts = new Map(output.results.map((r) => [r.label, r]));
    const say = (valid: boolean | undefined): string => (valid ? "valid" : "invalid");

    const differing = cases.filter((c) => verdicts.get(c.label)?.valid !== c.ajvValid);
    const excused = differing.filter((c) => {
      const formats = hingesOnFormats(c);
      return formats.length > 0 && formats.every((format) => unchecked.has(format));
    });
    if (excused.length > 0) {
      const message = `${output.executable}: not compared, as only an unchecked format rejects them: ${excused.map((c) => c.label).join(", ")}`;
      console.warn(message);
      void ctx.annotate(message, "notice");
    }
    const unexpected = differing
      .filter((c) => !excused.includes(c))
      .filter((c) => !(c.label.startsWith("probe:") && c.label in EXPECTED_DIFFERENCES))
      .map(
        (c) =>
          `${c.label}: ajv says ${say(c.ajvValid)}, jsonschema says ${say(verdicts.get(c.label)?.valid)} ${JSON.stringify(verdicts.get(c.label)?.errors)}`,
      );
    expect(unexpected, "differences from ajv that neither the table nor an unchecked format explains").toEqual([]);

    const stale = Object.entries(EXPECTED_DIFFERENCES)
      .filter(([, { format }]) => !unchecked.has(format))
      .filter(([label]) => !differing.some((c) => c.label === label))
      .map(([label]) => label);
    expect(stale, "table entries on which jsonschema and ajv now agree (or that name no case)").toEqual([]);
  });
});
