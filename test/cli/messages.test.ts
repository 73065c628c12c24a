// The built CLI's messages: they name the flags and environment variables the user typed (never a secret's value),
// give the accepted forms, name every missing credential at once, and only a usage error points to --help.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type CliRunner, runBin, runInProcess } from "../helpers/cli.ts";
import { sendJson, startLocalServer } from "../helpers/local-server.ts";
import { PROJECT_ID } from "../helpers/sample-bodies.ts";
import { startStandInSpace } from "../helpers/stand-in-space.ts";
import { cliSuite } from "./cli-suite.ts";

// Each table runs runCli in-process (what bin/video-logs.js runs); its first row runs the built executable too.
type Run = CliRunner;

const SECRET = "tok-0123456789abcdef-secret";
const { dir, env, serve } = cliSuite("messages");

/** A port nothing listens on: a server started and closed again. */
async function closedPort(): Promise<string> {
  const gone = await startLocalServer(() => undefined);
  await gone.close();
  return gone.url;
}

describe("missing credentials", () => {
  const namesBoth = async (run: Run, args: string[]) => {
    const server = await serve(startStandInSpace());
    const { code, stderr } = await run([...args, "--base-url", server.url]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      "Missing credentials: set SIGNALWIRE_PROJECT_ID and SIGNALWIRE_API_TOKEN in the environment",
    );
    expect(stderr).not.toContain("as an option");
    expect(server.requests).toEqual([]);
  };
  it.each([["list"], ["get", "c22d24f6-5a47-4597-9a23-c7d01e696b92"], ["check"]])(
    "%s names both variables at once when both are missing, and sends nothing",
    (...args) => namesBoth(runInProcess, args),
  );
  it("the built executable's list names both variables at once when both are missing, and sends nothing", () =>
    namesBoth(runBin, ["list"]));

  it("names only the variable that is missing, never the value of the one that is set", async () => {
    const server = await serve(startStandInSpace());
    // In-process, as runCli: the built executable's run of a missing credential is the test above.
    const { code, stderr } = await runInProcess(["list", "--base-url", server.url], { SIGNALWIRE_API_TOKEN: SECRET });
    expect(code).toBe(2);
    expect(stderr).toContain("Missing credentials: set SIGNALWIRE_PROJECT_ID in the environment");
    expect(stderr).not.toContain("SIGNALWIRE_API_TOKEN");
    expect(stderr).not.toContain(SECRET);
  });

  it("names the environment variable of an unusable project id, without any credential's value", async () => {
    const server = await serve(startStandInSpace());
    // In-process, as runCli: the built executable's run of an unusable credential is the missing one above.
    const { code, stderr } = await runInProcess(["list", "--base-url", server.url], {
      SIGNALWIRE_PROJECT_ID: `a:${SECRET}`,
      SIGNALWIRE_API_TOKEN: SECRET,
    });
    expect(code).toBe(2);
    expect(stderr).toContain("SIGNALWIRE_PROJECT_ID");
    expect(stderr).not.toContain(SECRET);
    expect(server.requests).toEqual([]);
  });
});

describe("date filters", () => {
  const refusesDate = async (run: Run, value: string) => {
    const server = await serve(startStandInSpace());
    const { code, stdout, stderr } = await run(
      ["list", "--base-url", server.url, "--format", "json", "--created-after", value],
      env,
    );
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(
      `Invalid --created-after ${JSON.stringify(value)}: expected a date (2022-01-31) or an RFC 3339 date-time (2022-01-31T12:00:00Z)`,
    );
    expect(stderr).not.toContain("query.");
    expect(stderr).toContain("Run `video-logs list --help` for usage.");
    expect(server.requests).toEqual([]);
  };
  it.each(["yesterday", "2022-13-01", "2022-01-31 12:00"])(
    "name the flag and accept a date or a date-time: %s",
    (value) => refusesDate(runInProcess, value),
  );
  it("name the flag and accept a date or a date-time, from the built executable: yesterday", () =>
    refusesDate(runBin, "yesterday"));

  it("accept both a date and a date-time", async () => {
    const server = await serve(startStandInSpace({ logs: 4 }));
    // The date through the built executable; the date-time through its runCli in-process.
    for (const [value, run] of [
      ["2020-01-01", runBin],
      ["2020-01-01T00:00:00Z", runInProcess],
    ] as const) {
      const { code } = await run(["list", "--base-url", server.url, "--created-after", value], env);
      expect(code).toBe(0);
    }
  });
});

describe("only a usage error points to --help", () => {
  const connectionFailure = async (run: Run, args: string[]) => {
    const url = await closedPort();
    const { code, stderr } = await run([...args, "--base-url", url], env);
    expect(code).toBe(2);
    expect(stderr).toContain("127.0.0.1");
    expect(stderr).not.toContain("--help");
  };
  it.each([["check"], ["list"], ["get", "c22d24f6-5a47-4597-9a23-c7d01e696b92"]])(
    "%s: a connection failure exits 2 naming the target, without the pointer",
    (...args) => connectionFailure(runInProcess, args),
  );
  it("the built executable's check: a connection failure exits 2 naming the target, without the pointer", () =>
    connectionFailure(runBin, ["check"]));

  it("check: refused credentials exit 2 naming the variables, without the pointer or the token", async () => {
    const server = await serve(startLocalServer((_req, res) => sendJson(res, 401, { error: "Unauthorized" })));
    const { code, stderr } = await runBin(["check", "--base-url", server.url], {
      SIGNALWIRE_PROJECT_ID: PROJECT_ID,
      SIGNALWIRE_API_TOKEN: SECRET,
    });
    expect(code).toBe(2);
    expect(stderr).toContain("check SIGNALWIRE_PROJECT_ID and SIGNALWIRE_API_TOKEN");
    expect(stderr).not.toContain("--help");
    expect(stderr).not.toContain(SECRET);
  });

  const unwritable = join(dir, "missing", "out.txt");
  const unwritableOut = async (run: Run, command: string, flag: string, value: string) => {
    const server = await serve(startStandInSpace());
    const { code, stderr } = await run([command, "--base-url", server.url, flag, value], env);
    expect(code).toBe(2);
    expect(stderr).toContain(`Cannot write`);
    expect(stderr).toContain(unwritable);
    expect(stderr).not.toContain("--help");
    expect(server.requests).toEqual([]);
  };
  it.each([
    ["check", "--out", unwritable],
    ["check", "--report", `json=${unwritable}`],
    ["list", "--out", unwritable],
  ])(
    "%s %s into a folder that does not exist exits 2 before any request, without the pointer",
    (command, flag, value) => unwritableOut(runInProcess, command, flag, value),
  );
  it("the built executable's check --out into a folder that does not exist exits 2 before any request, without the pointer", () =>
    unwritableOut(runBin, "check", "--out", unwritable));

  it("an unknown command points to the top-level help, not to its own", async () => {
    const { code, stderr } = await runBin(["frobnicate"]);
    expect(code).toBe(2);
    expect(stderr).toContain("Run `video-logs --help` for usage.");
    expect(stderr).not.toContain("frobnicate --help");
  });

  it("a negative number gets the range message", async () => {
    const { code, stderr } = await runBin(["check", "--pages", "-1"]);
    expect(code).toBe(2);
    expect(stderr).toContain('--pages must be a whole number from 1 to 100, got "-1"');
  });
});
