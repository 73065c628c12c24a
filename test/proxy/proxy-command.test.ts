// `video-logs proxy` as a user runs it: the built CLI in front of a local upstream, driven by plain node:http clients.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { type IncomingMessage, request } from "node:http";
import { connect, createServer as createTcpServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MAX_LISTED_REQUESTS } from "../../src/findings/finding.ts";
import { findFreePort } from "../../src/net/ports.ts";
import { assertBuilt, type BinChild, runBin, startBin } from "../helpers/cli.ts";
import { type Handler, type LocalServer, startLocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, completedLog, PROJECT_ID, pageOf, VALID_ID } from "../helpers/sample-bodies.ts";
import { startTlsFront, TLS_CERT_FILE, TLS_HOST } from "../helpers/tls-front.ts";

const READY = /video-logs proxy listening on (http:\/\/\S+) -> /;
const BASIC = `Basic ${Buffer.from(`${PROJECT_ID}:${API_TOKEN}`).toString("base64")}`;
/** A get_log answer with `locked` missing (breaking) and a field the spec does not declare (additive). */
const { locked: _locked, ...withoutLocked } = completedLog;
const DRIFTED_LOG = JSON.stringify({ ...withoutLocked, surprise: "new" });
const PAGE = gzipSync(
  JSON.stringify(pageOf(2, { self: "/api/video/logs?page_size=2", first: "/api/video/logs?page_size=2" })),
);
const CHUNKS = ["first,", "second,", "third"];

/** The upstream of most tests: a drifted get_log (echoing the credentials it got), a gzip page, a chunked text. */
function upstreamHandler(req: IncomingMessage, res: import("node:http").ServerResponse) {
  if (req.url === `/api/video/logs/${VALID_ID}`) {
    res.writeHead(200, { "content-type": "application/json", "x-echo": req.headers.authorization ?? "" });
    res.end(DRIFTED_LOG);
  } else if (req.url === "/api/video/logs?page_size=2") {
    res.writeHead(200, {
      "content-type": "application/json",
      "content-encoding": "gzip",
      "content-length": PAGE.length,
    });
    res.end(PAGE);
  } else {
    res.writeHead(200, { "content-type": "text/plain", "x-custom": "kept" });
    for (const chunk of CHUNKS) res.write(chunk);
    res.end();
  }
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  raw: string[];
  body: Buffer;
}

function get(url: string, path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode!, headers: res.headers, raw: res.rawHeaders, body: Buffer.concat(chunks) }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

/** The end-to-end headers of an answer: without Date (each hop its own) and the hop-by-hop ones. */
function endToEnd(raw: string[]): [string, string][] {
  const hop = /^(connection|keep-alive|transfer-encoding|date)$/i;
  const pairs: [string, string][] = [];
  for (let i = 0; i < raw.length; i += 2) if (!hop.test(raw[i]!)) pairs.push([raw[i]!.toLowerCase(), raw[i + 1]!]);
  return pairs;
}

let dir: string;
let upstream: LocalServer | undefined;
let proxy: BinChild | undefined;

beforeAll(() => assertBuilt());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "video-logs-proxy-"));
});
afterEach(async () => {
  await proxy?.stop("SIGKILL");
  await upstream?.close();
  proxy = undefined;
  upstream = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** The two findings of the drifted get_log, seen `count` times. */
const driftFindings = (count: number) => {
  const curl = `curl -sS -H 'Accept: application/json' '${upstream!.origin}/api/video/logs/${VALID_ID}'`;
  const requests = Array.from({ length: Math.min(count, MAX_LISTED_REQUESTS) }, (_, exchange) => ({
    requestId: null,
    exchange,
  }));
  const fields = { check: "response-schema", operation: "get_log", status: 200, count, requests };
  const example = { expected: "present", actual: "(absent)", curl, requestId: null };
  return [
    {
      ...fields,
      fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      pointer: "/locked",
      keyword: "required",
      severity: "breaking",
      example: { ...example, message: 'missing required property "locked"' },
    },
    {
      ...fields,
      fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      pointer: "/surprise",
      keyword: "additionalProperties",
      severity: "additive",
      example: {
        ...example,
        message: 'unexpected property "surprise" (not in the spec)',
        expected: "(absent)",
        actual: '"new"',
      },
    },
  ];
};

async function startProxy(args: string[], handler: Handler = upstreamHandler): Promise<string> {
  upstream = await startLocalServer(handler);
  proxy = startBin(["proxy", "--upstream", upstream.origin, ...args]);
  return READY.exec(await proxy.waitForStderr((text) => READY.test(text)))![1]!;
}

describe("video-logs proxy", () => {
  it("passes each response back byte for byte: status, end-to-end headers and body, gzip and chunked included", async () => {
    const url = await startProxy([]);
    for (const path of [`/api/video/logs/${VALID_ID}`, "/api/video/logs?page_size=2", "/elsewhere"]) {
      const [direct, proxied] = [await get(upstream!.url, path), await get(url, path)];
      expect(proxied.status).toBe(direct.status);
      expect(endToEnd(proxied.raw)).toEqual(endToEnd(direct.raw));
      expect(proxied.body.equals(direct.body)).toBe(true);
    }
    expect((await get(url, "/api/video/logs?page_size=2")).body.equals(PAGE)).toBe(true);
    expect((await get(url, "/elsewhere")).body.toString()).toBe(CHUNKS.join(""));
  });

  it("sends the application's headers to the upstream with Host rewritten and hop-by-hop headers dropped", async () => {
    const url = await startProxy([]);
    await get(url, "/elsewhere", { authorization: BASIC, "x-app": "1", connection: "x-hop", "x-hop": "dropped" });
    const seen = upstream!.requests[0]!.headers;
    expect(seen.host).toBe(new URL(upstream!.origin).host);
    expect(seen.authorization).toBe(BASIC);
    expect(seen["x-app"]).toBe("1");
    expect(seen["x-hop"]).toBeUndefined();
  });

  it("streams a request body to the upstream whole, sized or chunked, and answers Expect: 100-continue itself", async () => {
    const received: { method: string; headers: IncomingMessage["headers"]; body: string }[] = [];
    const url = await startProxy([], (req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        received.push({ method: req.method!, headers: req.headers, body: Buffer.concat(chunks).toString() });
        res.writeHead(201, { "content-type": "text/plain" });
        res.end("stored");
      });
    });
    const send = (headers: Record<string, string>, parts: string[]) =>
      new Promise<{ status: number; body: string; continued: boolean }>((resolve, reject) => {
        let continued = false;
        const req = request(`${url}/upload`, { method: "POST", headers, agent: false }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString(), continued }));
        });
        req.on("error", reject);
        const write = () => {
          for (const part of parts) req.write(part);
          req.end();
        };
        if (headers.expect) {
          req.on("continue", () => {
            continued = true;
            write();
          });
          req.flushHeaders();
        } else write();
      });
    expect(await send({ "content-length": "11" }, ["hello", " world"])).toEqual({
      status: 201,
      body: "stored",
      continued: false,
    });
    expect(await send({}, ["one,", "two,", "three"])).toEqual({ status: 201, body: "stored", continued: false });
    expect(await send({ "content-length": "4", expect: "100-continue" }, ["body"])).toEqual({
      status: 201,
      body: "stored",
      continued: true,
    });
    expect(received.map(({ method, body }) => ({ method, body }))).toEqual([
      { method: "POST", body: "hello world" },
      { method: "POST", body: "one,two,three" },
      { method: "POST", body: "body" },
    ]);
    expect(received.map(({ headers }) => headers.expect)).toEqual([undefined, undefined, undefined]);
  });

  it("reaches an https upstream, checking its certificate, and judges what it answers", async () => {
    upstream = await startLocalServer(upstreamHandler);
    const front = await startTlsFront(Number(new URL(upstream.origin).port));
    const origin = `https://${TLS_HOST}:${front.port}`;
    const preload = fileURLToPath(new URL("../helpers/resolve-stand-in.mjs", import.meta.url));
    const report = join(dir, "drift.json");
    try {
      const env = { NODE_EXTRA_CA_CERTS: TLS_CERT_FILE, NODE_OPTIONS: `--import=${preload}` };
      proxy = startBin(["proxy", "--upstream", origin, "--report", `json=${report}`, "--quiet"], env);
      const url = READY.exec(await proxy.waitForStderr((text) => READY.test(text)))![1]!;
      const answer = await get(url, `/api/video/logs/${VALID_ID}`);
      expect({ status: answer.status, body: answer.body.toString() }).toEqual({ status: 200, body: DRIFTED_LOG });
      expect(upstream.requests.map(({ headers }) => headers.host)).toEqual([`${TLS_HOST}:${front.port}`]);
      expect(await proxy.stop("SIGTERM")).toBe(1);
      const written = JSON.parse(readFileSync(report, "utf8"));
      expect(written.target).toEqual({ kind: "base-url", baseUrl: origin });
      expect(written.findings.map((finding: { pointer: string }) => finding.pointer)).toEqual(["/locked", "/surprise"]);
    } finally {
      await front.close();
    }
  });

  it("answers 502 when an https upstream's certificate is not trusted, and sends it nothing", async () => {
    upstream = await startLocalServer(upstreamHandler);
    const front = await startTlsFront(Number(new URL(upstream.origin).port));
    const origin = `https://${TLS_HOST}:${front.port}`;
    const preload = fileURLToPath(new URL("../helpers/resolve-stand-in.mjs", import.meta.url));
    try {
      proxy = startBin(["proxy", "--upstream", origin], { NODE_OPTIONS: `--import=${preload}` });
      const url = READY.exec(await proxy.waitForStderr((text) => READY.test(text)))![1]!;
      const answer = await get(url, `/api/video/logs/${VALID_ID}`);
      expect(answer.status).toBe(502);
      expect(JSON.parse(answer.body.toString())).toEqual({
        error: "upstream-unreachable",
        message: `the proxy could not reach the upstream ${origin}: DEPTH_ZERO_SELF_SIGNED_CERT`,
        upstream: origin,
      });
      expect(upstream.requests).toEqual([]);
    } finally {
      await front.close();
    }
  });

  it("passes on the final answer after an informational one (103 Early Hints)", async () => {
    const url = await startProxy([], (_req, res) => {
      res.writeEarlyHints({ link: "</style.css>; rel=preload" }, () => {
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("final");
      });
    });
    const answer = await get(url, "/hinted");
    expect({ status: answer.status, body: answer.body.toString() }).toEqual({ status: 200, body: "final" });
  });
});

describe("video-logs proxy on SIGTERM", () => {
  it("writes the report of every response judged, the recording, and exits with the check's code", async () => {
    const report = join(dir, "drift.json");
    const recording = join(dir, "traffic.ndjson");
    const again = await startProxy(["--report", `json=${report}`, "--record", recording]);
    for (let i = 0; i < 3; i++) await get(again, `/api/video/logs/${VALID_ID}`, { authorization: BASIC });
    await get(again, "/api/video/logs?page_size=2", { authorization: BASIC });
    await get(again, "/elsewhere");
    expect(await proxy!.stop("SIGTERM")).toBe(1);
    const written = JSON.parse(readFileSync(report, "utf8"));
    expect(written.findings).toEqual(driftFindings(3));
    expect(written.summary).toEqual({ requests: 5, checked: 4, passed: 1, breaking: 1, additive: 1, errors: 0 });
    const recorded = readFileSync(recording, "utf8");
    expect(
      recorded
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line).request.url),
    ).toEqual([
      ...[1, 2, 3].map(() => `${upstream!.origin}/api/video/logs/${VALID_ID}`),
      `${upstream!.origin}/api/video/logs?page_size=2`,
      `${upstream!.origin}/elsewhere`,
    ]);
    expect(recorded).not.toContain(API_TOKEN);
    expect(readFileSync(report, "utf8")).not.toContain(API_TOKEN);
    const judged = await runBin(["check", "--har", recording, "--format", "json"]);
    expect(judged.code).toBe(1);
    const fromRecording = JSON.parse(judged.stdout);
    const identity = (
      findings: { fingerprint: string; count: number; severity: string; example: { message: string } }[],
    ) =>
      findings.map(({ fingerprint, count, severity, example }) => ({
        fingerprint,
        count,
        severity,
        message: example.message,
      }));
    expect(identity(fromRecording.findings)).toEqual(identity(written.findings));
  });
});

describe("video-logs proxy judging in its own thread", () => {
  it("judges and records every exchange already forwarded before it writes the reports on SIGTERM", async () => {
    const report = join(dir, "drift.json");
    const recording = join(dir, "traffic.ndjson");
    const url = await startProxy(["--report", `json=${report}`, "--record", recording]);
    const answers = await Promise.all(
      Array.from({ length: 300 }, () => get(url, `/api/video/logs/${VALID_ID}`, { authorization: BASIC })),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(300);
    expect(await proxy!.stop("SIGTERM")).toBe(1);
    const written = JSON.parse(readFileSync(report, "utf8"));
    expect(written.findings).toEqual(driftFindings(300));
    expect(written.summary).toEqual({ requests: 300, checked: 300, passed: 0, breaking: 1, additive: 1, errors: 0 });
    expect(readFileSync(recording, "utf8").trimEnd().split("\n")).toHaveLength(300);
  });

  it("finds what `check --har` finds in its recording, finding for finding", async () => {
    const report = join(dir, "drift.json");
    const recording = join(dir, "traffic.har");
    const url = await startProxy(["--report", `json=${report}`, "--record", recording], (req, res) => {
      if (req.url === "/api/video/logs?page_size=2") return upstreamHandler(req, res);
      res.writeHead(req.url!.endsWith("0") ? 500 : 200, { "content-type": "application/json" });
      res.end(req.url!.endsWith("1") ? "{not json" : DRIFTED_LOG);
    });
    const paths = Array.from({ length: 60 }, (_, i) =>
      i % 7 === 0 ? "/api/video/logs?page_size=2" : `/api/video/logs/${VALID_ID.slice(0, -1)}${i % 10}`,
    );
    await Promise.all(paths.map((path) => get(url, path, { authorization: BASIC })));
    expect(await proxy!.stop("SIGTERM")).toBe(1);
    const proxied = JSON.parse(readFileSync(report, "utf8"));
    const judged = await runBin(["check", "--har", recording, "--format", "json"]);
    const fromRecording = JSON.parse(judged.stdout);
    expect(proxied.findings.length).toBeGreaterThanOrEqual(3);
    expect(fromRecording.findings).toEqual(proxied.findings);
    expect(proxied.summary).toEqual({ ...fromRecording.summary, requests: 60 });
  });
});

describe("video-logs proxy is never an open proxy", () => {
  it("answers 400 to a request target in absolute form and to CONNECT, and contacts nobody", async () => {
    const url = await startProxy([]);
    expect((await get(url, "/")).status).toBe(200);
    const { port } = new URL(url);
    const answers = await Promise.all(
      [
        `GET http://example.invalid/api/video/logs HTTP/1.1\r\nHost: example.invalid\r\n\r\n`,
        "CONNECT example.invalid:443 HTTP/1.1\r\nHost: example.invalid:443\r\n\r\n",
        "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
      ].map((head) => rawExchange(Number(port), head)),
    );
    const body = (what: string) => ({
      error: "not-origin-form",
      message: expect.stringContaining(what),
      upstream: upstream!.origin,
    });
    for (const [answer, what] of answers.map((answer, i) => [answer, i === 1 ? "CONNECT" : "absolute URL"] as const)) {
      expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 400 Bad Request");
      expect(JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4))).toEqual(body(what));
    }
    // Only the first request, in origin form, reached the upstream.
    expect(upstream!.requests.map((r) => r.url)).toEqual(["/"]);
  });
});

/** Sends `head` on a raw connection and reads the answer until the server closes it. */
function rawExchange(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(head));
    let answer = "";
    socket.setEncoding("utf8").on("data", (chunk: string) => (answer += chunk));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

describe("video-logs proxy when the upstream fails", () => {
  it("answers 502 naming the upstream when nothing listens there", async () => {
    const port = await findFreePort();
    const origin = `http://127.0.0.1:${port}`;
    proxy = startBin(["proxy", "--upstream", origin]);
    const url = READY.exec(await proxy.waitForStderr((text) => READY.test(text)))![1]!;
    const answer = await get(url, "/api/video/logs");
    expect(answer.status).toBe(502);
    expect(answer.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(answer.body.toString())).toEqual({
      error: "upstream-unreachable",
      message: `the proxy could not reach the upstream ${origin}: ECONNREFUSED`,
      upstream: origin,
    });
  });

  it("answers 504 when the upstream accepts the request and says nothing within --timeout", async () => {
    const silent: Server = createTcpServer((socket) => socket.on("error", () => {}));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
    try {
      proxy = startBin(["proxy", "--upstream", origin, "--timeout", "200"]);
      const url = READY.exec(await proxy.waitForStderr((text) => READY.test(text)))![1]!;
      const answer = await get(url, "/api/video/logs");
      expect(answer.status).toBe(504);
      expect(JSON.parse(answer.body.toString())).toEqual({
        error: "upstream-timeout",
        message: `the upstream ${origin} did not answer within 200 ms`,
        upstream: origin,
      });
    } finally {
      silent.close();
    }
  });

  it("aborts the upstream request when the client goes away", async () => {
    let upstreamClosed!: () => void;
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    let arrived!: () => void;
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    const url = await startProxy([], (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("started");
      res.on("close", upstreamClosed);
      arrived();
    });
    const client = request(`${url}/slow`, { agent: false });
    client.on("error", () => {});
    client.end();
    await reached;
    client.destroy();
    await closed;
    expect(upstream!.requests).toHaveLength(1);
  });
});

describe("video-logs proxy under load", () => {
  it("serves 1,000 connections at once", async () => {
    const url = await startProxy([]);
    const answers = await Promise.all(Array.from({ length: 1000 }, () => get(url, "/elsewhere")));
    expect(
      answers.filter((answer) => answer.status === 200 && answer.body.toString() === CHUNKS.join("")),
    ).toHaveLength(1000);
  });
});

describe("video-logs proxy refuses what it cannot use, before it listens", () => {
  it.each([
    [
      ["--upstream", "https://example.invalid/api"],
      "--upstream: the upstream must be an origin such as https://example.invalid, with no path, query or fragment",
    ],
    [
      ["--upstream", "http://example.invalid"],
      "--upstream: the upstream http://example.invalid must be https (plain http only to a loopback host)",
    ],
    [
      ["--upstream", "https://user:pw@example.invalid"],
      "--upstream: the upstream must not hold credentials: the application sends its own",
    ],
    [[], "proxy needs --upstream URL: the origin every request goes to (https://example.signalwire.com)"],
  ])("%j exits 2 saying why", async (args, message) => {
    const result = await runBin(["proxy", ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`video-logs: ${message}\n`);
    expect(result.stderr).not.toContain("pw");
  });
});
