// The built `video-logs diff` run as a child process, as a user or a CI job runs it.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, runBin } from "../helpers/cli.ts";
import { changed, fixturePath, OUR_SPEC_PATH, readFixture, writeTemp } from "./helpers.ts";

const BASE = fixturePath("base.yaml");
const withoutNote = () =>
  writeTemp(changed(readFixture("base.yaml"), (doc) => delete doc.components.schemas.Item.properties.note));

beforeAll(() => assertBuilt());

describe("the built video-logs diff", () => {
  it("exits 0 and says so when our spec is compared with itself", async () => {
    const { code, stdout, stderr } = await runBin(["diff", OUR_SPEC_PATH]);
    expect(code).toBe(0);
    expect(stdout).toContain("No differences in the compared operations.");
    expect(stderr).toBe("");
  });

  it("exits 1 on a breaking difference and prints the JSON report", async () => {
    const { code, stdout } = await runBin(["diff", withoutNote(), "--ours", BASE, "--format", "json"]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ summary: { breaking: 1 }, differences: [{ kind: "property-removed" }] });
  });

  it("writes the Markdown report to --out and nothing to stdout", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "diff-bin-")), "diff.md");
    const { code, stdout, stderr } = await runBin([
      "diff",
      withoutNote(),
      "--ours",
      BASE,
      "--format",
      "markdown",
      "--out",
      out,
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(`Report written to ${out}\n`);
    expect(readFileSync(out, "utf8")).toContain("| breaking | `property-removed` |");
  });

  it("exits 2 on a usage error with one message line and a pointer to its --help", async () => {
    const { code, stdout, stderr } = await runBin(["diff", BASE, "--format", "html"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      'video-logs: --format must be one of text, json, markdown, sarif, gitlab, got "html"\nRun `video-logs diff --help` for usage.\n',
    );
  });

  it("exits 2 on a document it cannot read, naming it, without a usage hint or a stack trace", async () => {
    const { code, stderr } = await runBin(["diff", fixturePath("swagger-2.yaml")]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^video-logs: theirs document ".*swagger-2\.yaml" is not an OpenAPI 3\.x document: it is a Swagger 2\.0 document\n$/,
    );
  });

  it("exits 2 on a schema that is a cycle of $refs alone, naming the cycle on one line", async () => {
    const theirs = writeTemp(
      changed(readFixture("base.yaml"), (doc) => {
        doc.components.schemas.Page = { $ref: "#/components/schemas/Loop" };
        doc.components.schemas.Loop = { $ref: "#/components/schemas/Page" };
      }),
    );
    const { code, stdout, stderr } = await runBin(["diff", theirs, "--ours", BASE]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      `video-logs: theirs document ${JSON.stringify(theirs)}: circular $ref "#/components/schemas/Page" at /components/schemas/Loop (#/components/schemas/Page → #/components/schemas/Loop → #/components/schemas/Page: a cycle of references that never reaches a schema)\n`,
    );
  });

  it("compares a recursive schema (a tree of folders) as before: no differences with itself, a change in it found", async () => {
    const folders = fixturePath("recursive.yaml");
    const same = await runBin(["diff", folders, "--ours", folders]);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain("No differences in the compared operations.");
    const renamed = writeTemp(
      changed(readFixture("recursive.yaml"), (doc) => (doc.components.schemas.Folder.properties.name.type = "integer")),
    );
    const changedRun = await runBin(["diff", renamed, "--ours", folders, "--format", "json"]);
    expect(changedRun.code).toBe(1);
    expect(JSON.parse(changedRun.stdout).differences).toEqual([
      expect.objectContaining({
        kind: "type-changed",
        level: "breaking",
        ours: "/components/schemas/Folder/properties/name",
      }),
    ]);
  });

  it("passes --fail-on breaking when a response narrows number to integer, and fails when it widens back", async () => {
    const numberSize = writeTemp(
      changed(readFixture("base.yaml"), (doc) => (doc.components.schemas.Item.properties.size.type = "number")),
      "number-size.json",
    );
    const narrowed = await runBin(["diff", BASE, "--ours", numberSize, "--fail-on", "breaking", "--format", "json"]);
    expect(narrowed.code).toBe(0);
    expect(JSON.parse(narrowed.stdout).differences).toEqual([
      expect.objectContaining({
        level: "non-breaking",
        kind: "type-narrowed",
        message: expect.stringContaining("type changed from number to integer"),
      }),
    ]);
    const widened = await runBin(["diff", numberSize, "--ours", BASE, "--fail-on", "breaking", "--format", "json"]);
    expect(widened.code).toBe(1);
    expect(JSON.parse(widened.stdout).differences).toEqual([
      expect.objectContaining({ level: "breaking", kind: "type-widened" }),
    ]);
  });

  it("fails --fail-on breaking when a parameter narrows number to integer", async () => {
    const numberPageSize = writeTemp(
      changed(readFixture("base.yaml"), (doc) => (doc.components.parameters.page_size.schema.type = "number")),
      "number-page-size.json",
    );
    const { code, stdout } = await runBin(["diff", BASE, "--ours", numberPageSize, "--fail-on", "breaking"]);
    expect(code).toBe(1);
    expect(stdout).toContain("[breaking] type-narrowed GET /items");
    expect(stdout).toContain("Query parameter page_size type changed from number to integer");
  });

  it("prints its help with -h, exit 0", async () => {
    const { code, stdout } = await runBin(["diff", "-h"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: video-logs diff <other\.yaml\|json> \[options\]/);
  });
});
