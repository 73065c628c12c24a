// src/cli/same-file.ts on real files: two names are one file through a symlink, a hard link, a linked folder or a
// dangling link, and a refused pair is named in one whole message.
import { linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { assertSeparateFiles, fileIdentity } from "../../src/cli/same-file.ts";
import { UsageError } from "../../src/cli/usage-error.ts";

const root = mkdtempSync(join(tmpdir(), "video-logs-same-file-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let count = 0;
/** A fresh folder for one test. */
function folder(): string {
  const dir = join(root, String(++count));
  mkdirSync(dir);
  return dir;
}

function refusal(run: () => void): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error("not refused");
}

describe("fileIdentity", () => {
  it("is the same for a file and a symlink to it", () => {
    const dir = folder();
    writeFileSync(join(dir, "a.json"), "{}");
    symlinkSync("a.json", join(dir, "link.json"));
    expect(fileIdentity(join(dir, "link.json"))).toBe(fileIdentity(join(dir, "a.json")));
  });

  it("is the same for a file and a hard link to it", () => {
    const dir = folder();
    writeFileSync(join(dir, "a.json"), "{}");
    linkSync(join(dir, "a.json"), join(dir, "hard.json"));
    expect(fileIdentity(join(dir, "hard.json"))).toBe(fileIdentity(join(dir, "a.json")));
  });

  it("is the same for a file not written yet and a dangling symlink to it, relative or absolute", () => {
    const dir = folder();
    symlinkSync("a.json", join(dir, "relative.json"));
    symlinkSync(join(dir, "a.json"), join(dir, "absolute.json"));
    symlinkSync("relative.json", join(dir, "chain.json"));
    const identity = fileIdentity(join(dir, "a.json"));
    expect(fileIdentity(join(dir, "relative.json"))).toBe(identity);
    expect(fileIdentity(join(dir, "absolute.json"))).toBe(identity);
    expect(fileIdentity(join(dir, "chain.json"))).toBe(identity);
  });

  it("is the same for a file not written yet named through a linked folder", () => {
    const dir = folder();
    mkdirSync(join(dir, "real"));
    symlinkSync("real", join(dir, "alias"));
    expect(fileIdentity(join(dir, "alias", "r.json"))).toBe(fileIdentity(join(dir, "real", "r.json")));
  });

  it("is the same for a relative and an absolute name of one file", () => {
    const dir = folder();
    expect(fileIdentity(relative(process.cwd(), join(dir, "r.json")))).toBe(fileIdentity(join(dir, "r.json")));
  });

  it("differs for two files, existing or not, and for a link loop instead of hanging", () => {
    const dir = folder();
    writeFileSync(join(dir, "a.json"), "{}");
    writeFileSync(join(dir, "b.json"), "{}");
    symlinkSync("loop-2", join(dir, "loop-1"));
    symlinkSync("loop-1", join(dir, "loop-2"));
    const identities = ["a.json", "b.json", "c.json", "d.json", "loop-1"].map((name) => fileIdentity(join(dir, name)));
    expect(new Set(identities).size).toBe(identities.length);
  });
});

describe("assertSeparateFiles", () => {
  it("refuses two outputs that are one file through a symlink, naming both flags and both names", () => {
    const dir = folder();
    const [x, link] = [join(dir, "x.json"), join(dir, "link.txt")];
    symlinkSync(x, link);
    const message = refusal(() =>
      assertSeparateFiles(
        [],
        [
          { name: "--report json", file: x },
          { name: "--report text", file: link },
        ],
      ),
    );
    expect(message).toBe(
      `--report json and --report text name the same file, ${JSON.stringify(x)} and ${JSON.stringify(link)}: give each its own`,
    );
  });

  it("refuses two outputs spelled alike, naming the file once", () => {
    const file = join(folder(), "r.json");
    const message = refusal(() =>
      assertSeparateFiles(
        [],
        [
          { name: "--out", file },
          { name: "--propose", file },
        ],
      ),
    );
    expect(message).toBe(`--out and --propose name the same file, ${JSON.stringify(file)}: give each its own`);
  });

  it("refuses an output that is an input through a hard link, naming what reads it", () => {
    const dir = folder();
    const [input, output] = [join(dir, "theirs.json"), join(dir, "hard.json")];
    writeFileSync(input, "{}");
    linkSync(input, output);
    const message = refusal(() =>
      assertSeparateFiles([{ name: "the document it compares", file: input }], [{ name: "--out", file: output }]),
    );
    expect(message).toBe(
      `--out would overwrite the document it compares, ${JSON.stringify(input)} and ${JSON.stringify(output)}: write to another file`,
    );
  });

  it("accepts separate files, absent inputs, and any number of outputs to stdout", () => {
    const dir = folder();
    expect(() =>
      assertSeparateFiles(
        [
          { name: "the file --har reads", file: join(dir, "in.har") },
          { name: "the file --baseline reads", file: undefined },
        ],
        [
          { name: "--report json", file: undefined },
          { name: "--report text", file: undefined },
          { name: "--out", file: join(dir, "out.json") },
          { name: "--propose", file: join(dir, "proposal.yaml") },
        ],
      ),
    ).not.toThrow();
  });
});
