import { describe, expectTypeOf, it } from "vitest";
import {
  type ApiError,
  createVideoLogsClient,
  type DiscardedLog,
  type DriftFinding,
  type DriftHandler,
  isDiscardedLog,
  type ListLogsPage,
  type ListLogsQuery,
  type Log,
  type VideoLog,
  type VideoLogsClientOptions,
} from "../../src/index.ts";

const client = createVideoLogsClient({ baseUrl: "http://127.0.0.1:4010", projectId: "p", apiToken: "t" });

describe("the client's types", () => {
  it("getLog resolves to a Log or a DiscardedLog", () => {
    expectTypeOf(client.getLog).returns.resolves.toEqualTypeOf<VideoLog>();
    expectTypeOf<VideoLog>().toEqualTypeOf<Log | DiscardedLog>();
  });

  it("listLogs resolves to a page with links and data", () => {
    expectTypeOf(client.listLogs).returns.resolves.toEqualTypeOf<ListLogsPage>();
    expectTypeOf<ListLogsPage["links"]["next"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ListLogsPage["data"]>().toEqualTypeOf<VideoLog[]>();
  });

  it("isDiscardedLog narrows a VideoLog", () => {
    const log = {} as VideoLog;
    if (isDiscardedLog(log)) expectTypeOf(log).toEqualTypeOf<DiscardedLog>();
    else expectTypeOf(log).toEqualTypeOf<Log>();
  });

  it("Log fields carry the spec's nullability", () => {
    expectTypeOf<Log["ended_at"]>().toEqualTypeOf<string | null>();
    expectTypeOf<Log["status"]>().toEqualTypeOf<"in-progress" | "completed" | null>();
    expectTypeOf<Log["charge"]>().toEqualTypeOf<number>();
  });

  it("ListLogsQuery takes the spec's parameters and nothing else", () => {
    expectTypeOf<ListLogsQuery["page_size"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ListLogsQuery["include_deleted"]>().toEqualTypeOf<boolean | undefined>();
    // @ts-expect-error -- `page` is not a parameter of list_logs
    void client.listLogs({ page: 2 });
    // @ts-expect-error -- page_size is a number
    void client.listLogs({ page_size: "10" });
  });

  it("the raw client only knows the spec's paths", () => {
    void client.raw.GET("/api/video/logs/{id}", { params: { path: { id: "x" } } });
    // @ts-expect-error -- no such path in the spec
    void client.raw.GET("/api/video/rooms");
    // @ts-expect-error -- the id path parameter is required
    void client.raw.GET("/api/video/logs/{id}", { params: { path: {} } });
  });

  it("ApiError exposes status and body", () => {
    expectTypeOf<ApiError["status"]>().toEqualTypeOf<number>();
    expectTypeOf<ApiError["requestId"]>().toEqualTypeOf<string | undefined>();
  });
  it("the generic methods are typed from the spec's operations: bodies, items and parameters", () => {
    expectTypeOf(client.get<"get_log">).returns.resolves.toEqualTypeOf<VideoLog>();
    expectTypeOf(client.list<"list_logs">).returns.resolves.toEqualTypeOf<ListLogsPage>();
    expectTypeOf(client.iterate<"list_logs">).returns.toEqualTypeOf<AsyncGenerator<VideoLog, void, undefined>>();
    expectTypeOf<NonNullable<Parameters<typeof client.list<"list_logs">>[1]>["query"]>().toEqualTypeOf<
      ListLogsQuery | undefined
    >();
    // @ts-expect-error get_log is not a list operation
    void client.list("get_log");
    // @ts-expect-error no such operation in the spec
    void client.get("get_logs");
    // @ts-expect-error get_log's path needs its id
    void client.get("get_log", { path: {} });
  });

  it("onDrift takes a handler of one DriftFinding, and driftSummary returns them all", () => {
    expectTypeOf<VideoLogsClientOptions["onDrift"]>().toEqualTypeOf<DriftHandler | undefined>();
    expectTypeOf<DriftHandler>().toEqualTypeOf<(finding: DriftFinding) => void>();
    expectTypeOf(client.driftSummary).returns.toEqualTypeOf<DriftFinding[]>();
    expectTypeOf<DriftFinding["severity"]>().toEqualTypeOf<"breaking" | "additive">();
    createVideoLogsClient({ onDrift: (finding) => expectTypeOf(finding.count).toEqualTypeOf<number>() });
    // @ts-expect-error a handler takes a finding, not a list of them
    createVideoLogsClient({ onDrift: (findings: DriftFinding[]) => findings });
  });

  it("a date-time filter takes a Date beside its text, and no other parameter takes one", () => {
    expectTypeOf<ListLogsQuery["created_after"]>().toEqualTypeOf<string | Date | undefined>();
    expectTypeOf<ListLogsQuery["created_on"]>().toEqualTypeOf<string | Date | undefined>();
    expectTypeOf<ListLogsQuery["page_token"]>().toEqualTypeOf<string | undefined>();
    void client.iterateLogs({ created_after: new Date(), created_before: "2022-01-31" });
    void client.iterate("list_logs", { query: { created_on: new Date() } });
    // @ts-expect-error page_token is not a date-time
    void client.listLogs({ page_token: new Date() });
    // @ts-expect-error get_log's id is not a date-time
    void client.get("get_log", { path: { id: new Date() } });
  });
});
