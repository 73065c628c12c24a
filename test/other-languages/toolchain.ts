// How the other-language tests find a toolchain, and what they do when it is missing: skip with a message, or fail
// when REQUIRE_TOOLCHAINS=1 (CI sets it, so a toolchain that CI forgot to install cannot pass as a skip).
import { spawnSync } from "node:child_process";
import type { TestContext } from "vitest";

/** In CI a missing toolchain is a failure, not a skip. */
export const REQUIRE_TOOLCHAINS = process.env.REQUIRE_TOOLCHAINS === "1";

/** True when `command args…` runs and exits 0. */
export function runs(command: string, args: string[]): boolean {
  const probe = spawnSync(command, args, { stdio: "ignore", timeout: 10_000 });
  return probe.error === undefined && probe.status === 0;
}

/** Skips the test with `missing` as the reason, or fails it when REQUIRE_TOOLCHAINS=1. Does nothing when `missing` is undefined. */
export function needToolchain(ctx: TestContext, missing: string | undefined): void {
  if (missing === undefined) return;
  if (REQUIRE_TOOLCHAINS) throw new Error(`${missing}, and REQUIRE_TOOLCHAINS=1 demands it`);
  ctx.skip(`${missing}; set REQUIRE_TOOLCHAINS=1 to make this a failure`);
}

const MIN_NODE_FOR_GENERATORS: [number, number] = [22, 18];

/**
 * The Node that runs the TypeScript SDK generators (they need Node >= 22.18), from `NODE24_BIN`, which `.ci/run`
 * exports; or why it cannot be used.
 */
export function generatorNode(): { node: string; missing?: undefined } | { node?: undefined; missing: string } {
  const node = process.env.NODE24_BIN;
  if (!node)
    return { missing: "NODE24_BIN is not set (the absolute path of a Node >= 22.18 `node`, as .ci/run exports)" };
  const probe = spawnSync(node, ["--version"], { encoding: "utf8", timeout: 10_000 });
  if (probe.error || probe.status !== 0) return { missing: `NODE24_BIN=${node} does not run` };
  const [major = 0, minor = 0] = probe.stdout.trim().replace(/^v/, "").split(".").map(Number);
  const [needMajor, needMinor] = MIN_NODE_FOR_GENERATORS;
  if (major < needMajor || (major === needMajor && minor < needMinor)) {
    return { missing: `NODE24_BIN=${node} is Node ${probe.stdout.trim()}, older than ${needMajor}.${needMinor}` };
  }
  return { node };
}
