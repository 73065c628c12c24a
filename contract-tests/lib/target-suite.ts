// The contract suite for a real server (any base URL, the live API, the replay server): one drift-check tour,
// then one test per kind of check, each failing with the violations it found.
import { beforeAll, describe, expect, it } from "vitest";
import { runDriftCheck } from "../../src/check/run-drift-check.ts";
import { WRONG_API_TOKEN } from "../../src/check/wrong-credentials.ts";
import type { VideoLogsClientOptions } from "../../src/client/options.ts";
import type { ProbeKind } from "../../src/findings/probe-kind.ts";
import { createVideoLogsClient } from "../../src/index.ts";
import { getByIdOperations, listOperations, parameterWith } from "../../src/operations/operation-table.ts";
import type { DriftReport, ExchangeResult, ServerTarget } from "../../src/report/report-types.ts";
import { expectConforms } from "./judge.ts";

export interface TargetSuiteOptions {
  /** Where and with which credentials; the client runs with validation off so the suite sees raw drift. */
  client: Pick<VideoLogsClientOptions, "baseUrl" | "space" | "projectId" | "apiToken" | "env">;
  kind: ServerTarget["kind"];
  /** A log id known to exist (SIGNALWIRE_VIDEO_LOG_ID). */
  knownLogId?: string;
  pages?: number;
}

function describeFailures(checks: ExchangeResult[]): string[] {
  return checks.flatMap((c) =>
    c.error
      ? [`${c.name}: no response (${c.error})`]
      : c.violations.map((v) => `${c.name}: ${v.kind} ${v.pointer || "/"} ${v.message}`),
  );
}

/** `target` may be a function, for a server that only exists once the suite's own setup has started it. */
export function describeTargetSuite(title: string, target: TargetSuiteOptions | (() => TargetSuiteOptions)): void {
  describe(title, () => {
    let options: TargetSuiteOptions;
    let clientOptions: VideoLogsClientOptions;
    let report: DriftReport;

    beforeAll(async () => {
      options = typeof target === "function" ? target() : target;
      clientOptions = { ...options.client, validation: "off", timeoutMs: 20_000 };
      const client = createVideoLogsClient(clientOptions);
      report = await runDriftCheck({
        client,
        wrongCredentialsClient: createVideoLogsClient({ ...clientOptions, apiToken: WRONG_API_TOKEN }),
        target: { baseUrl: client.baseUrl, kind: options.kind },
        pages: options.pages ?? 2,
        sample: 5,
      });
    }, 120_000);

    const checksOfKind = (kind: ProbeKind) => report.exchanges.filter((c) => c.kind === kind);

    it("lists the pages of every list operation that match the spec, with and without the discarded form", () => {
      const pages = checksOfKind("page");
      for (const list of listOperations()) {
        const listed = pages.filter((c) => c.operation === list.operationId);
        expect(listed.length).toBeGreaterThan(0);
        // Where the spec has a filter for the discarded form, both listings are read.
        const discarded = parameterWith(list, "x-includes-discarded");
        if (discarded) {
          const values = listed.map((c) => new URL(c.url).searchParams.get(discarded.name));
          expect(values).toContain("false");
          expect(values).toContain("true");
        }
      }
      expect(describeFailures(pages)).toEqual([]);
    });

    it("returns every sampled item in a form the spec describes", (context) => {
      const sampled = checksOfKind("sampled-item");
      if (sampled.length === 0) return context.skip("the listings held no item to sample");
      expect(describeFailures(sampled)).toEqual([]);
    });

    it("answers an unknown id of every get-by-id operation with the spec's 404 body", () => {
      const unknown = checksOfKind("unknown-item");
      expect(unknown.map((c) => c.operation).sort()).toEqual(
        getByIdOperations()
          .map((o) => o.operationId)
          .sort(),
      );
      expect(describeFailures(unknown)).toEqual([]);
    });

    it("answers wrong credentials with the spec's 401 body", () => {
      expect(checksOfKind("wrong-credentials")).toHaveLength(1);
      expect(describeFailures(checksOfKind("wrong-credentials"))).toEqual([]);
    });

    it("returns the configured log in a form the spec describes, when one is configured", async (context) => {
      if (!options.knownLogId) return context.skip("no known log id configured (SIGNALWIRE_VIDEO_LOG_ID)");
      const client = createVideoLogsClient(clientOptions);
      const { data, error, response } = await client.raw.GET("/api/video/logs/{id}", {
        params: { path: { id: options.knownLogId! } },
      });
      expect(response.status).toBe(200);
      expectConforms("get_log", response.status, response.ok ? data : error);
    });
  });
}
