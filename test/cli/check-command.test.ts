import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ReplayServer, startReplayServer } from "../../contract-tests/replay/replay-server.ts";
import type { DriftReport } from "../../src/report/report-types.ts";
import { assertBuilt, runBin, runInProcess } from "../helpers/cli.ts";

const PROJECT_ID = "0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a";
const API_TOKEN = "PTcli-secret-0123456789abcdef";
const env = { SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: API_TOKEN };
/** A replay server answers with its recordings whatever the parameters: only the checks a recording can satisfy. */
const REPLAY_CHECKS = ["--checks", "response-schema,status-code,content-type,not-a-server-error,authentication"];
const expectedDrift = JSON.parse(
  readFileSync(new URL("../../contract-tests/fixtures/replay/drifted/expected-drift.json", import.meta.url), "utf8"),
) as { operationId: string; status: number; pointer: string; kind: string }[];

let clean: ReplayServer;
let drifted: ReplayServer;
const outDir = mkdtempSync(join(tmpdir(), "video-logs-cli-"));

beforeAll(async () => {
  assertBuilt();
  [clean, drifted] = await Promise.all([
    startReplayServer({ fixtureSet: "clean", projectId: PROJECT_ID, apiToken: API_TOKEN }),
    startReplayServer({ fixtureSet: "drifted", projectId: PROJECT_ID, apiToken: API_TOKEN }),
  ]);
});
afterAll(async () => {
  await Promise.all([clean?.stop(), drifted?.stop()]);
  rmSync(outDir, { recursive: true, force: true });
});

describe("video-logs check", () => {
  it("exits 0 with a clean report against a server that matches the spec", async () => {
    const { code, stdout } = await runBin(
      ["check", ...REPLAY_CHECKS, "--base-url", clean.url, "--format", "json"],
      env,
    );
    const report = JSON.parse(stdout) as DriftReport;
    expect(report.summary).toMatchObject({ breaking: 0, additive: 0, errors: 0 });
    expect(report.summary.requests).toBe(report.summary.passed);
    // Both listings read all three pages, following an absolute and a relative next link.
    expect(report.exchanges.filter((c) => c.name.startsWith("list_logs page 3"))).toHaveLength(2);
    expect(report.exchanges.some((c) => c.name === "list_logs with wrong credentials" && c.status === 401)).toBe(true);
    expect(code).toBe(0);
  });

  it("exits 1 and lists exactly the recorded drift in the JSON report", async () => {
    // In-process, as runCli: the built executable exits 1 on this drift with --out and with --strict below.
    const { code, stdout } = await runInProcess(
      ["check", ...REPLAY_CHECKS, "--base-url", drifted.url, "--format", "json", "--sample", "20"],
      env,
    );
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as DriftReport;
    const found = report.exchanges.flatMap((c) =>
      c.violations.map((v) => `${c.operation} ${c.status} ${v.pointer} ${v.kind}`),
    );
    for (const drift of expectedDrift) {
      expect(found).toContain(`${drift.operationId} ${drift.status} ${drift.pointer} ${drift.kind}`);
    }
    expect(report.summary.breaking).toBeGreaterThan(0);
  });

  it("treats additive drift as failure only with --strict", async () => {
    const server = await startReplayServer({ fixtureSet: "drifted", projectId: PROJECT_ID, apiToken: API_TOKEN });
    try {
      // One page: the only drift there is an unknown field, plus the wrong-shape 404 (breaking). The run without --strict
      // goes through src/'s runCli in-process; the one with --strict runs the built executable.
      const { stdout } = await runInProcess(
        ["check", ...REPLAY_CHECKS, "--base-url", server.url, "--pages", "1", "--sample", "0", "--format", "json"],
        env,
      );
      const report = JSON.parse(stdout) as DriftReport;
      expect(report.summary.additive).toBeGreaterThan(0);
      expect(report.strict).toBe(false);
      const strict = await runBin(
        [
          "check",
          ...REPLAY_CHECKS,
          "--base-url",
          server.url,
          "--pages",
          "1",
          "--sample",
          "0",
          "--format",
          "json",
          "--strict",
        ],
        env,
      );
      expect((JSON.parse(strict.stdout) as DriftReport).strict).toBe(true);
      expect(strict.code).toBe(1);
    } finally {
      await server.stop();
    }
  });

  it.each([
    [["check", "--bogus"], "Unknown option '--bogus'"],
    [["check", "--format", "yaml"], "--format must be one of text, json, junit, markdown"],
    [["check", "--pages", "many"], "--pages must be a whole number"],
    [["check", "extra"], 'Unexpected argument "extra"'],
    [["frobnicate"], 'Unknown command "frobnicate"'],
    [["check", "--base-url", "http://10.1.2.3:8080"], "only https is allowed"],
    [["check", "--space", "not a space"], "Invalid Space name"],
  ])("exits 2 on bad usage: %j", async (args, message) => {
    // The table runs the CLI's runCli in-process; the built executable's run of one row is the next test.
    const { code, stderr } = await runInProcess(args, env);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it("the built executable exits 2 on bad usage, with the message on stderr", async () => {
    const { code, stderr } = await runBin(["check", "--bogus"], env);
    expect(code).toBe(2);
    expect(stderr).toContain("Unknown option '--bogus'");
  });

  it("exits 2 naming the variable when credentials are missing", async () => {
    // In-process: test/cli/messages.test.ts runs the built executable without credentials.
    const { code, stderr } = await runInProcess(["check", ...REPLAY_CHECKS, "--base-url", clean.url]);
    expect(code).toBe(2);
    expect(stderr).toContain("SIGNALWIRE_PROJECT_ID");
  });

  it("exits 2 with a clear message when no target is reachable", async () => {
    // In-process: test/cli/messages.test.ts runs the built executable's check against a port nothing listens on.
    const { code, stderr } = await runInProcess(
      ["check", "--base-url", "http://127.0.0.1:9", "--timeout", "2000"],
      env,
    );
    expect(code).toBe(2);
    expect(stderr).toContain("Cannot reach http://127.0.0.1:9");
  });

  it("exits 2 before any request when the report cannot be written", async () => {
    const before = clean.requests.length;
    // In-process: test/cli/messages.test.ts runs the built executable's check --out into a missing folder.
    const { code, stderr } = await runInProcess(
      ["check", ...REPLAY_CHECKS, "--base-url", clean.url, "--out", join(outDir, "missing", "r.json")],
      env,
    );
    expect(code).toBe(2);
    expect(stderr).toContain("Cannot write the report");
    expect(clean.requests.length).toBe(before);
  });

  it("exits 2 when the API refuses the credentials", async () => {
    // In-process: test/cli/messages.test.ts runs the built executable's check against a server that refuses them.
    const { code, stderr } = await runInProcess(["check", ...REPLAY_CHECKS, "--base-url", clean.url], {
      ...env,
      SIGNALWIRE_API_TOKEN: "wrong",
    });
    expect(code).toBe(2);
    expect(stderr).toContain("refused the credentials (401)");
    expect(stderr).not.toContain("wrong");
  });

  it("writes every report format to --out and never shows the token", async () => {
    // The built executable writes the text report; the other formats come from its runCli, in-process.
    for (const [format, run] of [
      ["text", runBin],
      ["json", runInProcess],
      ["junit", runInProcess],
      ["markdown", runInProcess],
    ] as const) {
      const file = join(outDir, `report.${format}`);
      const { code, stdout, stderr } = await run(
        ["check", ...REPLAY_CHECKS, "--base-url", drifted.url, "--format", format, "--out", file],
        env,
      );
      expect(code).toBe(1);
      const written = readFileSync(file, "utf8");
      expect(written.length).toBeGreaterThan(100);
      for (const text of [stdout, stderr, written]) {
        expect(text).not.toContain(API_TOKEN);
        expect(text).not.toContain(Buffer.from(`${PROJECT_ID}:${API_TOKEN}`).toString("base64"));
      }
    }
  });

  it("prints a text report by default, with no colour and no progress when not on a terminal", async () => {
    const { code, stdout, stderr } = await runBin(["check", ...REPLAY_CHECKS, "--base-url", clean.url], env);
    expect(code).toBe(0);
    expect(stdout.startsWith("OK: ")).toBe(true);
    expect(stdout).not.toContain("\u001b[");
    expect(stderr).toBe("");
  });

  it("checks the embedded Prism mock when no target is given, and stops it afterwards", async () => {
    const { code, stdout } = await runBin(["check", "--format", "json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as DriftReport;
    expect(report.target.kind).toBe("mock");
    expect(report.summary).toMatchObject({ breaking: 0, additive: 0, errors: 0 });
    // The checks a static mock cannot satisfy are skipped with a note, the others run.
    expect(report.skipped.map((s) => s.check)).toEqual([
      "parameters-honoured",
      "pagination-integrity",
      "cross-endpoint-consistency",
      "negative-data",
    ]);
    expect(report.checksRun).toEqual([
      "response-schema",
      "status-code",
      "content-type",
      "not-a-server-error",
      "authentication",
      "coverage",
    ]);
    // The mock's port no longer answers once the command has exited.
    await expect(fetch(report.target.kind === "recording" ? "" : report.target.baseUrl)).rejects.toThrow();
  });
});

describe("video-logs help", () => {
  it.each(["check", "get", "list", "mock", "diff"])("prints --help for %s and exits 0", async (command) => {
    // In-process, as runCli; the built executable's run is the next test.
    const { code, stdout } = await runInProcess([command, "--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: video-logs/);
  });

  it("the built executable prints a command's --help and exits 0", async () => {
    const { code, stdout } = await runBin(["check", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: video-logs check/);
  });

  it("lists the commands with --help and exits 2 with none", async () => {
    // The top-level help from runCli in-process (the built executable's help is the test above); no command at all
    // from the built executable.
    expect((await runInProcess(["--help"])).stdout).toContain("check");
    expect((await runBin([])).code).toBe(2);
  });
});

describe("video-logs get and list", () => {
  it("get prints one log as JSON", async () => {
    // The id comes from list run in-process; get runs the built executable.
    const listed = await runInProcess(["list", "--base-url", clean.url, "--limit", "1"], env);
    const id = (JSON.parse(listed.stdout.trim()) as { id: string }).id;
    const { code, stdout } = await runBin(["get", id, "--base-url", clean.url], env);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ id });
  });

  it("list prints NDJSON across pages and honours --limit and --include-deleted", async () => {
    const all = await runBin(["list", "--base-url", clean.url, "--include-deleted"], env);
    const lines = all.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: string; discarded_at?: string });
    expect(lines.length).toBe(11);
    expect(lines.filter((l) => l.discarded_at)).toHaveLength(3);
    // --limit through src/'s runCli in-process (test/cli/proxy.test.ts runs the executable's --limit).
    const limited = await runInProcess(["list", "--base-url", clean.url, "--limit", "4"], env);
    expect(limited.stdout.trim().split("\n")).toHaveLength(4);
  });

  it("get reports violations on stderr and still prints the body, exiting 1", async () => {
    const { code, stdout, stderr } = await runBin(
      ["get", "a2d6f830-4e1b-4c7a-b902-5f8e3d1c6a7b", "--base-url", drifted.url],
      env,
    );
    expect(code).toBe(1);
    expect(stderr).toContain("breaking get_log /charge");
    expect(JSON.parse(stdout)).toMatchObject({ id: "a2d6f830-4e1b-4c7a-b902-5f8e3d1c6a7b" });
  });

  it("get exits 2 naming the credentials when the API refuses them", async () => {
    const { code, stderr } = await runBin(["get", "61c0e9d4-3b7a-4f25-9e80-a4d2c7b1f358", "--base-url", clean.url], {
      ...env,
      SIGNALWIRE_API_TOKEN: "wrong",
    });
    expect(code).toBe(2);
    expect(stderr).toContain("refused the credentials");
  });

  it("get exits 1 on a 404", async () => {
    const { code, stderr } = await runBin(
      ["get", "00000000-0000-4000-8000-000000000000", "--base-url", clean.url],
      env,
    );
    expect(code).toBe(1);
    expect(stderr).toContain("404");
  });

  it("get refuses a non-UUID id with exit 2 before sending anything", async () => {
    const before = clean.requests.length;
    // In-process, as runCli: the built executable's usage errors exit 2 in "the built executable exits 2 on bad usage".
    const { code, stderr } = await runInProcess(["get", "42", "--base-url", clean.url], env);
    expect(code).toBe(2);
    expect(stderr).toContain("Invalid id");
    expect(clean.requests.length).toBe(before);
  });
});
