// The built CLI behind a corporate proxy: HTTP_PROXY / HTTPS_PROXY / NO_PROXY (and their lowercase forms) decide the
// route of every request, and the proxy's credentials never show.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DriftReport } from "../../src/report/report-types.ts";
import { assertBuilt, runBin, runInProcess } from "../helpers/cli.ts";
import { type ForwardProxy, startForwardProxy } from "../helpers/forward-proxy.ts";
import type { LocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { startStandInSpace } from "../helpers/stand-in-space.ts";
import { startTlsFront, TLS_CERT_FILE, TLS_HOST } from "../helpers/tls-front.ts";

const PROXY_USER = "corp-user";
const PROXY_PASSWORD = "proxy-pa55word-never-shown";
const credentials = { SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: API_TOKEN };
const withCredentials = (proxy: ForwardProxy) => `http://${PROXY_USER}:${PROXY_PASSWORD}@127.0.0.1:${proxy.port}`;
const expectedProxyAuthorization = `Basic ${Buffer.from(`${PROXY_USER}:${PROXY_PASSWORD}`).toString("base64")}`;

let space: LocalServer | undefined;
let proxy: ForwardProxy | undefined;

/** Each test runs the CLI up to four times, on a machine that may be busy. */
const SLOW = 60_000;

beforeAll(() => assertBuilt());
afterEach(async () => {
  await Promise.all([space?.close(), proxy?.close()]);
  space = proxy = undefined;
});

async function start(): Promise<{ space: LocalServer; proxy: ForwardProxy }> {
  [space, proxy] = await Promise.all([startStandInSpace(), startForwardProxy()]);
  return { space, proxy };
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("video-logs behind a proxy", () => {
  it(
    "sends every request of check, the no-credentials one included, through HTTP_PROXY with the proxy's credentials",
    async () => {
      const { space, proxy } = await start();
      const { code, stdout, stderr } = await runBin(["check", "--base-url", space.url, "--format", "json"], {
        ...credentials,
        HTTP_PROXY: withCredentials(proxy),
      });
      expect(code).toBe(0);
      const report = JSON.parse(stdout) as DriftReport;
      // Nothing on stderr but the summary line (the JSON report is on stdout): no warning about the proxy.
      const { requests } = report.summary;
      expect(stderr).toBe(
        `OK: 0 breaking, 0 additive findings; ${requests} requests, ${requests} judged: ${requests} conform (base-url ${space.url})\n`,
      );
      expect(report.exchanges.some((exchange) => exchange.kind === "no-credentials")).toBe(true);
      // Absolute-form requests, one per request the space received, each with the proxy's Basic credentials.
      expect(proxy.relayed).toHaveLength(space.requests.length);
      expect(proxy.relayed.length).toBe(report.summary.requests);
      for (const relayed of proxy.relayed) {
        expect(relayed.target.startsWith(`${space.url}/api/video/logs`)).toBe(true);
        expect(relayed.proxyAuthorization).toBe(expectedProxyAuthorization);
      }
      // The proxy's credentials reach the proxy only, never the API.
      expect(space.requests.some((request) => request.headers["proxy-authorization"] !== undefined)).toBe(false);
      expect(stdout).not.toContain(PROXY_PASSWORD);
    },
    SLOW,
  );

  it(
    "reaches an https target through a CONNECT tunnel of HTTPS_PROXY, which alone can resolve its host name",
    async () => {
      space = await startStandInSpace();
      proxy = await startForwardProxy({ hosts: { [TLS_HOST]: "127.0.0.1" } });
      const front = await startTlsFront(Number(new URL(space.url).port));
      try {
        const baseUrl = `https://${TLS_HOST}:${front.port}`;
        const env = { ...credentials, HTTPS_PROXY: withCredentials(proxy), NODE_EXTRA_CA_CERTS: TLS_CERT_FILE };
        const { code, stdout, stderr } = await runBin(
          ["check", "--base-url", baseUrl, "--format", "json", "--pages", "1", "--sample", "1"],
          env,
        );
        expect(code).toBe(0);
        const report = JSON.parse(stdout) as DriftReport;
        expect(report.target).toEqual({ kind: "base-url", baseUrl });
        const { requests } = report.summary;
        expect(stderr).toBe(
          `OK: 0 breaking, 0 additive findings; ${requests} requests, ${requests} judged: ${requests} conform (base-url ${baseUrl})\n`,
        );
        // One tunnel per connection, each opened with the proxy's credentials; the API's requests went inside them.
        expect(proxy.relayed.length).toBeGreaterThan(0);
        for (const relayed of proxy.relayed)
          expect(relayed).toEqual({
            method: "CONNECT",
            target: `${TLS_HOST}:${front.port}`,
            proxyAuthorization: expectedProxyAuthorization,
          });
        expect(space.requests.length).toBeGreaterThan(proxy.relayed.length);
      } finally {
        await front.close();
      }
    },
    SLOW,
  );

  it(
    "sends get and list through the lowercase http_proxy",
    async () => {
      const { space, proxy } = await start();
      const env = { ...credentials, http_proxy: proxy.url };
      const listed = await runBin(["list", "--base-url", space.url, "--limit", "2"], env);
      expect(listed.code).toBe(0);
      const ids = listed.stdout
        .trim()
        .split("\n")
        .map((line) => (JSON.parse(line) as { id: string }).id);
      expect(ids).toHaveLength(2);
      // list runs the built executable; get runs its runCli in-process, with the same environment.
      const got = await runInProcess(["get", ids[0]!, "--base-url", space.url], env);
      expect(got.code).toBe(0);
      expect((JSON.parse(got.stdout) as { id: string }).id).toBe(ids[0]);
      expect(proxy.relayed.map((relayed) => relayed.target)).toEqual([
        `${space.url}/api/video/logs`,
        `${space.url}/api/video/logs/${ids[0]}`,
      ]);
    },
    SLOW,
  );

  it(
    "goes direct when NO_PROXY names the target, and takes no HTTPS_PROXY for an http target",
    async () => {
      const { space, proxy } = await start();
      const routings: Record<string, string>[] = [
        { HTTP_PROXY: proxy.url, NO_PROXY: "example.internal, 127.0.0.1" },
        { http_proxy: proxy.url, no_proxy: `127.0.0.1:${new URL(space.url).port}` },
        { HTTP_PROXY: proxy.url, NO_PROXY: "*" },
        { HTTPS_PROXY: proxy.url },
      ];
      // The first routing runs the built executable; the others run its runCli in-process, with the same environment.
      for (const [index, routing] of routings.entries()) {
        const run = index === 0 ? runBin : runInProcess;
        const { code, stderr } = await run(
          ["check", "--base-url", space.url, "--quiet", "--format", "json", "--pages", "1", "--sample", "1"],
          { ...credentials, ...routing },
        );
        expect(stderr, JSON.stringify(routing)).toBe("");
        expect(code).toBe(0);
      }
      expect(proxy.relayed).toEqual([]);
      expect(space.requests.length).toBeGreaterThan(0);
    },
    SLOW,
  );

  it(
    "exits 2 naming the variable, never its value, when the proxy cannot be reached",
    async () => {
      [space] = await Promise.all([startStandInSpace()]);
      const unreachable = `http://${PROXY_USER}:${PROXY_PASSWORD}@127.0.0.1:${await closedPort()}`;
      // check runs the built executable; list and get run its runCli in-process, with the same environment.
      for (const [args, run] of [
        [["check", "--base-url", space.url], runBin],
        [["list", "--base-url", space.url], runInProcess],
        [["get", "10000000-0000-4000-8000-000000000000", "--base-url", space.url], runInProcess],
      ] as const) {
        const { code, stdout, stderr } = await run([...args], {
          ...credentials,
          HTTPS_PROXY: unreachable,
          HTTP_PROXY: unreachable,
        });
        expect(code, args[0]).toBe(2);
        expect(stderr).toContain("cannot connect to the proxy named by HTTP_PROXY (ECONNREFUSED)");
        for (const output of [stdout, stderr]) {
          expect(output).not.toContain(PROXY_PASSWORD);
          expect(output).not.toContain(PROXY_USER);
          expect(output).not.toContain(unreachable);
        }
      }
      expect(space.requests).toEqual([]);
    },
    SLOW,
  );

  it(
    "exits 2 saying the proxy refused its credentials (407), for an http and an https target, without showing them",
    async () => {
      space = await startStandInSpace();
      proxy = await startForwardProxy({
        hosts: { [TLS_HOST]: "127.0.0.1" },
        authorization: expectedProxyAuthorization,
      });
      const front = await startTlsFront(Number(new URL(space.url).port));
      const wrong = `http://${PROXY_USER}:wrong-${PROXY_PASSWORD}@127.0.0.1:${proxy.port}`;
      try {
        // The https target runs the built executable (NODE_EXTRA_CA_CERTS is read at its start); the http one runs its
        // runCli in-process, with the same environment.
        for (const [variable, baseUrl, run] of [
          ["HTTP_PROXY", space.url, runInProcess],
          ["HTTPS_PROXY", `https://${TLS_HOST}:${front.port}`, runBin],
        ] as const) {
          const env = { ...credentials, [variable]: wrong, NODE_EXTRA_CA_CERTS: TLS_CERT_FILE };
          const { code, stdout, stderr } = await run(["check", "--base-url", baseUrl], env);
          expect(code, variable).toBe(2);
          expect(stderr).toContain(`the proxy named by ${variable} refused its credentials (407)`);
          expect(stdout + stderr).not.toContain(PROXY_PASSWORD);
        }
        expect(space.requests).toEqual([]);
      } finally {
        await front.close();
      }
    },
    SLOW,
  );

  it(
    "names the proxy variables in the help of check, get and list",
    async () => {
      // From runCli in-process: test/cli/check-command.test.ts runs the built executable's check --help.
      for (const command of ["check", "get", "list"]) {
        const { code, stdout } = await runInProcess([command, "--help"]);
        expect(code).toBe(0);
        expect(stdout.replace(/\s+/g, " "), command).toContain("HTTPS_PROXY, HTTP_PROXY and NO_PROXY");
      }
    },
    SLOW,
  );

  it(
    "reaches the embedded mock directly, whatever the proxy variables say",
    async () => {
      const unreachable = `http://127.0.0.1:${await closedPort()}`;
      const { code, stderr } = await runBin(["check", "--quiet", "--format", "json"], {
        HTTP_PROXY: unreachable,
        HTTPS_PROXY: unreachable,
      });
      expect(stderr).toBe("");
      expect(code).toBe(0);
    },
    SLOW,
  );

  it(
    "refuses a proxy variable that is not a proxy URL before sending anything, without echoing it",
    async () => {
      const { space, proxy } = await start();
      // The first value is refused by the built executable; the others by its runCli in-process, with the same environment.
      for (const [variable, value, run] of [
        ["HTTPS_PROXY", `socks5://${PROXY_USER}:${PROXY_PASSWORD}@127.0.0.1:1080`, runBin],
        ["http_proxy", `${PROXY_PASSWORD}`, runInProcess],
        // undici would throw "URI malformed" on a % that starts no escape in the credentials
        ["HTTP_PROXY", `http://${PROXY_USER}:%ZZ${PROXY_PASSWORD}@127.0.0.1:${proxy.port}`, runInProcess],
      ] as const) {
        const { code, stdout, stderr } = await run(["check", "--base-url", space.url], {
          ...credentials,
          [variable]: value,
        });
        expect(code).toBe(2);
        expect(stderr).toContain(`${variable} is not a proxy URL`);
        expect(stdout + stderr).not.toContain(PROXY_PASSWORD);
      }
      expect(space.requests).toEqual([]);
      expect(proxy.relayed).toEqual([]);
    },
    SLOW,
  );

  it(
    "keeps the API's redirect rule behind the proxy: a redirect to another origin is refused, not followed",
    async () => {
      proxy = await startForwardProxy();
      const elsewhere = await startStandInSpace();
      const redirecting = createServer((_, res) =>
        res.writeHead(302, { location: `${elsewhere.url}/api/video/logs` }).end(),
      );
      await new Promise<void>((resolve) => redirecting.listen(0, "127.0.0.1", resolve));
      try {
        const url = `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}`;
        const { code, stderr } = await runBin(["list", "--base-url", url], { ...credentials, HTTP_PROXY: proxy.url });
        expect(code).toBe(2);
        expect(stderr).toMatch(/redirect/i);
        expect(proxy.relayed).toHaveLength(1);
        expect(elsewhere.requests).toEqual([]);
      } finally {
        redirecting.closeAllConnections();
        await Promise.all([new Promise((resolve) => redirecting.close(resolve)), elsewhere.close()]);
      }
    },
    SLOW,
  );
});
