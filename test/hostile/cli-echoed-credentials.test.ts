// The built CLI's data output (get, list) against a server that echoes the credentials inside otherwise valid logs.
import { beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, runBin } from "../helpers/cli.ts";
import { sendJson } from "../helpers/local-server.ts";
import { API_TOKEN, completedLog, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";

const env = { SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: API_TOKEN };
const basic = Buffer.from(`${PROJECT_ID}:${API_TOKEN}`).toString("base64");
const servers = serverPerTest();

beforeAll(() => assertBuilt());

/** A valid log carrying the secrets in an unknown property, as a server that reflects its request might send. */
const echoing = {
  ...completedLog,
  echoed: { token: API_TOKEN, authorization: `Basic ${basic}`, pair: `${PROJECT_ID}:${API_TOKEN}` },
};

describe("video-logs get and list against a server echoing the credentials in valid logs", () => {
  it("get prints the log with every echoed secret redacted", async () => {
    const server = await servers.start((_req, res) => sendJson(res, 200, echoing));
    const run = await runBin(["get", completedLog.id, "--base-url", server.url], env);
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toContain(API_TOKEN);
    expect(run.stdout + run.stderr).not.toContain(basic);
    expect(JSON.parse(run.stdout)).toMatchObject({ id: completedLog.id, echoed: { token: "[REDACTED]" } });
  });

  it("list prints every log with every echoed secret redacted", async () => {
    const server = await servers.start((_req, res) =>
      sendJson(res, 200, { links: { self: "/api/video/logs", first: "/api/video/logs" }, data: [echoing, echoing] }),
    );
    const run = await runBin(["list", "--base-url", server.url], env);
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toContain(API_TOKEN);
    expect(run.stdout + run.stderr).not.toContain(basic);
    const lines = run.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines.every((log) => log.id === completedLog.id && log.echoed.token === "[REDACTED]")).toBe(true);
  });
});
