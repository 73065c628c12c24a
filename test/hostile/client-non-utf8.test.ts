// Hostile servers sending bytes that are not UTF-8: a 2xx body is a contract violation, never silently repaired.
import { describe, expect, it } from "vitest";
import { runDriftCheck } from "../../src/check/run-drift-check.ts";
import {
  type ApiError,
  type ContractViolationError,
  createVideoLogsClient,
  type ValidationMode,
} from "../../src/index.ts";
import { API_TOKEN, completedLog, PROJECT_ID, pageOf, VALID_ID } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";
import { thrownBy } from "./hostile-helpers.ts";

const servers = serverPerTest();
const log = JSON.stringify(completedLog);
const page = JSON.stringify(pageOf(1, { self: "/api/video/logs", first: "/api/video/logs" }));
/** A body with `bad` spliced into the value of its first string property. */
const inValue = (json: string, bad: number[]) => {
  const at = json.indexOf('":"') + 3;
  return Buffer.concat([Buffer.from(json.slice(0, at)), Buffer.from(bad), Buffer.from(json.slice(at))]);
};

const INVALID: [string, number[]][] = [
  ["a lone 0xFF", [0xff]],
  ["a lone continuation byte", [0x80]],
  ["an overlong slash (C0 AF)", [0xc0, 0xaf]],
  ["an overlong NUL (E0 80 80)", [0xe0, 0x80, 0x80]],
  ["an encoded surrogate (ED A0 80)", [0xed, 0xa0, 0x80]],
  ["a code point past U+10FFFF (F4 90 80 80)", [0xf4, 0x90, 0x80, 0x80]],
  ["a lead byte F5", [0xf5, 0x80, 0x80, 0x80]],
  ["a truncated three-byte sequence", [0xe2, 0x82]],
  ["Latin-1 é", [0xe9]],
];

describe("a 2xx body that is not UTF-8 is a ContractViolationError with an encoding violation", () => {
  const cases = INVALID.flatMap(([label, bad]) =>
    (["strict", "tolerant", "off"] as ValidationMode[]).flatMap((mode) => [
      [label, bad, mode, "getLog"] as const,
      [label, bad, mode, "listLogs"] as const,
    ]),
  );
  it.each(cases)("%s, validation %s, %s", async (_label, bad, validation, call) => {
    const client = await servers.clientWith(
      (_q, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(inValue(call === "getLog" ? log : page, bad));
      },
      { validation },
    );
    const error = (await thrownBy(() =>
      call === "getLog" ? client.getLog(VALID_ID) : client.listLogs(),
    )) as ContractViolationError;
    expect(error).toMatchObject({
      name: "ContractViolationError",
      status: 200,
      violations: [{ keyword: "encoding", kind: "breaking", pointer: "" }],
    });
    expect(error.message).toContain("not valid UTF-8");
  });

  it.each([
    ["at the very end", (b: Buffer) => Buffer.concat([b, Buffer.from([0xc3])])],
    ["in a property name", (b: Buffer) => Buffer.concat([Buffer.from('{"'), Buffer.from([0xff]), b.subarray(2)])],
    [
      "as a UTF-16 body with its BOM",
      (_b: Buffer) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(log, "utf16le")]),
    ],
  ])("also %s", async (_label, spoil) => {
    const client = await servers.clientWith((_q, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(spoil(Buffer.from(log)));
    });
    await expect(client.getLog(VALID_ID)).rejects.toMatchObject({ violations: [{ keyword: "encoding" }] });
  });

  it("iterateLogs stops at the spoiled page, after the logs of the good one", async () => {
    const client = await servers.clientWith((req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      if (!req.url!.includes("page_token"))
        return res.end(JSON.stringify(pageOf(2, { self: "/a", first: "/a", next: "/api/video/logs?page_token=2" })));
      res.end(inValue(page, [0xff]));
    });
    const seen: string[] = [];
    const error = await thrownBy(async () => {
      for await (const entry of client.iterateLogs()) seen.push(entry.id);
    });
    expect(seen).toHaveLength(2);
    expect(error).toMatchObject({ violations: [{ keyword: "encoding" }] });
  });
});

describe("bodies that are UTF-8, or error bodies, are read as before", () => {
  it("accepts a 2xx body with a UTF-8 byte order mark and multi-byte text", async () => {
    const withText = { ...completedLog, name: "réunion ☎ 𝄞" };
    const client = await servers.clientWith((_q, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(withText))]));
    });
    await expect(client.getLog(VALID_ID)).resolves.toEqual(withText);
  });

  it.each(INVALID.slice(0, 3))("decodes a 404 body with %s leniently into an ApiError", async (_label, bad) => {
    const client = await servers.clientWith((_q, res) => {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(inValue('{"error":"Not Found"}', bad));
    });
    const error = (await thrownBy(() => client.getLog(VALID_ID))) as ApiError;
    expect(error.name).toBe("ApiError");
    expect(error.body).toMatchObject({ error: expect.stringContaining("\ufffd") });
  });

  it("the drift check reports a non-UTF-8 200 page as a breaking encoding violation", async () => {
    const server = await servers.start((_q, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(inValue(page, [0xff]));
    });
    const client = createVideoLogsClient({
      baseUrl: server.url,
      projectId: PROJECT_ID,
      apiToken: API_TOKEN,
      validation: "off",
      retries: 0,
    });
    const report = await runDriftCheck({
      client,
      target: { baseUrl: server.url, kind: "base-url" },
      pages: 1,
      sample: 0,
    });
    expect(report.exchanges[0]).toMatchObject({
      status: 200,
      passed: false,
      violations: [{ keyword: "encoding", kind: "breaking" }],
    });
  });
});
