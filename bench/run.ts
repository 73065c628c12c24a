// `npm run bench`: medians and ratios against baselines measured in the same run. Exits non-zero only when it
// cannot run; targets are printed, never enforced.
import { execFileSync, fork, spawnSync } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import type { ValidateFunction } from "ajv";
import { responseValidators } from "../generated/validators.js";
import { createVideoLogsClient, VERSION } from "../src/index.ts";
import { validateResponse } from "../src/validation/validate-response.ts";
import { completedLog, pageOf } from "../test/helpers/sample-bodies.ts";
import { compare, median } from "./measure.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const quick = process.argv.includes("--quick");
const credentials = { projectId: "bench-project", apiToken: "bench-token" };
const authorization = `Basic ${Buffer.from(`${credentials.projectId}:${credentials.apiToken}`).toString("base64")}`;
const rows: string[][] = [];
const notes: string[] = [];
const row = (...cells: string[]) => rows.push(cells);

// --- a server in its own process ---------------------------------------------------------------------------
const pages = quick ? 20 : 200;
const server = fork(fileURLToPath(new URL("./page-server.mjs", import.meta.url)), {
  env: { ...process.env, PAGES: String(pages), PAGE_SIZE: "1000", LOG_JSON: JSON.stringify(completedLog) },
  stdio: ["ignore", "inherit", "inherit", "ipc"],
});
const port = await new Promise<number>((resolve, reject) => {
  server.once("message", (m) => resolve((m as { port: number }).port));
  server.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
});
const baseUrl = `http://127.0.0.1:${port}`;

try {
  const logUrl = `${baseUrl}/api/video/logs/${completedLog.id}`;
  // The baseline sends the same request the client sends: same URL, same three headers.
  const headers = { authorization, accept: "application/json", "user-agent": `signalwire-video-logs/${VERSION}` };
  const rawGet = async () => JSON.parse(await (await fetch(logUrl, { headers })).text());
  const rounds = quick ? 5 : 15;
  const iterations = quick ? 100 : 400;

  // 1 and 2: the client's request path against raw fetch + JSON.parse.
  for (const [label, validation, target] of [
    ["getLog, validation off vs raw fetch + JSON.parse", "off", 1.1],
    ["getLog, tolerant validation vs raw fetch + JSON.parse", "tolerant", 1.2],
  ] as const) {
    const client = createVideoLogsClient({ baseUrl, ...credentials, validation });
    const r = await compare(() => client.getLog(completedLog.id), rawGet, { rounds, iterations, warmup: 200 });
    row(label, `${r.subjectUs.toFixed(0)} µs`, `${r.baselineUs.toFixed(0)} µs`, `${r.ratio.toFixed(3)}×`, `≤ ${target}×`, r.ratio <= target ? "met" : "MISSED");
  }

  // 3: strict validation of a 1000-item page against the raw precompiled validator.
  const page = pageOf(1000, { self: "/api/video/logs", first: "/api/video/logs" });
  const rawValidator = (responseValidators.list_logs as unknown as Record<string, ValidateFunction>)["200"]!;
  const v = await compare(() => validateResponse("list_logs", 200, page, { mode: "strict" }), () => rawValidator(page), {
    rounds,
    iterations: quick ? 20 : 60,
    warmup: 50,
  });
  row("strict validation of a 1000-log page vs raw precompiled ajv", `${v.subjectUs.toFixed(0)} µs`, `${v.baselineUs.toFixed(0)} µs`, `${v.ratio.toFixed(3)}×`, "≤ 1.1×", v.ratio <= 1.1 ? "met" : "MISSED");

  // 4: cold start of the compiled package, validating one response, against an empty node process.
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
  const script = `import { validateResponse } from "./dist/src/index.js"; if (validateResponse("get_log", 200, ${JSON.stringify(completedLog)}).length) process.exit(3);`;
  const timeRun = (args: string[]) => {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: root });
    if (result.status !== 0) throw new Error(`cold-start run failed: ${result.stderr}`);
    return performance.now() - started;
  };
  const bare: number[] = [];
  const loaded: number[] = [];
  for (let i = 0; i < (quick ? 5 : 15); i++) {
    bare.push(timeRun(["-e", ""]));
    loaded.push(timeRun(["--input-type=module", "-e", script]));
  }
  const extra = median(loaded) - median(bare);
  row("cold start: import + validate one response vs node -e \"\"", `${median(loaded).toFixed(1)} ms`, `${median(bare).toFixed(1)} ms`, `+${extra.toFixed(1)} ms`, "≤ +40 ms", extra <= 40 ? "met" : "MISSED");

  // 5: streaming pagination throughput and memory, in a fresh process so the RSS baseline is its own.
  const child = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", "bench/iterate-logs.ts", baseUrl], { cwd: root, encoding: "utf8" });
  if (child.status !== 0) throw new Error(`iterateLogs run failed: ${child.stderr}`);
  const it = JSON.parse(child.stdout) as Record<"count" | "seconds" | "rssStart" | "rssWarm" | "rssPeak" | "heapWarm" | "heapEnd", number>;
  const mb = (bytes: number) => bytes / 2 ** 20;
  const growthMb = mb(it.rssPeak - it.rssWarm);
  row(`iterateLogs over ${pages} pages × 1000 logs (tolerant)`, `${Math.round(it.count / it.seconds).toLocaleString("en")} logs/s`, `${it.count} logs`, `RSS +${growthMb.toFixed(1)} MB after 10 pages`, "RSS < +50 MB", growthMb < 50 ? "met" : "MISSED");
  notes.push(
    `iterateLogs memory: RSS ${mb(it.rssStart).toFixed(0)} MB at start, ${mb(it.rssWarm).toFixed(0)} MB after 10 pages, peak ${mb(it.rssPeak).toFixed(0)} MB; heap after GC ${mb(it.heapWarm).toFixed(1)} MB after 10 pages, ${mb(it.heapEnd).toFixed(1)} MB at the end.`,
  );
} finally {
  server.kill();
}

const header = ["benchmark", "subject (median)", "baseline (median)", "ratio", "target", ""];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
console.log(`\nNode ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB${quick ? " (--quick)" : ""}\n`);
console.log([line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n"));
for (const note of notes) console.log(`\n${note}`);
