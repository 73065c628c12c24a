// Run in a child process by the resource-bound tests: one client call, then its outcome, time and peak RSS as JSON.
import { createVideoLogsClient } from "../../../src/index.ts";
import { API_TOKEN, PROJECT_ID, VALID_ID } from "../../helpers/sample-bodies.ts";

const { url, options } = JSON.parse(process.argv[2]!) as { url: string; options: Record<string, unknown> };
const client = createVideoLogsClient({
  baseUrl: url,
  projectId: PROJECT_ID,
  apiToken: API_TOKEN,
  retries: 0,
  ...options,
});
const baselineRssKb = process.resourceUsage().maxRSS;
const started = performance.now();
let outcome: Record<string, unknown>;
try {
  await client.getLog(VALID_ID);
  outcome = { name: "resolved" };
} catch (error) {
  const e = error as Error & Record<string, unknown>;
  outcome = { name: e.name, message: e.message, maxBodyBytes: e.maxBodyBytes, status: e.status };
}
const elapsedMs = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({ ...outcome, elapsedMs, baselineRssKb, peakRssKb: process.resourceUsage().maxRSS })}\n`,
);
