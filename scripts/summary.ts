// Prints what the spec declares: operations, statuses and named examples.

import { isClosedPipe, watchStdoutClosed } from "../src/cli/closed-output.ts";
import { loadSpec } from "../src/openapi/load-spec.ts";
import { responseSchemas } from "../src/openapi/response-schemas.ts";

// `tsx scripts/summary.ts | head` closes stdout early: stop quietly instead of crashing with EPIPE.
watchStdoutClosed(process.stdout).addEventListener("abort", function (this: AbortSignal) {
  if (isClosedPipe(this.reason)) process.exit(0);
  throw this.reason;
});

const spec = loadSpec();
console.log(`${spec.info.title} ${spec.info.version} (OpenAPI ${spec.openapi})`);
const byOperation = new Map<string, string[]>();
for (const r of responseSchemas(spec)) {
  const key = `${r.method.toUpperCase()} ${r.path} (${r.operationId})`;
  byOperation.set(key, [...(byOperation.get(key) ?? []), `${r.status} [${Object.keys(r.examples).join(", ")}]`]);
}
for (const [operation, statuses] of byOperation) {
  console.log(`\n${operation}`);
  for (const status of statuses) console.log(`  ${status}`);
}
