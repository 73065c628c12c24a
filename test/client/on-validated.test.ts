// A call's `onValidated`: each response's violations handed over instead of thrown, the body or a page's items as
// received. Without it, the validation modes throw as before.
import { describe, expect, it } from "vitest";
import { ContractViolationError, type ValidatedResponse } from "../../src/index.ts";
import { sendJson } from "../helpers/local-server.ts";
import { completedLog, pageOf } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";

const servers = serverPerTest();
const drifted = { ...completedLog, charge: "0.01", recording_url: "https://x" };

describe("onValidated", () => {
  it("gets a body's violations in the call's mode; the body is returned as received", async () => {
    const client = await servers.clientWith((_req, res) => sendJson(res, 200, drifted, { "x-request-id": "req-1" }));
    const seen: ValidatedResponse[] = [];
    await expect(
      client.getLog(completedLog.id, { validation: "strict", onValidated: (r) => seen.push(r) }),
    ).resolves.toEqual(drifted);
    expect(seen).toMatchObject([
      {
        operationId: "get_log",
        status: 200,
        requestId: "req-1",
        violations: [
          { pointer: "/recording_url", kind: "additive" },
          { pointer: "/charge", kind: "breaking" },
        ],
      },
    ]);
    // Tolerant: the additive violation is not among them, as it would not be among an error's.
    seen.length = 0;
    await client.getLog(completedLog.id, { onValidated: (r) => seen.push(r) });
    expect(seen[0]!.violations).toMatchObject([{ pointer: "/charge", kind: "breaking" }]);
  });

  it("without it, tolerant passes additive drift and throws on breaking drift, as before", async () => {
    const additive = { ...completedLog, recording_url: "https://x" };
    const client = await servers.clientWith((req, res) =>
      sendJson(res, 200, req.url!.endsWith("a") ? additive : drifted),
    );
    await expect(client.getLog(`${completedLog.id.slice(0, -1)}a`)).resolves.toEqual(additive);
    await expect(client.getLog(completedLog.id)).rejects.toBeInstanceOf(ContractViolationError);
  });

  it("hands over each page's violations before its items, and ends a listing that cannot go on after its items", async () => {
    const page = pageOf(2, { self: "/api/video/logs", first: "/api/video/logs", next: "/api/video/logs" });
    (page.data[1] as Record<string, unknown>).charge = "0.01";
    const client = await servers.clientWith((_req, res) => sendJson(res, 200, page));
    const events: string[] = [];
    const onValidated = (r: ValidatedResponse) => events.push(r.violations.map((v) => `${v.kind} ${v.pointer}`).join());
    for await (const log of client.iterateLogs({}, { onValidated })) events.push(log.id);
    expect(events).toEqual(["breaking /data/1/charge,breaking /links/next", page.data[0]!.id, page.data[1]!.id]);
  });

  it("a body that is not JSON still throws, since there is no body to return", async () => {
    const client = await servers.clientWith((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end("<html>");
    });
    const seen: ValidatedResponse[] = [];
    await expect(client.getLog(completedLog.id, { onValidated: (r) => seen.push(r) })).rejects.toBeInstanceOf(
      ContractViolationError,
    );
    expect(seen).toEqual([]);
  });
});
