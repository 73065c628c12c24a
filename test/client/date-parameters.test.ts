// A `Date` for a date-time parameter is the instant it is, sent as its toISOString(); anywhere else, or invalid, it is
// refused by name before anything is sent, never with the validator's "must be string".
import { describe, expect, it } from "vitest";
import { takesDateTime } from "../../src/client/date-parameters.ts";
import { InvalidInputError } from "../../src/index.ts";
import { sendJson } from "../helpers/local-server.ts";
import { pageOf } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";

const servers = serverPerTest();
const onePage = pageOf(1, { self: "/api/video/logs", first: "/api/video/logs" });
const sentQuery = () => Object.fromEntries(new URL(servers.server.requests[0]!.url, "http://x").searchParams);

describe("a Date as a query parameter", () => {
  it("is sent as the instant it is, in UTC, by listLogs and by the generic iterate", async () => {
    const client = await servers.clientWith((_req, res) => sendJson(res, 200, onePage));
    const after = new Date("2022-01-31T12:00:00+02:00");
    await client.listLogs({ created_after: after, created_before: "2022-02-01" });
    expect(sentQuery()).toEqual({ created_after: "2022-01-31T10:00:00.000Z", created_before: "2022-02-01" });
    for await (const _log of client.iterate("list_logs", { query: { created_on: new Date(Date.UTC(2022, 0, 31)) } }));
    expect(new URL(servers.server.requests[1]!.url, "http://x").searchParams.get("created_on")).toBe(
      "2022-01-31T00:00:00.000Z",
    );
  });

  it("is refused when invalid, naming the parameter, and nothing is sent", async () => {
    const client = await servers.clientWith((_req, res) => sendJson(res, 200, onePage));
    const error = await client.listLogs({ created_after: new Date("not a date") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({
      field: "query.created_after",
      message: "Invalid query.created_after: an invalid Date (its time is NaN)",
    });
    expect(servers.server.requests).toEqual([]);
  });

  it("is refused for a parameter that does not take a date-time, saying a Date is not accepted there", async () => {
    const client = await servers.clientWith((_req, res) => sendJson(res, 200, onePage));
    const error = await client.listLogs({ page_token: new Date() as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({
      field: "query.page_token",
      message: "Invalid query.page_token: a Date is accepted only by a date-time parameter; pass a string",
    });
    expect(servers.server.requests).toEqual([]);
  });
});

describe("takesDateTime", () => {
  it.each([
    [{ type: "string", format: "date-time" }, true],
    [{ anyOf: [{ format: "date" }, { format: "date-time" }] }, true],
    [{ oneOf: [{ type: "integer" }, { anyOf: [{ format: "date-time" }] }] }, true],
    [{ type: "string", format: "date" }, false],
    [{ type: "string" }, false],
    [null, false],
  ])("%j: %s", (schema, expected) => {
    expect(takesDateTime(schema)).toBe(expected);
  });
});
