// `npm run bench`: medians and ratios against baselines measured in the same run. Exits non-zero only when it
// cannot run; targets are printed, never enforced.
import { execFileSync, fork, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ValidateFunction } from "ajv";
import createClient from "openapi-fetch";
import { specDocument } from "../generated/spec-document.js";
import { responseValidators } from "../generated/validators.js";
import type { paths } from "../generated/video-logs.js";
import { isBuildCurrent } from "../scripts/lib/build-inputs.ts";
import { applyBaseline, formatIgnoreFile } from "../src/check/baseline.ts";
import { readBaselineFile } from "../src/check/baseline-file.ts";
import { CoverageCollector } from "../src/check/coverage/coverage-collector.ts";
import { coveragePlan } from "../src/check/coverage/coverage-plan.ts";
import { runHarCheck } from "../src/check/har/run-har-check.ts";
import { runDriftCheck } from "../src/check/run-drift-check.ts";
import { WRONG_API_TOKEN } from "../src/check/wrong-credentials.ts";
import type { Exchange } from "../src/client/exchange.ts";
import { groupFindings } from "../src/findings/group-findings.ts";
import { serializeHistory } from "../src/history/history-file.ts";
import { updateHistory } from "../src/history/update-history.ts";
import { createVideoLogsClient, VERSION } from "../src/index.ts";
import { loadSpec } from "../src/openapi/load-spec.ts";
import { buildActions } from "../src/propose/build-actions.ts";
import { Observations } from "../src/propose/observations.ts";
import { ResponseObserver } from "../src/propose/observe-response.ts";
import { overlayDocument, overlayYaml } from "../src/propose/overlay-document.ts";
import { Proposal } from "../src/propose/proposal.ts";
import { validateResponse } from "../src/validation/validate-response.ts";
import { driftedRecording, harRecording } from "../test/helpers/har-recording.ts";
import { API_TOKEN, completedLog, PROJECT_ID, pageOf } from "../test/helpers/sample-bodies.ts";
import { standInLogs, startStandInSpace } from "../test/helpers/stand-in-space.ts";
import { baselineWorkload, ENTRIES, FINDINGS } from "./baseline-workload.ts";
import { startDelayingProxy } from "./delaying-proxy.ts";
import { historyBenchInput } from "./history-fixture.ts";
import { type Comparison, compare, comparison, interleavedRounds, median } from "./measure.ts";
import { largeRecordingFigure, proxyFigures } from "./proxy-figures.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const quick = process.argv.includes("--quick");
const credentials = { projectId: "bench-project", apiToken: "bench-token" };
const authorization = `Basic ${Buffer.from(`${credentials.projectId}:${credentials.apiToken}`).toString("base64")}`;
const rows: string[][] = [];
const notes: string[] = [];
const row = (...cells: string[]) => rows.push(cells);
/** A median ratio with the quartiles of the per-round ratios beside it. */
const ratioCell = (c: Comparison) => `${c.ratio.toFixed(3)}× (${c.ratioLow.toFixed(2)}–${c.ratioHigh.toFixed(2)})`;
const loadAtStart = loadavg();

// --- a server in its own process ---------------------------------------------------------------------------
const pages = quick ? 20 : 200;
/** The page server in its own process; its base URL once it listens. */
async function startPageServer(env: Record<string, string>) {
  const child = fork(fileURLToPath(new URL("./page-server.mjs", import.meta.url)), {
    env: { ...process.env, LOG_JSON: JSON.stringify(completedLog), ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m) => resolve((m as { port: number }).port));
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}
const { child: server, url: baseUrl } = await startPageServer({ PAGES: String(pages), PAGE_SIZE: "1000" });
/** The latency figures' server: every answer 60 ms after its request. */
const DELAY_MS = 60;
const delayed = await startPageServer({ PAGES: "10", PAGE_SIZE: "50", DELAY_MS: String(DELAY_MS) });

try {
  const logUrl = `${baseUrl}/api/video/logs/${completedLog.id}`;
  // The baseline sends the same request the client sends: same URL, same three headers.
  const headers = { authorization, accept: "application/json", "user-agent": `signalwire-video-logs/${VERSION}` };
  const rawGet = async () => JSON.parse(await (await fetch(logUrl, { headers })).text());
  const rounds = quick ? 30 : 200;
  const iterations = 20;

  // 1 and 2: the client's request path against the library it wraps (plain openapi-fetch, same request, same
  // keep-alive server answering at once, so the figure is the layer's own cost), and against raw fetch + JSON.parse.
  // Both validation modes and both baselines are timed in the same rounds, in turn, so that load from other processes
  // weighs on each alike.
  const plain = createClient<paths>({ baseUrl, headers });
  const plainGet = async () =>
    (await plain.GET("/api/video/logs/{id}", { params: { path: { id: completedLog.id } } })).data;
  const clientIn = (validation: "off" | "tolerant") => {
    const client = createVideoLogsClient({ baseUrl, ...credentials, validation });
    return () => client.getLog(completedLog.id);
  };
  const times = await interleavedRounds(
    { off: clientIn("off"), tolerant: clientIn("tolerant"), plain: plainGet, raw: rawGet },
    { rounds, iterations, warmup: 300 },
  );
  for (const [mode, subject, target] of [
    ["validation off", times.off, 1.05],
    ["tolerant validation", times.tolerant, 1.08],
  ] as const) {
    const overLibrary = comparison(subject, times.plain);
    const overRaw = comparison(subject, times.raw);
    row(
      `getLog, ${mode} vs plain openapi-fetch`,
      `${overLibrary.subjectUs.toFixed(0)} µs`,
      `${overLibrary.baselineUs.toFixed(0)} µs`,
      ratioCell(overLibrary),
      `≤ ${target}×`,
      overLibrary.ratio <= target ? "met" : "MISSED",
    );
    row(
      `getLog, ${mode} vs raw fetch + JSON.parse`,
      `${overRaw.subjectUs.toFixed(0)} µs`,
      `${overRaw.baselineUs.toFixed(0)} µs`,
      ratioCell(overRaw),
      "(printed beside)",
      "",
    );
    // The client process's own CPU per call: the layer's cost with the server's scheduling left out.
    const cpuOverLibrary = comparison(subject, times.plain, "cpuUs");
    const cpuOverRaw = comparison(subject, times.raw, "cpuUs");
    notes.push(
      `getLog, ${mode}, client process CPU per call: ${cpuOverLibrary.subjectUs.toFixed(0)} µs against ${cpuOverLibrary.baselineUs.toFixed(0)} µs for plain openapi-fetch (${ratioCell(cpuOverLibrary)}) and ${cpuOverRaw.baselineUs.toFixed(0)} µs for raw fetch (${ratioCell(cpuOverRaw)}).`,
    );
  }

  // 3: strict validation of a 1000-item page against the raw precompiled validator.
  const page = pageOf(1000, { self: "/api/video/logs", first: "/api/video/logs" });
  const rawValidator = (responseValidators.list_logs as unknown as Record<string, ValidateFunction>)["200"]!;
  const v = await compare(
    () => validateResponse("list_logs", 200, page, { mode: "strict" }),
    () => rawValidator(page),
    {
      rounds: quick ? 5 : 15,
      iterations: quick ? 20 : 60,
      warmup: 50,
    },
  );
  row(
    "strict validation of a 1000-log page vs raw precompiled ajv",
    `${v.subjectUs.toFixed(0)} µs`,
    `${v.baselineUs.toFixed(0)} µs`,
    ratioCell(v),
    "≤ 1.1×",
    v.ratio <= 1.1 ? "met" : "MISSED",
  );

  // 3b: a baseline of 200,000 entries against a report of 2,000 findings (bench/baseline-workload.ts): matching is
  // indexed, so it costs in proportion to entries plus findings; the baseline figure applies --write-baseline's 2,000
  // entries for the same findings. Each call regroups the report's findings too, as `check --baseline` does.
  const work = baselineWorkload();
  const now = Date.parse(work.report.startedAt);
  let knownFindings = 0;
  const matched = await compare(
    () => (knownFindings = applyBaseline(work.report, work.large, { now }).summary.known ?? 0),
    () => applyBaseline(work.report, work.written, { now }),
    { rounds: quick ? 3 : 9, iterations: 1, warmup: 1 },
  );
  if (knownFindings !== FINDINGS) throw new Error(`the baseline hid ${knownFindings} of ${FINDINGS} findings`);
  row(
    `${ENTRIES.toLocaleString("en")} baseline entries against ${FINDINGS.toLocaleString("en")} findings vs the ${FINDINGS.toLocaleString("en")} entries --write-baseline wrote`,
    `${(matched.subjectUs / 1000).toFixed(0)} ms`,
    `${(matched.baselineUs / 1000).toFixed(0)} ms`,
    ratioCell(matched),
    "≤ 1 s",
    matched.subjectUs <= 1_000_000 ? "met" : "MISSED",
  );
  const baselineFile = join(mkdtempSync(join(tmpdir(), "video-logs-bench-")), "baseline.json");
  writeFileSync(baselineFile, formatIgnoreFile({ ignore: [...work.large.entries] }));
  const readTimes: number[] = [];
  for (let i = 0; i < (quick ? 1 : 3); i++) {
    const started = performance.now();
    await readBaselineFile(baselineFile);
    readTimes.push(performance.now() - started);
  }
  notes.push(
    `reading that baseline's file (${(statSync(baselineFile).size / 2 ** 20).toFixed(1)} MiB: UTF-8, JSON, the schema check of every entry): median ${median(readTimes).toFixed(0)} ms.`,
  );
  rmSync(dirname(baselineFile), { recursive: true, force: true });

  // 4: cold start of the compiled package, validating one response, against an empty node process. Both print the
  // CPU time they used, a figure less moved by other processes than the wall time the target is set in.
  execFileSync(process.execPath, ["--import", "tsx", "scripts/build.ts"], { cwd: root, stdio: "inherit" });
  const printCpu = "const c = process.cpuUsage(); process.stdout.write(String((c.user + c.system) / 1000));";
  const script = `import { validateResponse } from "./dist/src/index.js"; if (validateResponse("get_log", 200, ${JSON.stringify(completedLog)}).length) process.exit(3); ${printCpu}`;
  const timeRun = (args: string[]) => {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`cold-start run failed: ${result.stderr}`);
    return { wallMs: performance.now() - started, cpuMs: Number(result.stdout) };
  };
  const bare: { wallMs: number; cpuMs: number }[] = [];
  const loaded: { wallMs: number; cpuMs: number }[] = [];
  for (let i = 0; i < (quick ? 5 : 21); i++) {
    bare.push(timeRun(["-e", printCpu]));
    loaded.push(timeRun(["--input-type=module", "-e", script]));
  }
  const wall = (runs: { wallMs: number }[]) => median(runs.map((r) => r.wallMs));
  const cpu = (runs: { cpuMs: number }[]) => median(runs.map((r) => r.cpuMs));
  const extra = wall(loaded) - wall(bare);
  row(
    "cold start: import + validate one response vs node -e",
    `${wall(loaded).toFixed(1)} ms`,
    `${wall(bare).toFixed(1)} ms`,
    `+${extra.toFixed(1)} ms`,
    "≤ +40 ms",
    extra <= 40 ? "met" : "MISSED",
  );
  notes.push(
    `cold start in CPU time: ${cpu(loaded).toFixed(1)} ms against ${cpu(bare).toFixed(1)} ms, +${(cpu(loaded) - cpu(bare)).toFixed(1)} ms.`,
  );

  // 5: streaming pagination throughput and memory, in a fresh process so the RSS baseline is its own.
  const child = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", "bench/iterate-logs.ts", baseUrl], {
    cwd: root,
    encoding: "utf8",
  });
  if (child.status !== 0) throw new Error(`iterateLogs run failed: ${child.stderr}`);
  const it = JSON.parse(child.stdout) as Record<
    "count" | "seconds" | "rssStart" | "rssWarm" | "rssPeak" | "rssEnd",
    number
  > & {
    heapSamples: { page: number; heap: number; rss: number }[];
  };
  const mb = (bytes: number) => bytes / 2 ** 20;
  // The last sample is taken after the walk has ended; the others while it runs, the first after the warm-up.
  const during = it.heapSamples.slice(0, -1);
  const heapGrowthMb = mb(Math.max(...during.map((s) => s.heap)) - during[0]!.heap);
  const HEAP_GROWTH_LIMIT_MB = 2;
  row(
    `iterateLogs over ${pages} pages × 1000 logs (tolerant)`,
    `${Math.round(it.count / it.seconds).toLocaleString("en")} logs/s`,
    `${it.count} logs`,
    `heap after GC +${heapGrowthMb.toFixed(2)} MB after 10 pages`,
    `flat (< +${HEAP_GROWTH_LIMIT_MB} MB)`,
    heapGrowthMb < HEAP_GROWTH_LIMIT_MB ? "met" : "MISSED",
  );
  notes.push(
    `iterateLogs heap after a full GC (MB), by page: ${it.heapSamples.map((s) => `${s.page}: ${mb(s.heap).toFixed(1)}`).join(", ")} (the last after the walk ended).`,
    `iterateLogs RSS: ${mb(it.rssStart).toFixed(0)} MB at start, ${mb(it.rssWarm).toFixed(0)} MB after 10 pages, peak ${mb(it.rssPeak).toFixed(0)} MB (+${mb(it.rssPeak - it.rssWarm).toFixed(0)} MB), ${mb(it.rssEnd).toFixed(0)} MB at the end: memory the allocator keeps mapped for the page-sized buffers, not live objects.`,
  );
  // 6: the prefetching iterator against a page-after-page loop over listLogs: 10 pages of 50, 60 ms round trips, a
  // consumer that spends 60 ms on each page (waiting, as a consumer writing elsewhere does).
  const consume = () => new Promise((resolve) => setTimeout(resolve, DELAY_MS));
  const latencyClient = createVideoLogsClient({ baseUrl: delayed.url, ...credentials });
  const prefetching = async () => {
    let n = 0;
    for await (const _log of latencyClient.iterateLogs({ page_size: 50 })) if (++n % 50 === 0) await consume();
  };
  const pageAfterPage = async () => {
    for (let page = 0; ; page++) {
      const body = await latencyClient.listLogs({ page_size: 50, page_number: page });
      await consume();
      if (!body.links.next) break;
    }
  };
  const latencyRounds = quick ? 3 : 7;
  const prefetch = await compare(prefetching, pageAfterPage, { rounds: latencyRounds, iterations: 1, warmup: 1 });
  row(
    `iterateLogs (prefetch) vs page-after-page listLogs, 10 × 50 logs, ${DELAY_MS} ms RTT + ${DELAY_MS} ms work/page`,
    `${(prefetch.subjectUs / 1000).toFixed(0)} ms`,
    `${(prefetch.baselineUs / 1000).toFixed(0)} ms`,
    ratioCell(prefetch),
    "≤ 0.65×",
    prefetch.ratio <= 0.65 ? "met" : "MISSED",
  );

  // 7: the drift check's whole tour against the stand-in Space behind a proxy that delays every request 60 ms:
  // the default concurrency against one probe at a time (runDriftCheck, the code `video-logs check` runs).
  const space = await startStandInSpace();
  const proxy = await startDelayingProxy(space.url, DELAY_MS);
  const tourOptions = { baseUrl: proxy.url, projectId: PROJECT_ID, retries: 0, validation: "off" as const };
  const tour = (concurrency?: number) => async () => {
    const report = await runDriftCheck({
      client: createVideoLogsClient({ ...tourOptions, apiToken: API_TOKEN }),
      wrongCredentialsClient: createVideoLogsClient({ ...tourOptions, apiToken: WRONG_API_TOKEN }),
      target: { baseUrl: proxy.url, kind: "base-url" },
      ...(concurrency === undefined ? {} : { concurrency }),
    });
    tourRequests = report.summary.requests;
  };
  let tourRequests = 0;
  try {
    const check = await compare(tour(), tour(1), { rounds: latencyRounds, iterations: 1, warmup: 1 });
    row(
      `check: default concurrency vs --concurrency 1, ${tourRequests} requests, ${DELAY_MS} ms RTT`,
      `${(check.subjectUs / 1000).toFixed(0)} ms`,
      `${(check.baselineUs / 1000).toFixed(0)} ms`,
      ratioCell(check),
      "≤ 0.40×",
      check.ratio <= 0.4 ? "met" : "MISSED",
    );
  } finally {
    await proxy.close();
    await space.close();
  }

  // 8: grouping the findings of a 10,000-log listing whose every log drifts (charge sent as a string), judged from a
  // recording so that only our own code runs: the grouping step's CPU time against the whole check's, in one run.
  const dir = mkdtempSync(join(tmpdir(), "video-logs-bench-"));
  try {
    const logs = pageOf(10_000, { self: `${baseUrl}/api/video/logs`, first: `${baseUrl}/api/video/logs` }).data.map(
      (log) => ({ ...log, charge: String((log as { charge: number }).charge) }),
    );
    const file = join(dir, "drifted.har");
    writeFileSync(
      file,
      JSON.stringify(
        harRecording([
          {
            url: `${baseUrl}/api/video/logs`,
            json: { links: { self: `${baseUrl}/api/video/logs`, first: `${baseUrl}/api/video/logs` }, data: logs },
          },
        ]),
      ),
    );
    const cpuMs = (start: NodeJS.CpuUsage) => {
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1000;
    };
    const whole: number[] = [];
    const grouping: number[] = [];
    let findings = 0;
    let occurrences = 0;
    for (let round = 0; round < (quick ? 3 : 9); round++) {
      const started = process.cpuUsage();
      const report = await runHarCheck({ file });
      whole.push(cpuMs(started));
      const groupStarted = process.cpuUsage();
      findings = groupFindings(report.exchanges).length;
      grouping.push(cpuMs(groupStarted));
      occurrences = report.exchanges.reduce((sum, exchange) => sum + exchange.violations.length, 0);
    }
    const ratio = median(whole) / (median(whole) - median(grouping));
    row(
      `check --har of a 10,000-log drifted listing: with grouping vs without (${occurrences} occurrences, ${findings} finding(s))`,
      `${median(whole).toFixed(0)} ms CPU`,
      `${(median(whole) - median(grouping)).toFixed(0)} ms CPU`,
      `${ratio.toFixed(3)}× (grouping ${median(grouping).toFixed(1)} ms)`,
      "≤ 1.1×",
      ratio <= 1.1 ? "met" : "MISSED",
    );
    await coverageFigure(dir, baseUrl);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // 9: one run recorded in a drift history of 200 runs × 500 fingerprints, as `check --history` does it: the lock
  // taken, the file read, validated and judged against, written to a temporary file, renamed, the lock released.
  // The baseline is the file's own cost: read, JSON.parse, JSON.stringify, write. Each round starts from the same file.
  const historyDir = mkdtempSync(join(tmpdir(), "video-logs-bench-history-"));
  try {
    const RUNS = 200;
    const FINGERPRINTS = 500;
    const { history, report, specHash } = historyBenchInput({ runs: RUNS, fingerprints: FINGERPRINTS });
    const file = join(historyDir, "history.json");
    const text = serializeHistory(history);
    const update = () => updateHistory(file, report, { keep: RUNS, failOn: "breaking", specHash });
    writeFileSync(file, text);
    const coldStarted = performance.now();
    await update();
    const coldMs = performance.now() - coldStarted;
    const updates: number[] = [];
    const rawFile: number[] = [];
    for (let round = 0; round < (quick ? 7 : 21); round++) {
      writeFileSync(file, text);
      const started = performance.now();
      await update();
      updates.push(performance.now() - started);
      const rawStarted = performance.now();
      writeFileSync(`${file}.raw`, JSON.stringify(JSON.parse(readFileSync(file, "utf8"))));
      rawFile.push(performance.now() - rawStarted);
    }
    row(
      `check --history: a run recorded in a history of ${RUNS} runs × ${FINGERPRINTS} fingerprints (${(text.length / 2 ** 20).toFixed(1)} MB) vs reading and writing its JSON`,
      `${median(updates).toFixed(1)} ms`,
      `${median(rawFile).toFixed(1)} ms`,
      `${(median(updates) / median(rawFile)).toFixed(2)}×`,
      "≤ 100 ms",
      median(updates) <= 100 ? "met" : "MISSED",
    );
    notes.push(
      `check --history: the first update of the process took ${coldMs.toFixed(0)} ms, the history schema's compilation by ajv included (a CLI run pays it once).`,
    );
  } finally {
    rmSync(historyDir, { recursive: true, force: true });
  }
  await verificationFigure();

  // 10: the validating proxy against direct requests and Prism's proxy (the built CLI: built first when stale).
  if (!isBuildCurrent(root)) execFileSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });
  await proxyFigures(baseUrl, row, notes, quick);
  // 11 (opt-in: some minutes and a GiB of disk): a 1 GiB recording judged as a stream.
  if (process.argv.includes("--large-recording")) {
    const largeDir = mkdtempSync(join(tmpdir(), "video-logs-bench-large-"));
    try {
      await largeRecordingFigure(largeDir, row);
    } finally {
      rmSync(largeDir, { recursive: true, force: true });
    }
  } else notes.push("check --har of a 1 GiB recording: run `npm run bench -- --large-recording` for it (minutes).");
} finally {
  server.kill();
  delayed.child.kill();
}

const header = ["benchmark", "subject (median)", "baseline (median)", "ratio", "target", ""];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(", ");
console.log(
  `\nNode ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB${quick ? " (--quick)" : ""}`,
);
console.log(`load average (1, 5, 15 min): ${load(loadAtStart)} at the start, ${load(loadavg())} at the end\n`);
console.log([line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n"));
for (const note of notes) console.log(`\n${note}`);

/**
 * 9: the coverage of a 10,000-log listing (every tenth log deleted, some in progress, some fields null) judged from a
 * recording: what collecting it costs (each response's status, parameters and body walked beside its schema, in a
 * collector of its own) against the whole recording check's CPU time, which includes it, in one run; as item 8 does.
 */
async function coverageFigure(dir: string, baseUrl: string): Promise<void> {
  const links = { self: `${baseUrl}/api/video/logs?page_size=1000`, first: `${baseUrl}/api/video/logs` };
  const file = join(dir, "listing.har");
  writeFileSync(file, JSON.stringify(harRecording([{ url: links.self, json: { links, data: standInLogs(10_000) } }])));
  const cpuMs = (start: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
  const compileStarted = process.cpuUsage();
  const plan = coveragePlan(specDocument as Record<string, unknown>);
  const compileMs = cpuMs(compileStarted);
  const whole: number[] = [];
  const collecting: number[] = [];
  let percent = 0;
  for (let round = 0; round < (quick ? 3 : 9); round++) {
    const exchanges: Exchange[] = [];
    const started = process.cpuUsage();
    const report = await runHarCheck({ file, onExchange: (exchange) => exchanges.push(exchange) });
    whole.push(cpuMs(started));
    percent = report.coverage.percent;
    const collectStarted = process.cpuUsage();
    const collector = new CoverageCollector(plan);
    for (const exchange of exchanges)
      collector.observe(exchange.operationId, exchange.response.status, exchange.url, exchange.parsed);
    collecting.push(cpuMs(collectStarted));
  }
  const ratio = median(whole) / (median(whole) - median(collecting));
  row(
    `check --har of a 10,000-log listing: with coverage vs without (coverage ${percent}%)`,
    `${median(whole).toFixed(0)} ms CPU`,
    `${(median(whole) - median(collecting)).toFixed(0)} ms CPU`,
    `${ratio.toFixed(3)}× (coverage ${median(collecting).toFixed(1)} ms)`,
    "≤ 1.1×",
    ratio <= 1.1 ? "met" : "MISSED",
  );
  notes.push(
    `coverage: compiling the spec's coverage plan (once per process) takes ${compileMs.toFixed(1)} ms of CPU, warm.`,
  );
}

/**
 * 10: the proposal of the README's drifted recording (`check --har rec.har --propose`), verified before it is written
 * (applied as openapi-format applies it, read back, gated, every body judged again) against the same actions built
 * and written unverified. Warm: the first verification of a process also compiles the OpenAPI 3.1 schema.
 */
async function verificationFigure(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "video-logs-bench-propose-"));
  try {
    const file = join(dir, "rec.har");
    writeFileSync(file, JSON.stringify(driftedRecording()));
    const exchanges: Exchange[] = [];
    await runHarCheck({ file, onExchange: (exchange) => exchanges.push(exchange) });
    const spec = loadSpec();
    const verified = () => {
      const proposal = new Proposal(spec);
      for (const exchange of exchanges) proposal.observe(exchange);
      return proposal.yaml();
    };
    const unverified = () => {
      const observations = new Observations();
      const observer = new ResponseObserver(spec, observations);
      for (const exchange of exchanges) observer.observe(exchange);
      const { actions, notProposed } = buildActions(spec, observations);
      return overlayYaml(overlayDocument(spec, actions, notProposed));
    };
    const coldStarted = performance.now();
    verified();
    const coldMs = performance.now() - coldStarted;
    const times = await interleavedRounds(
      { verified, unverified },
      { rounds: quick ? 3 : 7, iterations: 1, warmup: 1 },
    );
    const c = comparison(times.verified, times.unverified, "wallUs");
    row(
      "check --propose of the README's drifted recording: verified vs unverified",
      `${(c.subjectUs / 1000).toFixed(0)} ms`,
      `${(c.baselineUs / 1000).toFixed(1)} ms`,
      ratioCell(c),
      "–",
      "",
    );
    notes.push(
      `check --propose: the first verified proposal of the process took ${coldMs.toFixed(0)} ms (the OpenAPI 3.1 schema compiled by ajv included).`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
