// `video-logs check --har FILE --propose P` on a recording whose server echoed its credentials in spellings the
// redactor must know: a digits-only token as a JSON number, a Bearer token base64-encoded inside longer base64 text,
// a password-like query parameter and a token in the URL's fragment. None reaches a report, the proposal or the output;
// a parameter that only holds a word of the list inside another word (`compass`) is kept.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { assertBuilt, runBin } from "../helpers/cli.ts";
import { harEntry, writeHar } from "../helpers/har-recording.ts";
import { completedLog, pageOf } from "../helpers/sample-bodies.ts";

const DIGITS = "847261935012";
const TOKEN = "bearer-token-5a6b7c8d9e0f";
const PASS = "P4ss-w0rd-value-31";
const FRAGMENT_TOKEN = "fragment-token-0a1b2c3d";
const KEPT = "north-by-northwest";
const HOST = "https://example.signalwire.com";

const dir = mkdtempSync(join(tmpdir(), "video-logs-recording-spellings-"));
beforeAll(() => assertBuilt());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The base64 of `secret` at each byte offset, in both alphabets, less the two characters at each edge. */
function base64Inside(secret: string): string[] {
  return [0, 1, 2].flatMap((offset) =>
    (["base64", "base64url"] as const).map((alphabet) => {
      const text = Buffer.concat([Buffer.alloc(offset), Buffer.from(secret)]).toString(alphabet);
      return text.slice(Math.ceil((8 * offset) / 6) + 1, Math.floor((8 * (offset + secret.length)) / 6) - 1);
    }),
  );
}

const SPELLINGS = [DIGITS, TOKEN, PASS, FRAGMENT_TOKEN, ...base64Inside(TOKEN)];

function expectNoSpelling(text: string, where: string): void {
  for (const spelling of SPELLINGS) expect(text, `${where} holds ${JSON.stringify(spelling)}`).not.toContain(spelling);
}

const entries = [
  harEntry({
    url: `${HOST}/api/video/logs/${completedLog.id}`,
    status: 418,
    requestHeaders: { authorization: `Bearer ${DIGITS}` },
    // Not `n`: YAML 1.1 reads a plain `n` as false, and openapi-format writes keys plain, so verification would take
    // the status out (test/cli/propose-verified.test.ts).
    json: { echo: { num: Number(DIGITS) } },
  }),
  harEntry({
    url: `${HOST}/api/video/logs/${completedLog.id}`,
    requestHeaders: { authorization: `Bearer ${TOKEN}` },
    json: {
      ...completedLog,
      seen: Buffer.from(`{"authorization":"Bearer ${TOKEN}"}`).toString("base64"),
      seen_too: Buffer.from(`{"t":"${TOKEN}"}`).toString("base64url"),
    },
  }),
  harEntry({
    url: `${HOST}/api/video/logs?pass=${PASS}&compass=${KEPT}#token=${FRAGMENT_TOKEN}`,
    json: {
      ...pageOf(1, { self: "/api/video/logs", first: "/api/video/logs" }),
      echo: `${PASS} ${FRAGMENT_TOKEN} ${KEPT}`,
    },
  }),
];

describe("check --har --propose on a recording that echoes its credentials in other spellings", () => {
  it("writes none of them to any report, the proposal, stdout or stderr", { timeout: 60_000 }, async () => {
    const har = writeHar(dir, "spellings.har", {
      log: { version: "1.2", creator: { name: "t", version: "1" }, entries },
    });
    const files = { json: "r.json", markdown: "r.md", junit: "r.xml", text: "r.txt" };
    const reports = Object.entries(files).flatMap(([format, file]) => ["--report", `${format}=${join(dir, file)}`]);
    const proposal = join(dir, "proposal.yaml");
    const run = await runBin(["check", "--har", har, ...reports, "--propose", proposal]);
    expect(run.code, run.stderr).toBe(1);
    expectNoSpelling(run.stdout + run.stderr, "the output");
    for (const file of [...Object.values(files), "proposal.yaml"])
      expectNoSpelling(readFileSync(join(dir, file), "utf8"), file);

    // The password-like value is replaced in the URL, the fragment dropped, and `compass` kept as it is.
    const json = readFileSync(join(dir, "r.json"), "utf8");
    expect(json).toContain(`pass=[REDACTED]&compass=${KEPT}`);
    expect(json).toContain(`[REDACTED] [REDACTED] ${KEPT}`);

    // The 418's example writes 0 for the number, and its evidence quotes it as the redaction.
    const { actions } = parse(readFileSync(proposal, "utf8")) as {
      actions: { description: string; update?: Record<string, unknown> }[];
    };
    const declaring = actions.find((action) => action.update?.["418"] !== undefined)!;
    const declared = declaring.update!["418"] as {
      content: { "application/json": { examples: { observed: { value: unknown } } } };
    };
    expect(declared.content["application/json"].examples.observed.value).toEqual({ echo: { num: 0 } });
    expect(declaring.description).toContain('example: {"echo":{"num":[REDACTED]}};');
  });
});
