// Item 10 of `npm run bench`: the validating proxy (`video-logs proxy`, a process of its own judging every response)
// under autocannon at 16 connections against 1 KB log bodies, beside the same load sent directly to the upstream,
// through a bare Node proxy that judges nothing (bench/pipe-proxy.mjs, on the same transport: the most any Node proxy
// gets here) and
// through Prism's validating proxy (`prism proxy … --errors=false`), in one run. Item 11 (opt-in, `--large-recording`):
// `check --har` of a 1 GiB NDJSON recording, entries per second and peak RSS.
import { spawnSync } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startSupervisedNode } from "../src/process/supervised-child.ts";
import { harEntry } from "../test/helpers/har-recording.ts";
import { completedLog } from "../test/helpers/sample-bodies.ts";

interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const root = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(root, "bin/video-logs.js");
const PRISM = join(root, "node_modules/@stoplight/prism-cli/dist/index.js");
const PIPE_PROXY = join(root, "bench/pipe-proxy.mjs");
const SPEC = join(root, "openapi/video-logs.openapi.yaml");

type Row = (...cells: string[]) => void;

/** Runs a child under supervision until `pattern` appears in its output; its URL (group 1) and its stop. */
async function startListening(script: string, args: string[], pattern: RegExp) {
  let url: string | undefined;
  const child = startSupervisedNode(script, args, {
    onLine: (line) => {
      url ??= pattern.exec(line)?.[1];
    },
  });
  const state = await child.waitUntil(async () => url !== undefined, { timeoutMs: 60_000, intervalMs: 50 });
  if (state !== "ready") {
    await child.stop();
    throw new Error(`${script} did not start (${state}): ${child.recentLines().join("\n")}`);
  }
  return { url: url!, child };
}

/** Basic credentials, as every request of a real application carries them: each response's judging redacts them. */
const CREDENTIALS = {
  authorization: `Basic ${Buffer.from("bench-project-0000:PTbenchtoken0123456789abcdef").toString("base64")}`,
};

const load = (url: string, seconds: number, headers: Record<string, string> = {}) =>
  autocannon({ url, connections: 16, duration: seconds, headers: { accept: "application/json", ...headers } });

/** Throughput and latency at 16 connections: direct, through our proxy, through Prism's; rounds interleaved. */
export async function proxyFigures(upstream: string, row: Row, notes: string[], quick: boolean): Promise<void> {
  const path = `/api/video/logs/${completedLog.id}`;
  const ours = await startListening(BIN, ["proxy", "--upstream", upstream, "--quiet"], /listening on (http:\S+) ->/);
  const pipe = await startListening(PIPE_PROXY, [upstream], /listening on (http:\S+) ->/);
  const prismPort = 20_000 + Math.floor(Math.random() * 20_000);
  const prism = await startListening(
    PRISM,
    ["proxy", SPEC, upstream, "--errors=false", "--port", String(prismPort), "--host", "127.0.0.1"],
    /Prism is listening on (http:\S+)/,
  );
  try {
    const seconds = quick ? 3 : 8;
    const runs: Record<"direct" | "pipe" | "ours" | "oursWithCredentials" | "prism", AutocannonResult[]> = {
      direct: [],
      pipe: [],
      ours: [],
      oursWithCredentials: [],
      prism: [],
    };
    await load(`${upstream}${path}`, 1);
    await load(`${ours.url}${path}`, 1);
    for (let round = 0; round < (quick ? 1 : 3); round++) {
      runs.direct.push(await load(`${upstream}${path}`, seconds));
      runs.pipe.push(await load(`${pipe.url}${path}`, seconds));
      runs.ours.push(await load(`${ours.url}${path}`, seconds));
      runs.oursWithCredentials.push(await load(`${ours.url}${path}`, seconds, CREDENTIALS));
      runs.prism.push(await load(`${prism.url.replace(/\/$/, "")}${path}`, quick ? 2 : 4));
    }
    const med = (results: AutocannonResult[], pick: (r: AutocannonResult) => number) =>
      results.map(pick).sort((a, b) => a - b)[Math.floor(results.length / 2)]!;
    const rps = (name: keyof typeof runs) => med(runs[name], (r) => r.requests.average);
    const p = (name: keyof typeof runs, q: "p50" | "p99") => med(runs[name], (r) => r.latency[q]);
    const ratio = rps("ours") / rps("direct");
    row(
      "proxy: requests/s through video-logs proxy (judging every response) vs direct, 16 connections, 1 KB",
      `${rps("ours").toFixed(0)}/s`,
      `${rps("direct").toFixed(0)}/s`,
      `${ratio.toFixed(3)}×`,
      "≥ 0.3×",
      ratio >= 0.3 ? "met" : "MISSED",
    );
    row(
      "proxy: the same, each request with Basic credentials (collected and redacted in every response judged)",
      `${rps("oursWithCredentials").toFixed(0)}/s`,
      `${rps("direct").toFixed(0)}/s`,
      `${(rps("oursWithCredentials") / rps("direct")).toFixed(3)}×`,
      "–",
      "",
    );
    row(
      "proxy: requests/s through a bare Node proxy (node:http server, undici dispatch, judging nothing) vs direct: the ceiling on these cores",
      `${rps("pipe").toFixed(0)}/s`,
      `${rps("direct").toFixed(0)}/s`,
      `${(rps("pipe") / rps("direct")).toFixed(3)}×`,
      "reference",
      `ours: ${(rps("ours") / rps("pipe")).toFixed(2)}× of it`,
    );
    for (const [q, target] of [
      ["p50", 1],
      ["p99", 5],
    ] as const) {
      const added = p("ours", q) - p("direct", q);
      row(
        `proxy: added latency ${q} at the same load`,
        `${p("ours", q).toFixed(2)} ms`,
        `${p("direct", q).toFixed(2)} ms`,
        `+${added.toFixed(2)} ms`,
        `≤ ${target} ms`,
        added <= target ? "met" : "MISSED",
      );
    }
    const vsPrism = rps("ours") / rps("prism");
    row(
      "proxy: requests/s through video-logs proxy vs Prism's validating proxy",
      `${rps("ours").toFixed(0)}/s`,
      `${rps("prism").toFixed(0)}/s (p50 ${p("prism", "p50").toFixed(1)} ms)`,
      `${vsPrism.toFixed(1)}×`,
      "≥ 10×",
      vsPrism >= 10 ? "met" : "MISSED",
    );
    const failed = Object.values(runs)
      .flat()
      .reduce((sum, r) => sum + r.errors + r.non2xx, 0);
    notes.push(
      `proxy: autocannon 8.0.0 in the bench process, the upstream and each proxy in processes of their own, on the same cores; ${failed} request(s) failed or were not 2xx.`,
    );
  } finally {
    await Promise.all([ours.child.stop(), pipe.child.stop(), prism.child.stop()]);
  }
}

/** Writes an NDJSON recording of about `bytes` of get_log entries (every 100th drifted); returns its entries. */
async function writeLargeRecording(file: string, bytes: number): Promise<number> {
  const out = createWriteStream(file);
  const { locked: _locked, ...drifted } = completedLog;
  let written = 0;
  let entries = 0;
  while (written < bytes) {
    const json = { ...(entries % 100 === 0 ? drifted : completedLog), id: completedLog.id };
    const line = `${JSON.stringify(harEntry({ url: `https://example.signalwire.com/api/video/logs/${json.id}`, json }))}\n`;
    written += Buffer.byteLength(line);
    entries++;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return entries;
}

/** `check --har` of a 1 GiB NDJSON recording in a process of its own: entries per second and peak RSS. */
export async function largeRecordingFigure(dir: string, row: Row): Promise<void> {
  const file = join(dir, "large.ndjson");
  const entries = await writeLargeRecording(file, 1024 ** 3);
  const size = statSync(file).size;
  const started = performance.now();
  // GNU time's %M is the peak RSS in KiB; the report (stdout) is dropped. Every 100th entry drifted: exit 1 is expected.
  const run = spawnSync(
    "/usr/bin/time",
    ["-f", "%M", process.execPath, BIN, "check", "--har", file, "--quiet", "--format", "json"],
    { stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1024 * 1024 },
  );
  const out = run.stderr.toString();
  if (run.status !== 1)
    throw new Error(`check --har of the large recording exited with ${run.status}: ${out.slice(-500)}`);
  const seconds = (performance.now() - started) / 1000;
  rmSync(file);
  const peakMb = Number(out.trim().split("\n").at(-1)) / 1024;
  row(
    `check --har of a ${(size / 1024 ** 3).toFixed(2)} GiB NDJSON recording (${entries} entries)`,
    `${(entries / seconds).toFixed(0)} entries/s`,
    `${seconds.toFixed(0)} s`,
    `peak RSS ${peakMb.toFixed(0)} MB`,
    "≤ 300 MB",
    peakMb <= 300 ? "met" : "MISSED",
  );
}
