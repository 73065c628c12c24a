// Child process of the benchmark: streams every page from the bench server and reports throughput and memory,
// measured in a process that does nothing else. Memory is compared after a warm-up of WARMUP_PAGES pages, when
// V8's heap and undici's buffers have reached their working size: what grows after that grows with the page count.
// The heap is sampled after a full GC every SAMPLE_EVERY pages (a flat series means nothing is kept); RSS is sampled at
// every page, and also shows what the allocator keeps mapped, which is not a leak.
import { createVideoLogsClient } from "../src/index.ts";

const WARMUP_PAGES = 10;
const SAMPLE_EVERY = 20;
const PAGE_SIZE = 1000;
const baseUrl = process.argv[2]!;
const client = createVideoLogsClient({ baseUrl, projectId: "bench-project", apiToken: "bench-token" });
const heapAfterGc = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
};

const rssStart = process.memoryUsage().rss;
let rssWarm = 0;
let rssPeak = 0;
const heapSamples: { page: number; heap: number; rss: number }[] = [];
let count = 0;
let gcMs = 0;
const started = performance.now();
for await (const _log of client.iterateLogs({ page_size: PAGE_SIZE })) {
  if (++count % PAGE_SIZE !== 0) continue;
  const page = count / PAGE_SIZE;
  const rss = process.memoryUsage().rss;
  if (page >= WARMUP_PAGES) rssPeak = Math.max(rssPeak, rss);
  if (page === WARMUP_PAGES) rssWarm = rss;
  if (page >= WARMUP_PAGES && (page - WARMUP_PAGES) % SAMPLE_EVERY === 0) {
    // The forced GCs are not the client's work: their time is left out of the throughput.
    const gcStarted = performance.now();
    heapSamples.push({ page, heap: heapAfterGc(), rss });
    gcMs += performance.now() - gcStarted;
  }
}
const seconds = (performance.now() - started - gcMs) / 1000;
heapSamples.push({ page: count / PAGE_SIZE, heap: heapAfterGc(), rss: process.memoryUsage().rss });
process.stdout.write(
  JSON.stringify({ count, seconds, rssStart, rssWarm, rssPeak, heapSamples, rssEnd: process.memoryUsage().rss }),
);
