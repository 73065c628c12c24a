// The built CLI behind a hostile proxy: one that echoes the Proxy-Authorization it receives (in every spelling) into
// its answers, and one that redirects to a URL holding the proxy's credentials. No spelling of the proxy's user,
// password, `user:password` or its base64 reaches stdout, stderr, a report or a proposal.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { resolveTarget } from "../../src/cli/resolve-target.ts";
import { createVideoLogsClient } from "../../src/index.ts";
import { assertBuilt, runBin } from "../helpers/cli.ts";
import { type ForwardProxy, startForwardProxy } from "../helpers/forward-proxy.ts";
import { API_TOKEN, PROJECT_ID, pageOf, VALID_ID } from "../helpers/sample-bodies.ts";

const USER = "proxyuser";
const PASSWORD = "Pr0xyPassw0rd-77";
const PAIR = `${USER}:${PASSWORD}`;
const credentials = { SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: API_TOKEN };
const options = { projectId: PROJECT_ID, apiToken: API_TOKEN };
/** The proxy answers every request itself: nothing needs to listen here (port 9, fetch's "bad port", would be refused). */
const TARGET = "http://127.0.0.1:65530";
const SLOW = 90_000;

const dir = mkdtempSync(join(tmpdir(), "video-logs-proxy-secrets-"));
let proxy: ForwardProxy | undefined;
beforeAll(() => assertBuilt());
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hex = (text: string) => [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");

/** The base64 of `secret` at each byte offset, in both alphabets, less the two characters at each edge. */
function base64Inside(secret: string): string[] {
  return [0, 1, 2].flatMap((offset) =>
    (["base64", "base64url"] as const).map((alphabet) => {
      const text = Buffer.concat([Buffer.alloc(offset), Buffer.from(secret)]).toString(alphabet);
      return text.slice(Math.ceil((8 * offset) / 6) + 1, Math.floor((8 * (offset + secret.length)) / 6) - 1);
    }),
  );
}

/** The proxy's secrets in every spelling the hostile proxy sends, and as they are. */
const SPELLINGS = [USER, PASSWORD, PAIR, encodeURIComponent(PAIR), hex(PASSWORD), hex(PAIR)].concat(
  [USER, PASSWORD, PAIR].flatMap(base64Inside),
  [Buffer.from(PAIR).toString("base64"), Buffer.from(PAIR).toString("base64url")],
);

function expectNoProxySecret(text: string, where: string): void {
  for (const spelling of SPELLINGS) expect(text, `${where} holds ${JSON.stringify(spelling)}`).not.toContain(spelling);
}

/** Every spelling of what the proxy received, as raw JSON text: literally, \u-escaped, percent-encoded, in base64. */
function echoOf(req: IncomingMessage): string {
  const header = req.headers["proxy-authorization"] ?? "";
  const pair = Buffer.from(header.replace(/^Basic /, ""), "base64").toString("utf8");
  const [user = "", password = ""] = pair.split(":");
  const inBase64 = (before: string) => Buffer.from(`${before}${pair}"}`).toString("base64");
  return JSON.stringify({
    a: header,
    b: pair,
    c: "@C@",
    d: [inBase64('{"x":"'), inBase64('{"xy":"'), inBase64('{"xyz":"')],
    e: encodeURIComponent(pair),
    f: user,
    g: `Bearer ${Buffer.from(password).toString("base64url")}`,
  }).replace('"@C@"', `"${hex(password)}"`);
}

/** Answers as the API would, with the echo inside: a 418 for a log, a drifted page for the listing. */
function echoingProxy(req: IncomingMessage, res: ServerResponse): void {
  const echo = echoOf(req);
  const path = new URL(req.url ?? "/", "http://x").pathname;
  const headers = { "content-type": "application/json", "x-request-id": `rq-${PASSWORD}` };
  if (path.startsWith("/api/video/logs/")) {
    res.writeHead(418, headers).end(`{"error":"teapot","echo":${echo}}`);
    return;
  }
  const page = JSON.stringify(pageOf(2, { self: "/api/video/logs", first: "/api/video/logs" }));
  res.writeHead(200, headers).end(page.replace(/"id":/, `"echo":${echo},"id":`));
}

describe("a proxy that echoes its Proxy-Authorization", () => {
  it(
    "gets no spelling of its credentials into check's reports, its proposal, stdout or stderr",
    async () => {
      proxy = await startForwardProxy({ answer: echoingProxy });
      const files = { json: "r.json", markdown: "r.md", junit: "r.xml", text: "r.txt" };
      const reports = Object.entries(files).flatMap(([format, file]) => ["--report", `${format}=${join(dir, file)}`]);
      const proposal = join(dir, "proposal.yaml");
      const run = await runBin(["check", "--base-url", TARGET, ...reports, "--propose", proposal], {
        ...credentials,
        HTTP_PROXY: `http://${PAIR}@127.0.0.1:${proxy.port}`,
      });
      expect(run.code, run.stderr).toBe(1);
      expect(proxy.relayed.length).toBeGreaterThan(0);
      expect(proxy.relayed.every((r) => r.proxyAuthorization === `Basic ${Buffer.from(PAIR).toString("base64")}`)).toBe(
        true,
      );
      expectNoProxySecret(run.stdout + run.stderr, "the output");
      for (const file of [...Object.values(files), "proposal.yaml"]) {
        const text = readFileSync(join(dir, file), "utf8");
        expect(text).toContain("[REDACTED]");
        expectNoProxySecret(text, file);
      }
      // The undeclared 418 is proposed, its example holding the echo redacted.
      const { actions } = parse(readFileSync(proposal, "utf8")) as { actions: { update?: Record<string, unknown> }[] };
      const declared = actions.find((action) => action.update?.["418"] !== undefined)?.update?.["418"] as {
        content: { "application/json": { examples: { observed: { value: { echo: Record<string, unknown> } } } } };
      };
      expect(declared.content["application/json"].examples.observed.value.echo).toMatchObject({
        b: "[REDACTED]",
        c: "[REDACTED]",
        f: "[REDACTED]",
      });
    },
    SLOW,
  );

  it(
    "gets none into get's error or list's logs",
    async () => {
      proxy = await startForwardProxy({ answer: echoingProxy });
      const env = { ...credentials, HTTP_PROXY: `http://${PAIR}@127.0.0.1:${proxy.port}` };
      const get = await runBin(["get", VALID_ID, "--base-url", TARGET], env);
      expect(get.code).toBe(1);
      expect(get.stderr).toContain("418");
      expectNoProxySecret(get.stdout + get.stderr, "get's output");
      const list = await runBin(["list", "--base-url", TARGET, "--validation", "off"], env);
      expect(list.code, list.stderr).toBe(0);
      const first = JSON.parse(list.stdout.split("\n")[0]!) as { echo: Record<string, unknown> };
      expect(first.echo).toMatchObject({ b: "[REDACTED]", c: "[REDACTED]", f: "[REDACTED]", g: "Bearer [REDACTED]" });
      expectNoProxySecret(list.stdout + list.stderr, "list's output");
    },
    SLOW,
  );
});

describe("a proxy that redirects to a URL holding its credentials", () => {
  const steal = `http://${PAIR}@127.0.0.2:1/steal`;
  const redirecting = (_req: IncomingMessage, res: ServerResponse) => res.writeHead(302, { location: steal }).end();

  it(
    "gets the redirect refused without the password in get's, list's or check's message",
    async () => {
      proxy = await startForwardProxy({ answer: redirecting });
      const env = { ...credentials, HTTP_PROXY: `http://${PAIR}@127.0.0.1:${proxy.port}` };
      // check stops at its first request (exit 2, no report): the target did not answer.
      for (const args of [["get", VALID_ID], ["list"], ["check"]]) {
        const run = await runBin([...args, "--base-url", TARGET], env);
        expect(run.code, `${args[0]}: ${run.stderr}`).toBe(2);
        expect(run.stderr).toContain("Refused to follow a redirect to http://[REDACTED]@127.0.0.2:1/steal");
        expectNoProxySecret(run.stdout + run.stderr, `${args[0]}'s output`);
      }
    },
    SLOW,
  );
});

describe("the clients the CLI builds behind a proxy", () => {
  it.each(["HTTP_PROXY", "HTTPS_PROXY", "https_proxy"])("redact the credentials of %s, in every spelling", (name) => {
    const target = resolveTarget(
      { "base-url": "https://example.signalwire.com" },
      {
        ...credentials,
        [name]: `http://${USER}:${encodeURIComponent("Pr0xy Passw0rd/77")}@127.0.0.1:3128`,
      },
    )!;
    const client = target.client();
    const pair = `${USER}:Pr0xy Passw0rd/77`;
    expect(client.redact(`a ${USER} b Pr0xy+Passw0rd%2F77 c ${pair} d`)).toBe(
      "a [REDACTED] b [REDACTED] c [REDACTED] d",
    );
    expect(client.redact(`Proxy-Authorization: Basic ${Buffer.from(pair).toString("base64")}`)).toBe(
      "Proxy-Authorization: Basic [REDACTED]",
    );
    expect(client.redact({ "Pr0xy Passw0rd/77": `http://${USER}:Pr0xy%20Passw0rd%2F77@h/` })).toEqual({
      "[REDACTED]": "http://[REDACTED]@h/",
    });
  });

  it("redact nothing more without a proxy", () => {
    const client = resolveTarget({ "base-url": "https://example.signalwire.com" }, credentials)!.client();
    expect(client.redact(`a ${USER} b ${PAIR}`)).toBe(`a ${USER} b ${PAIR}`);
  });
});

describe("the client's secrets option", () => {
  it("redacts each secret as the credentials are, and refuses a value that is not an array of strings by name only", () => {
    const client = createVideoLogsClient({ baseUrl: TARGET, ...options, secrets: [PASSWORD] });
    expect(client.redact({ n: `x${Buffer.from(`>${PASSWORD}`).toString("base64")}`, [PASSWORD]: 1 })).toEqual({
      n: "xPl[REDACTED]c=",
      "[REDACTED]": 1,
    });
    for (const secrets of [PASSWORD, [PASSWORD, 7]]) {
      expect(() => createVideoLogsClient({ baseUrl: TARGET, ...options, secrets: secrets as never })).toThrow(
        expect.objectContaining({ field: "secrets", message: expect.not.stringContaining(PASSWORD) }),
      );
    }
  });
});
