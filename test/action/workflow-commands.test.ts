// What the action writes for GitHub's runner: annotations escaped as the runner unescapes them, capped with a notice,
// outputs that no value can forge, and the token scrubbed from every text.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { annotationLines } from "../../action/annotations.ts";
import { commentBody, MAX_COMMENT } from "../../action/pr-comment.ts";
import { secretScrubber } from "../../action/secret-scrub.ts";
import { annotationCommand, escapeData, escapeProperty, setOutput } from "../../action/workflow-commands.ts";
import { seeded } from "../helpers/seed.ts";
import { parseOutputFile } from "./helpers/composite-runner.ts";

/** The runner's reading of a command line (actions/runner ActionCommand.TryParseV2): properties, then the message. */
function parseCommand(line: string) {
  const match = /^::(\S+)(?: ([^:]*))?::(.*)$/s.exec(line);
  if (!match) throw new Error(`Not a command: ${line}`);
  const unescapeProperty = (text: string) =>
    text
      .replaceAll("%0D", "\r")
      .replaceAll("%0A", "\n")
      .replaceAll("%3A", ":")
      .replaceAll("%2C", ",")
      .replaceAll("%25", "%");
  const properties = Object.fromEntries(
    (match[2] ?? "")
      .split(",")
      .filter((pair) => pair !== "")
      .map((pair) => [pair.slice(0, pair.indexOf("=")), unescapeProperty(pair.slice(pair.indexOf("=") + 1))]),
  );
  const message = match[3]!.replaceAll("%0D", "\r").replaceAll("%0A", "\n").replaceAll("%25", "%");
  return { command: match[1], properties, message };
}

describe("workflow commands", () => {
  it("escape % CR LF in a message and also : and , in a property, as the runner unescapes them", () => {
    expect(escapeData("50% done\r\nnext")).toBe("50%25 done%0D%0Anext");
    expect(escapeProperty("a:b,c%\n")).toBe("a%3Ab%2Cc%25%0A");
    fc.assert(
      fc.property(
        fc.string({ unit: "binary" }),
        fc.string({ unit: "binary" }),
        fc.string({ unit: "binary" }),
        (message, title, file) => {
          const line = annotationCommand({ level: "error", message, title, file, line: 3 });
          expect(line).not.toMatch(/[\r\n]/);
          const parsed = parseCommand(line);
          expect(parsed.command).toBe("error");
          expect(parsed.message).toBe(message);
          expect(parsed.properties).toEqual({ line: "3", ...(file ? { file } : {}), ...(title ? { title } : {}) });
        },
      ),
      seeded,
    );
  });

  it("cap the annotations, the most severe first, with a notice saying how many were left out", () => {
    const findings = Array.from({ length: 7 }, (_, i) => ({
      fingerprint: `f${i}`,
      level: i % 2 === 0 ? ("warning" as const) : ("error" as const),
      title: `t${i}`,
      message: `m${i}`,
    }));
    const locations = new Map([["f1", { file: "spec.yaml", line: 12, col: 5 }]]);
    expect(annotationLines(findings, locations, "openapi.yaml", 3)).toEqual([
      "::error file=spec.yaml,line=12,col=5,title=t1::m1",
      "::error file=openapi.yaml,title=t3::m3",
      "::error file=openapi.yaml,title=t5::m5",
      "::notice title=video-logs::4 more findings not annotated (at most 3): the job summary lists them all",
    ]);
    expect(annotationLines(findings.slice(0, 2), new Map(), undefined, 3)).toEqual([
      "::error title=t1::m1",
      "::warning title=t0::m0",
    ]);
  });

  it("write outputs with a delimiter no value holds, so a value with newlines cannot forge another output", () => {
    const dir = mkdtempSync(join(tmpdir(), "video-logs-output-"));
    try {
      const file = join(dir, "output");
      const forged = "x\nghadelimiter_\nverdict=ok\n";
      setOutput(file, "reports", forged);
      setOutput(file, "verdict", "drift");
      expect(parseOutputFile(readFileSync(file, "utf8"))).toEqual({ reports: forged, verdict: "drift" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("cut a comment that GitHub would refuse, and say where the whole report is", () => {
    const runUrl = "https://github.example/acme/video-app/actions/runs/1";
    expect(commentBody("<!-- video-logs -->", "short", runUrl)).toBe("<!-- video-logs -->\nshort");
    const long = commentBody("<!-- video-logs -->", "x".repeat(MAX_COMMENT), runUrl);
    expect(long).toHaveLength(MAX_COMMENT);
    expect(long).toMatch(
      /^<!-- video-logs -->\nx+\n\n…cut: the \[run's summary\]\(https:\/\/github\.example\/acme\/video-app\/actions\/runs\/1\) has the whole report\.\n$/,
    );
  });

  it("scrub the token in its plain, URL-encoded and Basic-auth forms", () => {
    const scrub = secretScrubber({ projectId: "p-1", apiToken: "PT/secret+1" });
    const basic = Buffer.from("p-1:PT/secret+1").toString("base64");
    expect(scrub(`a PT/secret+1 b PT%2Fsecret%2B1 c Basic ${basic}`)).toBe("a *** b *** c Basic ***");
    expect(secretScrubber({ projectId: "p", apiToken: "" })("nothing to hide")).toBe("nothing to hide");
  });
});
