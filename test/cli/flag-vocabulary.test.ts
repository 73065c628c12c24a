// One flag vocabulary across the built CLI's commands: --timeout wherever requests are sent, --format/--out for data
// and reports, check's repeatable --report, --quiet, and NO_COLOR/FORCE_COLOR.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DriftReport } from "../../src/report/report-types.ts";
import { runBin, runInProcess } from "../helpers/cli.ts";
import { startLocalServer } from "../helpers/local-server.ts";
import { standInLogs, startStandInSpace } from "../helpers/stand-in-space.ts";
import { cliSuite } from "./cli-suite.ts";

const { dir, env, serve } = cliSuite("flags");

describe("--timeout on every command that sends requests", () => {
  it.each([
    ["get", ["get", "c22d24f6-5a47-4597-9a23-c7d01e696b92"]],
    ["list", ["list"]],
    ["check", ["check", "--checks", "response-schema"]],
  ])(
    "%s gives up on a silent server after --timeout and exits 2 without pointing to --help",
    async (_name, args) => {
      // The server takes the request and never answers.
      const server = await serve(startLocalServer(() => new Promise(() => {})));
      const started = Date.now();
      // The built executable gives up for get; list and check reach its runCli in-process.
      const run = args[0] === "get" ? runBin : runInProcess;
      const { code, stderr } = await run([...args, "--base-url", server.url, "--timeout", "300"], env);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(code).toBe(2);
      expect(stderr).toMatch(/time/i);
      expect(server.requests.length).toBeGreaterThan(0);
      expect(stderr).not.toContain("--help");
    },
    30_000,
  );

  it("refuses a --timeout out of range with the range message before sending anything", async () => {
    const server = await serve(startStandInSpace());
    // In-process, as runCli: the built executable's range message for a negative number is in messages.test.ts.
    const { code, stderr } = await runInProcess(["get", "x", "--base-url", server.url, "--timeout", "-5"], env);
    expect(code).toBe(2);
    expect(stderr).toContain("--timeout must be a whole number from 1 to 600000");
    expect(server.requests).toEqual([]);
  });
});

describe("--format and --out on get and list", () => {
  it("list --format json --out FILE writes every log as one JSON array to the file and nothing to stdout", async () => {
    const server = await serve(startStandInSpace({ logs: 7 }));
    const file = join(dir, "logs.json");
    const { code, stdout } = await runBin(
      ["list", "--base-url", server.url, "--format", "json", "--out", file, "--include-deleted"],
      env,
    );
    expect(code).toBe(0);
    expect(stdout).toBe("");
    const written = JSON.parse(readFileSync(file, "utf8")) as { id: string }[];
    expect(written.map((log) => log.id).sort()).toEqual(
      standInLogs(7)
        .map((log) => log.id as string)
        .sort(),
    );
  });

  it("list writes NDJSON by default, one log per line", async () => {
    const server = await serve(startStandInSpace({ logs: 3 }));
    // In-process, as runCli: test/cli/check-command.test.ts runs the built executable's list, which prints NDJSON.
    const { code, stdout } = await runInProcess(["list", "--base-url", server.url, "--include-deleted"], env);
    expect(code).toBe(0);
    expect(
      stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line).id),
    ).toHaveLength(3);
  });

  it("get --format ndjson --out FILE writes the log on one line to the file", async () => {
    const server = await serve(startStandInSpace({ logs: 3 }));
    const id = standInLogs(3)[0]!.id as string;
    const file = join(dir, "log.ndjson");
    const { code, stdout } = await runBin(
      ["get", id, "--base-url", server.url, "--format", "ndjson", "--out", file],
      env,
    );
    expect(code).toBe(0);
    expect(stdout).toBe("");
    const text = readFileSync(file, "utf8");
    expect(text.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(text).id).toBe(id);
  });

  it("refuses an unknown data format, naming the accepted ones, before sending anything", async () => {
    const server = await serve(startStandInSpace());
    // In-process, as runCli: test/diff/diff-bin.test.ts has the built executable refuse an unknown --format (diff's).
    const { code, stderr } = await runInProcess(["list", "--base-url", server.url, "--format", "xml"], env);
    expect(code).toBe(2);
    expect(stderr).toContain("--format must be one of json, ndjson");
    expect(server.requests).toEqual([]);
  });
});

describe("check --report FORMAT=FILE", () => {
  it("writes JUnit, markdown and JSON from one run: the requests of one tour, one report per file", async () => {
    const server = await serve(startStandInSpace());
    const [junit, markdown, json] = ["drift.xml", "drift.md", "drift.json"].map((name) => join(dir, name));
    const { code, stdout, stderr } = await runBin(
      [
        "check",
        "--base-url",
        server.url,
        "--report",
        `junit=${junit}`,
        "--report",
        `markdown=${markdown}`,
        "--report",
        `json=${json}`,
      ],
      env,
    );
    expect(code).toBe(0);
    expect(stdout).toBe("");
    const report = JSON.parse(readFileSync(json!, "utf8")) as DriftReport;
    // Where each report went, then the verdict: no text report is on stdout, so the summary line is on stderr.
    expect(stderr.trim().split("\n")).toEqual([
      ...[junit, markdown, json].map((file) => `Report written to ${file}`),
      `OK: 0 breaking, 0 additive findings; ${report.summary.requests} requests, ${report.summary.requests} judged: ${report.summary.requests} conform (base-url ${server.url})`,
    ]);
    expect(server.requests.length).toBe(report.summary.requests);
    expect(readFileSync(junit!, "utf8")).toMatch(/^<\?xml[\s\S]*<testsuites/);
    expect(readFileSync(markdown!, "utf8")).toMatch(/^#/);
  }, 60_000);

  it("takes --format F --out FILE as one more report", async () => {
    const server = await serve(startStandInSpace({ logs: 5 }));
    const [junit, json] = ["short.xml", "short.json"].map((name) => join(dir, name));
    // In-process, as runCli: the built executable writes --report files in the test above.
    const { code } = await runInProcess(
      ["check", "--base-url", server.url, "--report", `junit=${junit}`, "--format", "json", "--out", json!],
      env,
    );
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(json!, "utf8")).version).toBeGreaterThan(0);
    expect(existsSync(junit!)).toBe(true);
  }, 60_000);

  it("writes the report named `-` to stdout, and the summary line to stderr unless that report is the text one", async () => {
    const server = await serve(startStandInSpace({ logs: 5 }));
    const json = join(dir, "dash.json");
    // In-process, as runCli: the built executable writes --report files in the test above.
    const markdown = await runInProcess(
      ["check", "--base-url", server.url, "--report", "markdown=-", "--report", `json=${json}`],
      env,
    );
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toMatch(/^### ✅ Video Logs API drift check\n/);
    const report = JSON.parse(readFileSync(json, "utf8")) as DriftReport;
    const summary = `OK: 0 breaking, 0 additive findings; ${report.summary.requests} requests, ${report.summary.requests} judged: ${report.summary.requests} conform (base-url ${server.url})`;
    expect(markdown.stderr).toBe(`Report written to ${json}\n${summary}\n`);
    const text = await runInProcess(
      ["check", "--base-url", server.url, "--report", "text=-", "--report", `json=${json}`],
      env,
    );
    expect(text.code).toBe(0);
    expect(text.stdout.split("\n")[0]).toMatch(/^OK: 0 breaking, 0 additive findings; /);
    expect(text.stderr).toBe(`Report written to ${json}\n`);
  }, 60_000);

  it.each([
    [["--report", "json=-", "--report", "markdown=-"]],
    [["--report", "json=-", "--format", "text"]],
    [["--format", "junit", "--out", "-", "--report", "text=-"]],
  ])("refuses two reports on stdout (%j), before sending anything", async (args) => {
    const server = await serve(startStandInSpace());
    const { code, stderr } = await runInProcess(["check", "--base-url", server.url, ...args], env);
    expect(code).toBe(2);
    expect(stderr).toContain("Two reports go to stdout: give all but one of them a file (`-` is stdout)");
    expect(server.requests).toEqual([]);
  });

  it.each(["junit", "xml=out.xml", "junit=", "=out.xml"])(
    "refuses --report %s with the accepted form, before sending anything",
    async (value) => {
      const server = await serve(startStandInSpace());
      // The table runs runCli in-process; the built executable's run of one value is the next test.
      const { code, stderr } = await runInProcess(["check", "--base-url", server.url, "--report", value], env);
      expect(code).toBe(2);
      expect(stderr).toContain("--report must be FORMAT=FILE with FORMAT one of text, json, junit, markdown");
      expect(stderr).toContain("--report junit=drift.xml");
      expect(server.requests).toEqual([]);
    },
  );

  it("the built executable refuses a --report without a file the same way, before sending anything", async () => {
    const server = await serve(startStandInSpace());
    const { code, stderr } = await runBin(["check", "--base-url", server.url, "--report", "junit"], env);
    expect(code).toBe(2);
    expect(stderr).toContain("--report must be FORMAT=FILE with FORMAT one of text, json, junit, markdown");
    expect(stderr).toContain("--report junit=drift.xml");
    expect(server.requests).toEqual([]);
  });

  it("refuses two reports into the same file", async () => {
    const server = await serve(startStandInSpace());
    const file = join(dir, "same.txt");
    const { code, stderr } = await runBin(
      ["check", "--base-url", server.url, "--report", `json=${file}`, "--report", `text=${file}`],
      env,
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      `--report json and --report text name the same file, ${JSON.stringify(file)}: give each its own`,
    );
    expect(server.requests).toEqual([]);
  });
});

describe("--quiet", () => {
  it("check --quiet writes its reports and says nothing on stderr", async () => {
    const server = await serve(startStandInSpace({ logs: 5 }));
    const file = join(dir, "quiet.json");
    // In-process, as runCli (its stderr captured byte for byte): the built executable's check --quiet is the first
    // NO_PROXY routing in proxy.test.ts, which says nothing on stderr either.
    const { code, stderr } = await runInProcess(
      ["check", "--base-url", server.url, "--report", `json=${file}`, "--quiet"],
      env,
    );
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(existsSync(file)).toBe(true);
  }, 60_000);

  it.each([["get"], ["list"], ["check"], ["diff"], ["mock"]])(
    "%s accepts --quiet and lists it in its help",
    async (command) => {
      // In-process, as runCli; the built executable's run is the next test.
      const { code, stdout } = await runInProcess([command, "--help", "--quiet"]);
      expect(code).toBe(0);
      expect(stdout).toContain("--quiet");
    },
  );

  it("the built executable accepts --quiet and lists it in a command's help", async () => {
    const { code, stdout } = await runBin(["get", "--help", "--quiet"]);
    expect(code).toBe(0);
    expect(stdout).toContain("--quiet");
  });
});

describe("NO_COLOR and FORCE_COLOR", () => {
  it("FORCE_COLOR=1 colours the text report even into a pipe; FORCE_COLOR=0 and NO_COLOR leave it plain on a terminal", async () => {
    const server = await serve(startStandInSpace({ faults: ["ignore-created-after"] }));
    const forced = await runBin(["check", "--base-url", server.url], { ...env, FORCE_COLOR: "1" });
    expect(forced.code).toBe(1);
    expect(forced.stdout).toContain("\u001b[");
    // On a terminal, through src/'s runCli in-process (it reads the variables from the environment it is given): coloured
    // by default, plain with FORCE_COLOR=0 or NO_COLOR.
    const onTerminal = (variables: Record<string, string>) =>
      runInProcess(["check", "--base-url", server.url], { ...env, ...variables }, { terminal: true });
    expect((await onTerminal({})).stdout).toContain("\u001b[");
    expect((await onTerminal({ FORCE_COLOR: "0" })).stdout).not.toContain("\u001b[");
    expect((await onTerminal({ NO_COLOR: "1" })).stdout).not.toContain("\u001b[");
  }, 60_000);
});
