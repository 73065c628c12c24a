import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVideoLogsClient } from "../../src/client/create-client.ts";
import { findFreePort } from "../../src/net/ports.ts";
import { validateResponse } from "../../src/validation/validate-response.ts";
import { assertBuilt, type BinChild, runBin, runInProcess, startBin } from "../helpers/cli.ts";

// One `video-logs mock` for the file (a Prism start is the costliest thing here): the tests only read from it, and the
// last one interrupts it, so it stays last, in order even under --sequence.shuffle. test/cli/mock-command.test.ts holds
// the mock's other behaviours.
describe("our own tools against a mock started with `video-logs mock`", { shuffle: false, sequential: true }, () => {
  let mock: BinChild | undefined;
  let url = "";
  let printed = "";
  let printedCheck: string[] = [];

  beforeAll(async () => {
    assertBuilt();
    const port = await findFreePort();
    mock = startBin(["mock", "--port", String(port)]);
    const stdout = await mock.waitForStdout((out) => out.includes("Check it with:") && out.endsWith("\n"));
    url = `http://127.0.0.1:${port}`;
    printed = stdout;
    const line = stdout.split("\n").find((l) => l.startsWith("Check it with: "))!;
    printedCheck = line.slice("Check it with: ".length).trim().split(" ");
  }, 30_000);

  afterAll(async () => {
    await mock?.stop("SIGINT");
  });

  it("prints the exact check command for its own URL", () => {
    expect(printedCheck).toEqual(["video-logs", "check", "--mock", "--base-url", url]);
  });

  it("serves the spec's examples on the given port, valid for the spec", async () => {
    expect(printed).toContain(`listening on ${url}`);
    const response = await fetch(`${url}/api/video/logs`, {
      headers: { authorization: `Basic ${Buffer.from("p:t").toString("base64")}` },
    });
    expect(response.status).toBe(200);
    expect(validateResponse("list_logs", 200, await response.json())).toEqual([]);
  });

  it("serves, as the first list example, a complete last page that `list` reads to the end with exit 0", async () => {
    const { code, stdout, stderr } = await runBin(["list", "--base-url", url], {
      SIGNALWIRE_PROJECT_ID: "p",
      SIGNALWIRE_API_TOKEN: "t",
    });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const ids = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line).id);
    expect(ids).toEqual(["c22d24f6-5a47-4597-9a23-c7d01e696b92", "3f1e8a52-9d5c-4b0e-8f7a-2c6d9e4b1a07"]);
  });

  it("lets iterateLogs walk every page and end", async () => {
    const client = createVideoLogsClient({ baseUrl: url, projectId: "p", apiToken: "t" });
    const ids: string[] = [];
    for await (const log of client.iterateLogs()) ids.push(log.id);
    expect(ids).toHaveLength(2);
  });

  it("passes the printed `check --mock` command with exit 0, skipping with a note what a static mock cannot do", async () => {
    const { code, stdout, stderr } = await runBin([...printedCheck.slice(1), "--format", "json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.target.kind).toBe("mock");
    // The JSON report on stdout, the summary line on stderr.
    const { requests } = report.summary;
    expect(stderr).toBe(
      `OK: 0 breaking, 0 additive findings; ${requests} requests, ${requests} judged: ${requests} conform (mock ${report.target.baseUrl})\n`,
    );
    expect(report.findings).toEqual([]);
    expect(report.summary.breaking).toBe(0);
    expect(report.skipped.length).toBeGreaterThan(0);
    expect(JSON.stringify(report)).toContain("static mock");
  }, 60_000);

  it("says in the report how much of --pages and --sample a static mock could honour", async () => {
    // The printed command with more flags, through src/'s runCli in-process (the test above runs it
    // as printed with the built executable).
    const { code, stdout } = await runInProcess([
      ...printedCheck.slice(1),
      "--format",
      "json",
      "--pages",
      "4",
      "--sample",
      "7",
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { notes: string[] };
    expect(report.notes).toContain(
      "--pages 4: a static mock's listings end with its example pages, so 2 page(s) were read over 2 listing(s), not 8",
    );
    expect(report.notes).toContain(
      "--sample 7: a static mock's examples hold only 2 id(s), so 2 item(s) were fetched one by one, not 7",
    );
  }, 60_000);

  it("without --mock the same target is treated as a live server, so the check is not told to skip anything", async () => {
    // In-process, as runCli: the built executable's check of a --base-url is run in test/cli/check-command.test.ts.
    const { stdout } = await runInProcess(["check", "--base-url", url, "--format", "json"], {
      SIGNALWIRE_PROJECT_ID: "p",
      SIGNALWIRE_API_TOKEN: "t",
    });
    expect(JSON.parse(stdout).target.kind).toBe("base-url");
  }, 60_000);

  // Last: it stops the mock the tests above read from.
  it("stops Prism when interrupted: exit 0, and its port no longer answers", async () => {
    expect(await mock!.stop("SIGINT")).toBe(0);
    await expect(fetch(`${url}/api/video/logs`)).rejects.toThrow();
  });
});
