// JUnit testcase names are the same on every run whatever the data, the time or the port: a CI's test history can
// follow one test (and its flakiness) across nights. Read back with an XML parser, as CI systems read the file.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { cliSuite } from "../cli/cli-suite.ts";
import { runBin } from "../helpers/cli.ts";
import { type Fault, startStandInSpace } from "../helpers/stand-in-space.ts";

const { dir, env, serve } = cliSuite("junit-names");

interface Testcase {
  classname: string;
  name: string;
  children: string[];
}

/** Every testcase with the names of the elements it holds, and the suites' names. */
function readJunit(xml: string): { suites: string[]; cases: Testcase[] } {
  const parser = new SaxesParser();
  const suites: string[] = [];
  const cases: Testcase[] = [];
  let open: Testcase | undefined;
  parser.on("opentag", (tag) => {
    const attribute = (name: string) => String(tag.attributes[name] ?? "");
    if (tag.name === "testsuites" || tag.name === "testsuite") suites.push(attribute("name"));
    else if (tag.name === "testcase") {
      open = { classname: attribute("classname"), name: attribute("name"), children: [] };
      cases.push(open);
    } else if (open) open.children.push(tag.name);
  });
  parser.on("closetag", (tag) => {
    if (tag.name === "testcase") open = undefined;
  });
  parser.write(xml).close();
  return { suites, cases };
}

async function junitOf(run: string, logs: number, faults: readonly Fault[] = []) {
  const server = await serve(startStandInSpace({ logs, faults }));
  const file = join(dir, `${run}.xml`);
  const result = await runBin(["check", "--base-url", server.url, "--report", `junit=${file}`], env);
  return { result, junit: readJunit(readFileSync(file, "utf8")), url: server.url };
}

describe("the JUnit report's names", () => {
  it("are identical for two Spaces with different data, one drifting, on different ports", async () => {
    const first = await junitOf("first", 60);
    const second = await junitOf("second", 23, ["charge-as-string"]);
    expect(first.result.code).toBe(0);
    expect(second.result.code).toBe(1);
    expect(first.url).not.toBe(second.url);
    const names = (junit: typeof first.junit) => junit.cases.map(({ classname, name }) => `${classname} ${name}`);
    expect(names(second.junit)).toEqual(names(first.junit));
    expect(first.junit.suites).toEqual(["video-logs check", "video-logs check"]);
    expect(second.junit.suites).toEqual(first.junit.suites);
    // One testcase per named check per operation: the same set, whatever was found.
    expect(names(first.junit)).toContain("video-logs.response-schema response-schema list_logs");
    expect(names(first.junit)).toContain("video-logs.cross-endpoint-consistency cross-endpoint-consistency get_log");
    for (const name of names(first.junit))
      expect(name).not.toMatch(/127\.0\.0\.1|\d{4}-\d\d-\d\dT|created_before|:\d{2,5}/);
  });

  it("fail the testcases of the drifting field once per finding, and pass the rest", async () => {
    const { junit } = await junitOf("drift", 23, ["charge-as-string"]);
    const failing = junit.cases.filter((c) => c.children.includes("failure"));
    expect(failing.map((c) => [c.name, c.children.filter((child) => child === "failure").length])).toEqual([
      ["response-schema get_log", 1],
      ["response-schema list_logs", 1],
    ]);
  });
});
