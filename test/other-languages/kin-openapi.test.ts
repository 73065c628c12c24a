import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import type { BundleResult } from "../../scripts/lib/bundle.ts";
import { sharedBundle } from "../helpers/shared-bundle.ts";
import { needToolchain, runs } from "./toolchain.ts";
import { type VerdictCase, verdictCases } from "./verdict-cases.ts";

// kin-openapi, the OpenAPI library of Go servers and clients, judges our 3.0.3 bundle and every body ajv judges
// (harness/kin-openapi/main.go). It is Debian's package, built offline in GOPATH mode: no module proxy, no download.

const HARNESS = fileURLToPath(new URL("./harness/kin-openapi/main.go", import.meta.url));
/** Where Debian's golang-*-dev packages put their sources. */
const DEBIAN_GOPATH = "/usr/share/gocode";
const KIN_OPENAPI = join(DEBIAN_GOPATH, "src/github.com/getkin/kin-openapi/openapi3filter");

/**
 * Reviewed differences between kin-openapi 0.110's format rules and ajv-formats' (the probes of verdict-cases.ts),
 * each with the reason. A case listed here must still differ; any difference not listed fails.
 */
const EXPECTED_DIFFERENCES: Record<string, string> = {
  "probe: id is a UUID v7": "kin's uuid (FormatOfStringForUUIDOfRFC4122) allows versions 1-5 only; ajv any version",
  "probe: id is the nil UUID":
    "kin's uuid wants a version digit 1-5 and the RFC 4122 variant; the nil UUID has neither",
  "probe: id is a UUID URN": "ajv-formats' uuid accepts an `urn:uuid:` prefix; kin's pattern does not",
  "probe: date-time without an offset": "kin's date-time pattern makes the offset optional; RFC 3339 requires it",
  "probe: date-time on month 00, day 00": "kin's date-time pattern allows month 00 and day 00",
  "probe: date-time on February 31": "kin's date-time pattern does not check the day against the month",
  "probe: date-time at 25:61:61": "kin's date-time pattern does not check the ranges of hour, minute and second",
  "probe: date-time with lower-case t and z": "kin wants upper-case T and Z; RFC 3339 and ajv allow lower case",
  "probe: date-time with a space for T":
    "ajv-formats accepts a space between date and time (an RFC 3339 5.6 note); kin wants T",
};

interface KinOutput {
  document_error: string | null;
  results: { label: string; valid: boolean; error: string | null }[];
}

function missingToolchain(): string | undefined {
  if (!runs("go", ["version"])) return "go is not installed (Debian: apt-get install golang-go)";
  if (!existsSync(KIN_OPENAPI)) {
    return `kin-openapi's sources are not in ${DEBIAN_GOPATH} (Debian: apt-get install golang-github-getkin-kin-openapi-dev)`;
  }
  return undefined;
}

let dir: string;
let bundle: BundleResult;
let cases: VerdictCase[];
let kin: KinOutput | undefined;
const missing = missingToolchain();

/** Builds and runs the harness once, on first use. */
function judgeWithKin(ctx: TestContext): KinOutput {
  needToolchain(ctx, missing);
  if (kin) return kin;
  const run = spawnSync("go", ["run", HARNESS, bundle.openapi30, join(dir, "cases.json")], {
    cwd: dir,
    encoding: "utf8",
    timeout: 100_000,
    env: {
      ...process.env,
      // GOPATH mode against Debian's sources: nothing is downloaded, and the build cache is thrown away with `dir`.
      GO111MODULE: "off",
      GOPATH: DEBIAN_GOPATH,
      GOFLAGS: "",
      GOPROXY: "off",
      GOTOOLCHAIN: "local",
      GOTELEMETRY: "off",
      GOCACHE: join(dir, "go-cache"),
    },
  });
  if (run.error) throw run.error;
  if (run.status !== 0)
    throw new Error(`the kin-openapi harness exited with ${run.status}:\n${run.stderr}\n${run.stdout}`);
  kin = JSON.parse(run.stdout) as KinOutput;
  return kin;
}

function verdictsByLabel(output: KinOutput): Map<string, boolean> {
  expect(output.results.map((r) => r.label)).toEqual(cases.map((c) => c.label));
  return new Map(output.results.map((r) => [r.label, r.valid]));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "video-logs-kin-openapi-"));
  bundle = await sharedBundle();
  cases = verdictCases(bundle.doc31);
  await writeFile(
    join(dir, "cases.json"),
    JSON.stringify(cases.map(({ label, method, url, status, body }) => ({ label, method, url, status, body }))),
  );
}, 30_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("kin-openapi (Go) on the 3.0.3 bundle", () => {
  it("finds the document valid, with every string format the spec uses known to it", { timeout: 120_000 }, (ctx) => {
    expect(judgeWithKin(ctx).document_error).toBeNull();
  });

  it("accepts every example response and valid fixture, and rejects every invalid fixture", {
    timeout: 120_000,
  }, (ctx) => {
    const verdicts = verdictsByLabel(judgeWithKin(ctx));
    const wrong = cases
      .filter((c) => !c.label.startsWith("probe:"))
      .filter((c) => verdicts.get(c.label) !== !c.label.startsWith("invalid/"))
      .map((c) => `${c.label}: kin says ${verdicts.get(c.label) ? "valid" : "invalid"}`);
    expect(wrong).toEqual([]);
    expect(cases.filter((c) => c.label.startsWith("invalid/")).length).toBeGreaterThan(0);
  });

  it("gives ajv's verdict on every case except the reviewed expected differences, each of which still differs", {
    timeout: 120_000,
  }, (ctx) => {
    const verdicts = verdictsByLabel(judgeWithKin(ctx));
    const say = (valid: boolean | undefined): string => (valid ? "valid" : "invalid");
    const differing = cases.filter((c) => verdicts.get(c.label) !== c.ajvValid);
    const unexpected = differing
      .filter((c) => !(c.label in EXPECTED_DIFFERENCES))
      .map((c) => `${c.label}: ajv says ${say(c.ajvValid)}, kin-openapi says ${say(verdicts.get(c.label))}`);
    expect(unexpected, "differences from ajv that the table does not explain").toEqual([]);
    const stale = Object.keys(EXPECTED_DIFFERENCES).filter((label) => !differing.some((c) => c.label === label));
    expect(stale, "table entries on which kin-openapi and ajv now agree (or that name no case)").toEqual([]);
  });
});
