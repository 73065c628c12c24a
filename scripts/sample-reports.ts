// Writes docs/examples/reports/: one drift report in every format, from a check of the tests' stand-in Space with two
// faults switched on, so the samples show drift. `npm run samples` refreshes them; a test compares them with a fresh run.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runDriftCheck } from "../src/check/run-drift-check.ts";
import { WRONG_API_TOKEN } from "../src/check/wrong-credentials.ts";
import { createVideoLogsClient } from "../src/client/create-client.ts";
import { defaultSpecPath } from "../src/openapi/spec-path.ts";
import { formatReport, REPORT_FORMATS, type ReportFormat } from "../src/report/format-report.ts";
import type { DriftReport } from "../src/report/report-types.ts";
import { findingLocatorOf, readSpecLocations } from "../src/report/spec-locations.ts";
import { API_TOKEN, PROJECT_ID } from "../test/helpers/sample-bodies.ts";
import { type Fault, startStandInSpace } from "../test/helpers/stand-in-space.ts";

export const SAMPLES_DIR = fileURLToPath(new URL("../docs/examples/reports/", import.meta.url));

/** The file each format is written to. */
export const SAMPLE_FILES: Readonly<Record<ReportFormat, string>> = {
  text: "drift.txt",
  json: "drift.json",
  junit: "drift.xml",
  markdown: "drift.md",
  sarif: "drift.sarif",
  gitlab: "drift.gitlab.json",
};

/** One breaking finding of two different checks: a get that disagrees with the listing, and a 404 of the wrong shape. */
export const SAMPLE_FAULTS: readonly Fault[] = ["get-differs-from-listing", "wrong-404-body"];

/** The tour's clock: the report's start and the listings' created_before pin. */
const STARTED_AT = Date.parse("2026-01-10T12:00:00.000Z");
/** The tour's seed: the samples show it. */
export const SAMPLE_SEED = 20260110;
/** The stand-in listens on a free port; the samples name this one. */
const SAMPLE_ORIGIN = "http://127.0.0.1:8080";
/** The unknown-id probe asks for a random UUID; the samples show this one. */
const SAMPLE_UNKNOWN_ID = "0b5e1c3a-7d2f-4e9a-8c6b-5a4f3e2d1c0b";

/**
 * The report with what changes from run to run made fixed, before it is formatted, so every format shows the same:
 * the port, the random unknown id, and the durations. The stand-in's own ids (1000000N-0000-4000-8000-…) are kept.
 */
function stabilise(report: DriftReport, origin: string): DriftReport {
  const text = JSON.stringify(report)
    .split(origin)
    .join(SAMPLE_ORIGIN)
    .replace(
      /\b(?!1[0-9a-f]{7}-0000-4000-8000-)[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\b/g,
      SAMPLE_UNKNOWN_ID,
    );
  const stable = JSON.parse(text) as DriftReport;
  return { ...stable, durationMs: 0, exchanges: stable.exchanges.map((check) => ({ ...check, durationMs: 0 })) };
}

/** Runs the check as `video-logs check` does and returns each format's text, stabilised. */
export async function sampleReports(): Promise<Record<ReportFormat, string>> {
  const space = await startStandInSpace({ faults: SAMPLE_FAULTS });
  try {
    // The CLI's client options: no validation in the client, no retries (a 5xx must show).
    const options = {
      baseUrl: space.url,
      projectId: PROJECT_ID,
      apiToken: API_TOKEN,
      validation: "off" as const,
      retries: 0,
      userAgent: "video-logs-check",
      env: {},
    };
    const client = createVideoLogsClient(options);
    const report = await runDriftCheck({
      client,
      wrongCredentialsClient: createVideoLogsClient({ ...options, apiToken: WRONG_API_TOKEN }),
      target: { baseUrl: client.baseUrl, kind: "base-url" },
      now: () => STARTED_AT,
      seed: SAMPLE_SEED,
      concurrency: 1,
    });
    const stable = stabilise(report, space.url);
    // The sarif and gitlab samples name the built-in spec by its path from the repository's root.
    const spec = readSpecLocations(defaultSpecPath(), fileURLToPath(new URL("..", import.meta.url)));
    const located = { spec, locator: findingLocatorOf(spec) };
    return Object.fromEntries(
      REPORT_FORMATS.map((format) => [format, formatReport(stable, format, { spec: located })]),
    ) as Record<ReportFormat, string>;
  } finally {
    await space.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const reports = await sampleReports();
  mkdirSync(SAMPLES_DIR, { recursive: true });
  for (const format of REPORT_FORMATS) writeFileSync(`${SAMPLES_DIR}${SAMPLE_FILES[format]}`, reports[format]);
  console.log(`Wrote ${REPORT_FORMATS.map((format) => SAMPLE_FILES[format]).join(", ")} to docs/examples/reports/`);
}
