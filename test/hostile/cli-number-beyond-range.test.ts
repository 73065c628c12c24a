// A number literal beyond double range (1e400): JSON.parse reads it as Infinity, which JSON prints as null. The
// violation lines of get and list say what the server actually wrote; both print the log received, with null there.
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import { API_TOKEN, completedLog, PROJECT_ID, VALID_ID } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";
import { capturedIo } from "./hostile-helpers.ts";

const servers = serverPerTest();
const env = { SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: API_TOKEN };
const log = JSON.stringify({ ...completedLog, charge: 0 }).replace('"charge":0', '"charge":1e400');

describe("get and list with a charge of 1e400", () => {
  it.each([
    ["get", [VALID_ID], "/charge", "{"],
    ["list", [], "/data/*/charge", "{"],
  ])("%s says the server wrote 1e400, as the drift check does", async (command, args, pointer, printed) => {
    const server = await servers.start((req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        req.url!.startsWith("/api/video/logs/")
          ? log
          : `{"links":{"self":"/api/video/logs","first":"/api/video/logs"},"data":[${log}]}`,
      );
    });
    const io = capturedIo(env);
    expect(await runCli([command, ...args, "--base-url", server.url], io)).toBe(1);
    expect(io.err()).toContain(
      `breaking ${command === "get" ? "get_log" : "list_logs"} ${pointer}: expected a finite number, got 1e400\n`,
    );
    expect(io.out().slice(0, 1)).toBe(printed);
    expect((JSON.parse(io.out()) as { charge: unknown }).charge).toBeNull();
  });
});
