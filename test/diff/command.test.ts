// `video-logs diff` through the CLI's shared stack (runCli): exit codes, messages on stderr, the output formats.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import { renderMarkdown } from "../hostile/read-back.ts";
import {
  type CapturedIo,
  captureIo,
  changed,
  fixturePath,
  OUR_SPEC_PATH,
  readFixture,
  readYaml,
  writeTemp,
} from "./helpers.ts";

const base = readFixture("base.yaml");
const BASE = fixturePath("base.yaml");

async function run(args: string[]): Promise<CapturedIo & { code: number }> {
  const captured = captureIo();
  const code = await runCli(["diff", ...args], captured.io);
  return { ...captured, code };
}

/** Writes base.yaml with `change` applied and runs the command on it with base.yaml as ours. */
async function runAgainstBase(change: Parameters<typeof changed>[1], ...flags: string[]) {
  return run([writeTemp(changed(base, change)), "--ours", BASE, ...flags]);
}

const breakingChange = (doc: any) => delete doc.components.schemas.Item.properties.note;
const nonBreakingChange = (doc: any) => delete doc.components.schemas.Item.additionalProperties;
const informationalChange = (doc: any) => (doc.components.parameters.page_size.schema.default = 30);

describe("video-logs diff exit codes", () => {
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

describe("video-logs diff usage errors", () => {
  const usageErrors: Array<[string, string[], RegExp]> = [
    ["an unknown flag", [BASE, "--colour"], /Unknown option '--colour'/],
    ["a missing document argument", [], /Missing the document to compare with/],
    ["two document arguments", [BASE, BASE], /Unexpected argument ".*base\.yaml"/],
    ["a flag without its value", [BASE, "--format"], /Option '--format <value>' argument missing/],
    [
      "an unknown format",
      [BASE, "--format", "html"],
      /--format must be one of text, json, markdown, sarif, gitlab, got "html"/,
    ],
    [
      "an unknown --fail-on level",
      [BASE, "--fail-on", "informational"],
      /--fail-on must be one of breaking, non-breaking, got "informational"/,
    ],
  ];
  it("exits 2 when the --out folder does not exist, naming the file, without a pointer to --help (not a usage error)", async () => {
    const { code, stdout, stderr } = await run([BASE, "--out", "/nonexistent/report.txt"]);
    expect(code).toBe(2);
    expect(stdout()).toBe("");
    expect(stderr().trimEnd().split("\n")).toEqual([
      "video-logs: Cannot write the report to /nonexistent/report.txt: its folder does not exist or is not writable",
    ]);
  });

  for (const [what, args, message] of usageErrors) {
    it(`exits 2 on ${what}, with the CLI's message and a pointer to --help`, async () => {
      const { code, stdout, stderr } = await run(args);
      expect(code).toBe(2);
      expect(stdout()).toBe("");
      const [first, hint, ...rest] = stderr().trimEnd().split("\n");
      expect(first).toMatch(/^video-logs: /);
      expect(first).toMatch(message);
      expect(hint).toBe("Run `video-logs diff --help` for usage.");
      expect(rest).toEqual([]);
    });
  }

  it("shows its help with -h as with --help, even beside a flag it would refuse", async () => {
    const short = await run(["-h"]);
    const long = await run(["--help", "--format", "html"]);
    expect([short.code, long.code]).toEqual([0, 0]);
    expect(short.stdout()).toBe(long.stdout());
    expect(short.stdout()).toContain("--out FILE");
  });
});

describe("video-logs diff input errors", () => {
  const inputErrors: Array<[string, () => string, RegExp]> = [
    [
      "a file that does not exist",
      () => fixturePath("missing.yaml"),
      /cannot read theirs document ".*missing\.yaml": no such file/,
    ],
    ["a directory", () => fixturePath(""), /cannot read theirs document .*: it is a directory/],
    ["invalid YAML", () => fixturePath("invalid.yaml"), /theirs document ".*invalid\.yaml" is not valid YAML: /],
    [
      "invalid JSON",
      () => writeTemp('{"openapi": "3.1.0",', "broken.json"),
      /theirs document ".*broken\.json" is not valid JSON: /,
    ],
    [
      "YAML that is not OpenAPI",
      () => fixturePath("not-openapi.yaml"),
      /not an OpenAPI 3\.x document: it has no "openapi" field/,
    ],
    [
      "JSON that is not OpenAPI",
      () => fixturePath("not-openapi.json"),
      /not-openapi\.json" is not an OpenAPI 3\.x document/,
    ],
    [
      "a Swagger 2.0 document",
      () => fixturePath("swagger-2.yaml"),
      /is not an OpenAPI 3\.x document: it is a Swagger 2\.0 document/,
    ],
    [
      "an empty file",
      () => writeTemp("", "empty.yaml"),
      /is not an OpenAPI 3\.x document: its top level is not a mapping/,
    ],
  ];
  for (const [what, path, message] of inputErrors) {
    it(`exits 2 with a clear one-line message and no usage hint on ${what}`, async () => {
      const { code, stdout, stderr } = await run([path()]);
      expect(code).toBe(2);
      expect(stdout()).toBe("");
      expect(stderr()).toMatch(/^video-logs: /);
      expect(stderr()).not.toContain("--help");
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
    const { code, stderr } = await runAgainstBase(
      (doc) => (doc.paths["/items"].get.parameters[0].$ref = "#/components/parameters/gone"),
    );
    expect(code).toBe(2);
    expect(stderr()).toMatch(/theirs document ".*": cannot resolve \$ref "#\/components\/parameters\/gone"/);
    expect(stderr()).not.toContain("--help");
  });

  it("exits 2 when theirs has a $ref cycle among its responses, instead of hanging", async () => {
    const { code, stderr } = await runAgainstBase((doc) => {
      doc.paths["/items"].get.responses["200"] = { $ref: "#/components/responses/A" };
      doc.components.responses = { A: { $ref: "#/components/responses/B" }, B: { $ref: "#/components/responses/A" } };
    });
    expect(code).toBe(2);
    expect(stderr()).toMatch(/theirs document ".*": circular \$ref "#\/components\/responses\/A"/);
  });

  it("exits 2 when a schema of theirs is a cycle of $refs alone, naming the cycle, instead of reading it as any value", async () => {
    const { code, stdout, stderr } = await runAgainstBase((doc) => {
      doc.components.schemas.Item = { $ref: "#/components/schemas/Other" };
      doc.components.schemas.Other = { $ref: "#/components/schemas/Item" };
    });
    expect(code).toBe(2);
    expect(stdout()).toBe("");
    expect(stderr()).toMatch(
      /^video-logs: theirs document ".*\.json": circular \$ref "#\/components\/schemas\/Item" at \/components\/schemas\/Other \(#\/components\/schemas\/Item → #\/components\/schemas\/Other → #\/components\/schemas\/Item: a cycle of references that never reaches a schema\)\n$/,
    );
  });
});

describe("video-logs diff output", () => {
  it("writes the report to --out instead of stdout, and says where", async () => {
    const file = join(dirname(writeTemp("")), "diff.json");
    const { code, stdout, stderr } = await runAgainstBase(breakingChange, "--format", "json", "--out", file);
    expect(code).toBe(1);
    expect(stdout()).toBe("");
    expect(stderr()).toBe(`Report written to ${file}\n`);
    expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ summary: { breaking: 1 } });
  });

  it("prints JSON with the documented shape", async () => {
    const { code, stdout } = await runAgainstBase(
      (doc) => {
        breakingChange(doc);
        informationalChange(doc);
      },
      "--format",
      "json",
    );
    expect(code).toBe(1);
    const report = JSON.parse(stdout());
    expect(Object.keys(report)).toEqual(["version", "ours", "theirs", "summary", "differences"]);
    expect(report).toMatchObject({
      version: 2,
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
        fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      },
      {
        level: "informational",
        kind: "default-changed",
        message: "Query parameter page_size default changed from 20 to 30",
        operation: "GET /items",
        ours: "/components/parameters/page_size/schema",
        theirs: "/components/parameters/page_size/schema",
        fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      },
    ]);
  });

  it("prints an empty difference list as JSON when the documents match", async () => {
    const { stdout } = await run([OUR_SPEC_PATH, "--format", "json"]);
    expect(JSON.parse(stdout())).toMatchObject({
      summary: { breaking: 0, nonBreaking: 0, informational: 0 },
      differences: [],
    });
  });

  it("prints a Markdown table with one row per difference", async () => {
    const { stdout } = await runAgainstBase(informationalChange, "--format", "markdown");
    const rows = stdout()
      .split("\n")
      .filter((line) => line.startsWith("| "));
    expect(rows[0]).toBe("| Level | Kind | Operation | Change | Ours | Theirs |");
    expect(rows[1]).toBe("| --- | --- | --- | --- | --- | --- |");
    // Read as a renderer reads it: the cells' text, whatever escapes the source needs.
    const cells = [...renderMarkdown(stdout()).matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1]);
    expect(cells).toEqual([
      "informational",
      "<code>default-changed</code>",
      "GET /items",
      "Query parameter page_size default changed from 20 to 30",
      "<code>/components/parameters/page_size/schema</code>",
      "<code>/components/parameters/page_size/schema</code>",
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
    expect(JSON.parse(stdout()).differences).toEqual([
      expect.objectContaining({ kind: "operation-removed", operation: "GET /api/video/logs/{id}" }),
    ]);
  });
});
