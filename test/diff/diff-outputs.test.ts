// `video-logs diff --out FILE` never writes its report over a document it compares, by any name of it: refused with
// exit 2 before either document is read, and the document is left as it was.
import { linkSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, runBin, runInProcess } from "../helpers/cli.ts";
import { fixturePath, OUR_SPEC_PATH, readFixture, writeTemp } from "./helpers.ts";

const BASE = fixturePath("base.yaml");

beforeAll(() => assertBuilt());

/** A file's bytes and modification time, to show that a refused run left it as it was. */
const snapshot = (file: string) => ({ bytes: readFileSync(file), mtimeMs: statSync(file).mtimeMs });

/** The whole stderr of a refused `diff`: the message and the pointer to its help. */
const refused = (message: string) => `video-logs: ${message}\nRun \`video-logs diff --help\` for usage.\n`;

/** A copy of base.yaml in a fresh folder, as the document compared with ours. */
const theirsCopy = () => writeTemp(readFixture("base.yaml"), "theirs.json");

describe("diff --out naming a document it compares", () => {
  it("refuses --out naming the compared document, exits 2 and leaves the document as it was", async () => {
    const theirs = theirsCopy();
    const before = snapshot(theirs);
    const result = await runBin(["diff", theirs, "--ours", BASE, "--out", theirs]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      refused(`--out would overwrite the document it compares, ${JSON.stringify(theirs)}: write to another file`),
    );
    expect(snapshot(theirs)).toEqual(before);
  });

  it("refuses --out naming the compared document through a symlink, naming both names", async () => {
    const theirs = theirsCopy();
    const link = join(dirname(theirs), "diff.md");
    symlinkSync(theirs, link);
    const before = snapshot(theirs);
    const result = await runBin(["diff", theirs, "--ours", BASE, "--format", "markdown", "--out", link]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      refused(
        `--out would overwrite the document it compares, ${JSON.stringify(theirs)} and ${JSON.stringify(link)}: write to another file`,
      ),
    );
    expect(snapshot(theirs)).toEqual(before);
  });

  it("refuses --out naming the --ours document through a hard link", async () => {
    const ours = writeTemp(readFixture("base.yaml"), "ours.json");
    const link = join(dirname(ours), "diff.json");
    linkSync(ours, link);
    const before = snapshot(ours);
    const result = await runBin(["diff", BASE, "--ours", ours, "--format", "json", "--out", link]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      refused(
        `--out would overwrite the file --ours reads, ${JSON.stringify(ours)} and ${JSON.stringify(link)}: write to another file`,
      ),
    );
    expect(snapshot(ours)).toEqual(before);
  });

  it("refuses --out naming the compared document by a relative name", async () => {
    const theirs = theirsCopy();
    const before = snapshot(theirs);
    const result = await runInProcess(["diff", theirs, "--ours", BASE, "--out", relative(process.cwd(), theirs)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      refused(
        `--out would overwrite the document it compares, ${JSON.stringify(theirs)} and ${JSON.stringify(relative(process.cwd(), theirs))}: write to another file`,
      ),
    );
    expect(snapshot(theirs)).toEqual(before);
  });

  it("refuses --out naming the toolkit's own spec, compared when --ours is left out", async () => {
    const link = join(dirname(theirsCopy()), "spec-link.yaml");
    symlinkSync(OUR_SPEC_PATH, link);
    const before = snapshot(OUR_SPEC_PATH);
    try {
      const result = await runInProcess(["diff", BASE, "--out", link]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        refused(
          `--out would overwrite the toolkit's spec, ${JSON.stringify(OUR_SPEC_PATH)} and ${JSON.stringify(link)}: write to another file`,
        ),
      );
      expect(snapshot(OUR_SPEC_PATH)).toEqual(before);
    } finally {
      // Should the refusal ever fail, the spec of this checkout is put back as it was.
      if (!readFileSync(OUR_SPEC_PATH).equals(before.bytes)) writeFileSync(OUR_SPEC_PATH, before.bytes);
    }
  });
});
