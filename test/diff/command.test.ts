// `video-logs diff` as a function: exit codes, messages on stderr, and the shape of each output format.
import { describe, expect, it } from "vitest";
import { diffCommand } from "../../src/diff/command.ts";
import { captureIo, changed, fixturePath, OUR_SPEC_PATH, readFixture, readYaml, writeTemp, type CapturedIo } from "./helpers.ts";

const base = readFixture("base.yaml");
const BASE = fixturePath("base.yaml");

async function run(args: string[]): Promise<CapturedIo & { code: number }> {
  const captured = captureIo();
  const code = await diffCommand(args, captured.io);
  return { ...captured, code };
}

/** Writes base.yaml with `change` applied and runs the command on it with base.yaml as ours. */
async function runAgainstBase(change: Parameters<typeof changed>[1], ...flags: string[]) {
  return run([writeTemp(changed(base, change)), "--ours", BASE, ...flags]);
}

const breakingChange = (doc: any) => delete doc.components.schemas.Item.properties.note;
const nonBreakingChange = (doc: any) => delete doc.components.schemas.Item.additionalProperties;
const informationalChange = (doc: any) => (doc.components.parameters.page_size.schema.default = 30);

describe("diffCommand exit codes", () => {
  it("prints usage and exits 0 with --help", async () => {
    const { code, stdout, stderr } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stdout()).toMatch(/^Usage: video-logs diff <other\.yaml\|json>/);
    expect(stdout()).toContain("--fail-on");
    expect(stderr()).toBe("");
  });

  it("exits 0 and reports no differences when our spec is compared with itself", async () => {
    const { code, stdout } = await run([OUR_SPEC_PATH]);
    expect(code).toBe(0);
    expect(stdout()).toContain("No differences");
  });

  it("exits 1 on a breaking difference, with or without --fail-on breaking", async () => {
    expect((await runAgainstBase(breakingChange)).code).toBe(1);
    expect((await runAgainstBase(breakingChange, "--fail-on", "breaking")).code).toBe(1);
  });

  it("exits 1 on a non-breaking difference by default and 0 with --fail-on breaking", async () => {
    expect((await runAgainstBase(nonBreakingChange)).code).toBe(1);
    expect((await runAgainstBase(nonBreakingChange, "--fail-on", "breaking")).code).toBe(0);
    expect((await runAgainstBase(nonBreakingChange, "--fail-on", "non-breaking")).code).toBe(1);
  });

  it("exits 0 when every difference is informational, and still prints it", async () => {
    const { code, stdout } = await runAgainstBase(informationalChange);
    expect(code).toBe(0);
    expect(stdout()).toContain("[informational] default-changed GET /items");
  });
});

describe("diffCommand usage errors", () => {
  const usageErrors: Array<[string, string[], RegExp]> = [
    ["an unknown flag", [BASE, "--colour"], /unknown option --colour/],
    ["a missing document argument", [], /missing the document to compare with/],
    ["two document arguments", [BASE, BASE], /expected one document to compare with, got 2/],
    ["a flag without its value", [BASE, "--format"], /option --format needs a value/],
    ["an unknown format", [BASE, "--format", "html"], /--format must be text, json or markdown, not "html"/],
    ["an unknown --fail-on level", [BASE, "--fail-on", "informational"], /--fail-on must be breaking or non-breaking/],
  ];
  for (const [what, args, message] of usageErrors) {
    it(`exits 2 with a one-line message on ${what}`, async () => {
      const { code, stdout, stderr } = await run(args);
      expect(code).toBe(2);
      expect(stdout()).toBe("");
      expect(stderr()).toMatch(message);
      expect(stderr().trimEnd().split("\n")).toHaveLength(1);
    });
  }
});

describe("diffCommand input errors", () => {
  const inputErrors: Array<[string, () => string, RegExp]> = [
    ["a file that does not exist", () => fixturePath("missing.yaml"), /cannot read theirs document ".*missing\.yaml": no such file/],
    ["a directory", () => fixturePath(""), /cannot read theirs document .*: it is a directory/],
    ["invalid YAML", () => fixturePath("invalid.yaml"), /theirs document ".*invalid\.yaml" is not valid YAML: /],
    ["invalid JSON", () => writeTemp('{"openapi": "3.1.0",', "broken.json"), /theirs document ".*broken\.json" is not valid JSON: /],
    ["YAML that is not OpenAPI", () => fixturePath("not-openapi.yaml"), /not an OpenAPI 3\.x document: it has no "openapi" field/],
    ["JSON that is not OpenAPI", () => fixturePath("not-openapi.json"), /not-openapi\.json" is not an OpenAPI 3\.x document/],
    ["a Swagger 2.0 document", () => fixturePath("swagger-2.yaml"), /is not an OpenAPI 3\.x document: it is a Swagger 2\.0 document/],
    ["an empty file", () => writeTemp("", "empty.yaml"), /is not an OpenAPI 3\.x document: its top level is not a mapping/],
  ];
  for (const [what, path, message] of inputErrors) {
    it(`exits 2 with a clear message on ${what}`, async () => {
      const { code, stdout, stderr } = await run([path()]);
      expect(code).toBe(2);
      expect(stdout()).toBe("");
      expect(stderr()).toMatch(/^video-logs diff: /);
      expect(stderr()).toMatch(message);
      expect(stderr().trimEnd().split("\n")).toHaveLength(1);
    });
  }

  it("says when it is our document, given with --ours, that cannot be read", async () => {
    const { code, stderr } = await run([BASE, "--ours", fixturePath("nowhere.yaml")]);
    expect(code).toBe(2);
    expect(stderr()).toMatch(/cannot read ours document ".*nowhere\.yaml"/);
  });

  it("exits 2 when a $ref of theirs cannot be resolved", async () => {
    const { code, stderr } = await runAgainstBase((doc) => (doc.paths["/items"].get.parameters[0].$ref = "#/components/parameters/gone"));
    expect(code).toBe(2);
    expect(stderr()).toMatch(/cannot resolve \$ref "#\/components\/parameters\/gone"/);
  });
});

describe("diffCommand output", () => {
  it("prints JSON with the documented shape", async () => {
    const { code, stdout } = await runAgainstBase((doc) => {
      breakingChange(doc);
      informationalChange(doc);
    }, "--format", "json");
    expect(code).toBe(1);
    const report = JSON.parse(stdout());
    expect(Object.keys(report)).toEqual(["version", "ours", "theirs", "summary", "differences"]);
    expect(report).toMatchObject({
      version: 1,
      ours: { title: "Fixture base", version: "1.0.0" },
      theirs: { title: "Fixture base", version: "1.0.0" },
      summary: { breaking: 1, nonBreaking: 0, informational: 1 },
    });
    expect(report.differences).toEqual([
      {
        level: "breaking",
        kind: "property-removed",
        message: expect.stringContaining('field "data[].note" was removed'),
        ours: "/components/schemas/Item/properties/note",
        theirs: null,
      },
      {
        level: "informational",
        kind: "default-changed",
        message: "Query parameter page_size default changed from 20 to 30",
        operation: "GET /items",
        ours: "/components/parameters/page_size/schema",
        theirs: "/components/parameters/page_size/schema",
      },
    ]);
  });

  it("prints an empty difference list as JSON when the documents match", async () => {
    const { stdout } = await run([OUR_SPEC_PATH, "--format", "json"]);
    expect(JSON.parse(stdout())).toMatchObject({ summary: { breaking: 0, nonBreaking: 0, informational: 0 }, differences: [] });
  });

  it("prints a Markdown table with one row per difference", async () => {
    const { stdout } = await runAgainstBase(informationalChange, "--format", "markdown");
    const rows = stdout().split("\n").filter((line) => line.startsWith("| "));
    expect(rows[0]).toBe("| Level | Kind | Operation | Change | Ours | Theirs |");
    expect(rows[1]).toBe("| --- | --- | --- | --- | --- | --- |");
    expect(rows.slice(2)).toEqual([
      "| informational | `default-changed` | GET /items | Query parameter page_size default changed from 20 to 30 | `/components/parameters/page_size/schema` | `/components/parameters/page_size/schema` |",
    ]);
  });

  it("prints each difference with both pointers in text", async () => {
    const { stdout } = await runAgainstBase(breakingChange);
    expect(stdout()).toContain("1 difference: 1 breaking, 0 non-breaking, 0 informational");
    expect(stdout()).toContain("  ours:   /components/schemas/Item/properties/note\n  theirs: (absent)");
  });

  it("defaults ours to our spec", async () => {
    const theirs = changed(readYaml(OUR_SPEC_PATH), (doc) => delete doc.paths["/api/video/logs/{id}"]);
    const { code, stdout } = await run([writeTemp(theirs), "--format", "json"]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout()).differences).toEqual([expect.objectContaining({ kind: "operation-removed", operation: "GET /api/video/logs/{id}" })]);
  });
});
