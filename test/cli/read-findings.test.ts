// The built `video-logs get` and `video-logs list` against a stand-in Space that drifts: both print the data they
// received (list at most --limit logs, also from a page that breaks the spec), say each finding once on stderr with
// how many times it was seen, additive ones too unless --quiet, and exit 1 on breaking drift, 0 on additive drift
// unless --validation strict. With --validation off nothing is reported.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, runBin } from "../helpers/cli.ts";
import type { LocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { type Fault, startStandInSpace } from "../helpers/stand-in-space.ts";

const env = { SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: API_TOKEN };
// Before the three newest logs, which are in progress (their charge is a number even with charge-as-string): the
// listing starts with settled logs, which every body-shape fault changes.
const SETTLED = ["--created-before", "2026-01-09T12:00:00Z"];
const SETTLED_ID = "10000003-0000-4000-8000-000000000003";

let server: LocalServer | undefined;
beforeAll(() => assertBuilt());
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function space(faults: Fault[]): Promise<string> {
  server = await startStandInSpace({ faults });
  return server.url;
}

/** What the stand-in answers, read directly: the data the CLI must print. */
async function answered(path: string): Promise<unknown> {
  const authorization = `Basic ${Buffer.from(`${PROJECT_ID}:${API_TOKEN}`).toString("base64")}`;
  const response = await fetch(`${server!.url}${path}`, { headers: { authorization } });
  return response.json();
}

const ndjson = (items: unknown[]) => items.map((item) => `${JSON.stringify(item)}\n`).join("");

const CHARGE = "breaking list_logs /data/*/charge: expected number, got string";
const UNIT_PRICE =
  'additive list_logs /data/*/charge_details/*/unit_price: unexpected property "unit_price" (not in the spec)';
const UNITS = 'additive list_logs /data/*/charge_details/*/units: unexpected property "units" (not in the spec)';

describe("video-logs list on a Space that drifts", () => {
  it("prints the --limit logs it was asked for and says each finding of them once, with its count; exit 1", async () => {
    const url = await space(["charge-as-string", "extend-charge-details"]);
    const run = await runBin(["list", "--base-url", url, "--limit", "2", ...SETTLED], env);
    const page = (await answered("/api/video/logs?created_before=2026-01-09T12:00:00Z")) as { data: unknown[] };
    expect(run).toMatchObject({
      code: 1,
      stdout: ndjson(page.data.slice(0, 2)),
      stderr: `${CHARGE} (seen 2 times)\n${UNIT_PRICE} (seen 2 times)\n${UNITS} (seen 2 times)\n`,
    });
  });

  it("counts a finding across pages, and only in the logs printed when --limit stops inside a page", async () => {
    const url = await space(["charge-as-string"]);
    const run = await runBin(["list", "--base-url", url, "--page-size", "2", "--limit", "3", ...SETTLED], env);
    const logs = (await answered("/api/video/logs?created_before=2026-01-09T12:00:00Z&page_size=4")) as {
      data: unknown[];
    };
    expect(run).toMatchObject({ code: 1, stdout: ndjson(logs.data.slice(0, 3)), stderr: `${CHARGE} (seen 3 times)\n` });
  });

  it("with --quiet, says only the breaking findings; with --validation off, nothing, and exits 0", async () => {
    const url = await space(["charge-as-string", "extend-charge-details"]);
    const args = ["list", "--base-url", url, "--limit", "2", ...SETTLED];
    const [quiet, off] = await Promise.all([
      runBin([...args, "--quiet"], env),
      runBin([...args, "--validation", "off"], env),
    ]);
    expect(quiet).toMatchObject({ code: 1, stderr: `${CHARGE} (seen 2 times)\n` });
    expect(off).toMatchObject({ code: 0, stdout: quiet.stdout, stderr: "" });
    expect(quiet.stdout.split("\n")).toHaveLength(3);
  });

  it("prints the logs of a page whose next link loops, then says why the listing ended; exit 1", async () => {
    const url = await space(["loop-next-on-same-page"]);
    const run = await runBin(["list", "--base-url", url, "--page-size", "2", "--format", "json", ...SETTLED], env);
    const page = (await answered("/api/video/logs?page_size=2&created_before=2026-01-09T12:00:00Z")) as {
      data: unknown[];
    };
    expect(run).toMatchObject({
      code: 1,
      stdout: `[\n${page.data.map((log) => JSON.stringify(log)).join(",\n")}\n]\n`,
      stderr:
        "breaking list_logs /links/next: links.next points back at a page already read; following it would loop forever\n",
    });
  });
});

describe("video-logs get on a Space that drifts", () => {
  const get = (url: string, ...args: string[]) => runBin(["get", SETTLED_ID, "--base-url", url, ...args], env);
  const ADDITIVE = [
    'additive get_log /charge_details/*/unit_price: unexpected property "unit_price" (not in the spec)\n',
    'additive get_log /charge_details/*/units: unexpected property "units" (not in the spec)\n',
  ].join("");

  it("prints the log received and says each finding once, additive ones included; exit 1 on breaking drift", async () => {
    const url = await space(["charge-as-string", "extend-charge-details"]);
    const run = await get(url);
    expect(run).toMatchObject({
      code: 1,
      stdout: `${JSON.stringify(await answered(`/api/video/logs/${SETTLED_ID}`), null, 2)}\n`,
      stderr: `breaking get_log /charge: expected number, got string\n${ADDITIVE}`,
    });
  });

  it("reports additive drift and exits 0; 1 with --validation strict; --quiet leaves out what does not fail", async () => {
    const url = await space(["extend-charge-details"]);
    const [tolerant, strict, quiet, strictQuiet, off] = await Promise.all([
      get(url),
      get(url, "--validation", "strict"),
      get(url, "--quiet"),
      get(url, "--validation", "strict", "--quiet"),
      get(url, "--validation", "off"),
    ]);
    const stdout = `${JSON.stringify(await answered(`/api/video/logs/${SETTLED_ID}`), null, 2)}\n`;
    expect(tolerant).toMatchObject({ code: 0, stdout, stderr: ADDITIVE });
    expect(strict).toMatchObject({ code: 1, stdout, stderr: ADDITIVE });
    expect(quiet).toMatchObject({ code: 0, stdout, stderr: "" });
    expect(strictQuiet).toMatchObject({ code: 1, stdout, stderr: ADDITIVE });
    expect(off).toMatchObject({ code: 0, stdout, stderr: "" });
  });
});
