// Child process of the benchmark: streams every page from the bench server and reports throughput and memory,
// measured in a process that does nothing else. Memory is compared after a warm-up of WARMUP_PAGES pages, when
// V8's heap and undici's buffers have reached their working size: what grows after that grows with the page count.
import { createVideoLogsClient } from "../src/index.ts";

const WARMUP_PAGES = 10;
const PAGE_SIZE = 1000;
const baseUrl = process.argv[2]!;
const client = createVideoLogsClient({ baseUrl, projectId: "bench-project", apiToken: "bench-token" });
const heapAfterGc = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
};

const rssStart = process.memoryUsage().rss;
let rssWarm = 0;
let heapWarm = 0;
let rssPeak = 0;
let count = 0;
const started = performance.now();
for await (const _log of client.iterateLogs({ page_size: PAGE_SIZE })) {
  if (++count % PAGE_SIZE !== 0) continue;
  const rss = process.memoryUsage().rss;
  rssPeak = Math.max(rssPeak, rss);
  if (count === WARMUP_PAGES * PAGE_SIZE) {
    rssWarm = rss;
    heapWarm = heapAfterGc();
  }
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(JSON.stringify({ count, seconds, rssStart, rssWarm, rssPeak, heapWarm, heapEnd: heapAfterGc() }));
