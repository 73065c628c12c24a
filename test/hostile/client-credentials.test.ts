// Hostile servers and hostile inputs against the credentials: nothing secret may reach any output.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { type AddressInfo, createServer as createNetServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runDriftCheck } from "../../src/check/run-drift-check.ts";
import { runCli } from "../../src/cli/main.ts";
import { createVideoLogsClient, type VideoLogsClient, type VideoLogsClientOptions } from "../../src/index.ts";
import type { DriftReport } from "../../src/report/report-types.ts";
import { type Handler, type LocalServer, sendJson, startLocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, completedLog, PROJECT_ID, pageOf, VALID_ID } from "../helpers/sample-bodies.ts";
import {
  capturedIo,
  expectNoBeginningOfSecret,
  expectNoSecret,
  REFLECTED_FORMS,
  renderings,
  thrownBy,
} from "./hostile-helpers.ts";

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function serve(handler: Handler, host?: string) {
  const server = await startLocalServer(handler, host);
  servers.push(server);
  return server;
}
const credentials = { projectId: PROJECT_ID, apiToken: API_TOKEN };
const clientFor = (url: string, extra: VideoLogsClientOptions = {}) =>
  createVideoLogsClient({ baseUrl: url, ...credentials, retries: 0, timeoutMs: 5000, ...extra });
const env = { SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: API_TOKEN };
const drain = async (client: VideoLogsClient) => {
  for await (const _log of client.iterateLogs()) void _log;
};
const listing = (links: Record<string, string>) =>
  pageOf(1, { self: "/api/video/logs", first: "/api/video/logs", ...links });

interface Place {
  /** The call the client makes. */
  call: (client: VideoLogsClient) => Promise<unknown>;
  /** The error it must end in. */
  error: string;
  options?: VideoLogsClientOptions;
  handler: (form: string) => Handler;
}

/** Every place a server can put text the client keeps on an error. */
const PLACES: Record<string, Place> = {
  "a response header of an error": {
    call: (c) => c.getLog(VALID_ID),
    error: "ApiError",
    handler: (form) => (_q, res) => sendJson(res, 404, { error: "Not Found" }, { "x-echo": form }),
  },
  "the request-id header": {
    call: (c) => c.getLog(VALID_ID),
    error: "ApiError",
    handler: (form) => (_q, res) => sendJson(res, 404, { error: "Not Found" }, { "x-request-id": form }),
  },
  "an error's JSON body": {
    call: (c) => c.getLog(VALID_ID),
    error: "ApiError",
    handler: (form) => (_q, res) => sendJson(res, 404, { error: `no such log for ${form}`, [form]: [form] }),
  },
  "an error's text body": {
    call: (c) => c.getLog(VALID_ID),
    error: "ApiError",
    handler: (form) => (_q, res) => {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(`invalid credentials: ${form}`);
    },
  },
  "the start of an error body too large to keep whole": {
    call: (c) => c.getLog(VALID_ID),
    error: "ApiError",
    handler: (form) => (_q, res) => {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: form, padding: "x".repeat(100_000) }));
    },
  },
  "the status text": {
    call: (c) => c.getLog(VALID_ID),
    error: "ApiError",
    handler: (form) => (_q, res) => {
      res.writeHead(404, `Not ${form}`, { "content-type": "application/json" });
      res.end("{}");
    },
  },
  "a too-long Retry-After's response": {
    call: (c) => c.getLog(VALID_ID),
    error: "ApiError",
    options: { retries: 2 },
    handler: (form) => (_q, res) => sendJson(res, 429, { error: form }, { "retry-after": "3600", "x-echo": form }),
  },
  "a same-origin redirect's query, kept as the error's url": {
    call: (c) => c.getLog(VALID_ID),
    error: "ApiError",
    handler: (form) => (req, res) => {
      if (!req.url!.includes("?")) {
        res.writeHead(302, { location: `${req.url}?t=${encodeURIComponent(form)}` });
        return res.end();
      }
      sendJson(res, 404, { error: "Not Found" });
    },
  },
  "a cross-origin Location": {
    call: (c) => c.getLog(VALID_ID),
    error: "UnsafeRedirectError",
    handler: (form) => (_q, res) => {
      res.writeHead(302, { location: `https://evil.example/collect?t=${form}` });
      res.end();
    },
  },
  "an unknown property's value in a 200 body (strict)": {
    call: (c) => c.getLog(VALID_ID),
    error: "ContractViolationError",
    options: { validation: "strict" },
    handler: (form) => (_q, res) => sendJson(res, 200, { ...completedLog, echo: form }),
  },
  "an unknown property's name in a 200 body (strict)": {
    call: (c) => c.getLog(VALID_ID),
    error: "ContractViolationError",
    options: { validation: "strict" },
    handler: (form) => (_q, res) => sendJson(res, 200, { ...completedLog, [form]: true }),
  },
  "a wrong value in a 200 body (tolerant)": {
    call: (c) => c.getLog(VALID_ID),
    error: "ContractViolationError",
    handler: (form) => (_q, res) => sendJson(res, 200, { ...completedLog, status: form }),
  },
  "a 2xx body that is not JSON": {
    call: (c) => c.getLog(VALID_ID),
    error: "ContractViolationError",
    handler: (form) => (_q, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end(`token=${form}`);
    },
  },
  "a cross-origin links.next": {
    call: drain,
    error: "UnsafeRedirectError",
    handler: (form) => (_q, res) =>
      sendJson(res, 200, listing({ next: `https://evil.example/api/video/logs?t=${form}` })),
  },
  "a links.next to another path": {
    call: drain,
    error: "UnsafeRedirectError",
    handler: (form) => (_q, res) => sendJson(res, 200, listing({ next: `/api/admin?t=${form}` })),
  },
  "a links.next that loops": {
    call: drain,
    error: "ContractViolationError",
    handler: (form) => (_q, res) =>
      sendJson(res, 200, listing({ next: `/api/video/logs?t=${encodeURIComponent(form)}` })),
  },
};

describe("a server that reflects the credentials never gets them into an error", () => {
  const cases = Object.entries(PLACES).flatMap(([place, spec]) =>
    Object.entries(REFLECTED_FORMS).map(([form, text]) => [place, form, spec, text] as const),
  );
  it.each(cases)("in %s, spelled as the %s", async (_place, _form, spec, text) => {
    const server = await serve(spec.handler(text));
    const error = await thrownBy(() => spec.call(clientFor(server.url, spec.options)));
    expect(error).toMatchObject({ name: spec.error });
    for (const rendering of renderings(error)) expectNoSecret(rendering);
  });

  it("in a malformed status line read through node:net", async () => {
    const sockets: Socket[] = [];
    const net = createNetServer((socket) => {
      sockets.push(socket);
      socket.end(`HTTP/1.1 2000 ${API_TOKEN}\r\nx-echo: ${API_TOKEN}\r\n\r\n`);
    });
    await new Promise<void>((resolve) => net.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = net.address() as AddressInfo;
      const error = await thrownBy(() => clientFor(`http://127.0.0.1:${port}`, { timeoutMs: 1000 }).getLog(VALID_ID));
      expect(error).toMatchObject({ name: "NetworkError" });
      for (const rendering of renderings(error)) expectNoSecret(rendering);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => net.close(resolve));
    }
  });
});

describe("a Space or base URL holding credentials is refused without echoing them", () => {
  const spaces = [
    `https://${PROJECT_ID}:${API_TOKEN}@example.signalwire.com`,
    `${PROJECT_ID}:${API_TOKEN}@example`,
    `${API_TOKEN}@example.signalwire.com`,
    `https://id:${API_TOKEN}/x@example.signalwire.com`,
    `https://id:${API_TOKEN}@`,
  ];
  it.each(spaces)("the space option %#", (space) => {
    let error: unknown;
    try {
      createVideoLogsClient({ space, ...credentials });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: "InvalidInputError", field: "space" });
    for (const rendering of renderings(error)) expectNoSecret(rendering);
  });

  it.each(spaces)("SIGNALWIRE_SPACE %#", (space) => {
    let error: unknown;
    try {
      createVideoLogsClient({ env: { ...env, SIGNALWIRE_SPACE: space } });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: "InvalidInputError", field: "space" });
    for (const rendering of renderings(error)) expectNoSecret(rendering);
  });

  it.each([
    ["--space", spaces[0]!, {}],
    ["--space", spaces[1]!, {}],
    ["SIGNALWIRE_SPACE", undefined, { SIGNALWIRE_SPACE: spaces[0]! }],
    ["--base-url", `https://id:${API_TOKEN}@example.signalwire.com`, {}],
  ])("the CLI's stderr for %s (%#)", async (flag, value, extraEnv) => {
    for (const command of [["get", VALID_ID], ["list"], ["check", "--sample", "0"]]) {
      const io = capturedIo({ ...env, ...extraEnv });
      const code = await runCli([...command, ...(value === undefined ? [] : [flag, value])], io);
      expect(code).toBe(2);
      expect(io.err()).toMatch(/Invalid (Space name|base URL)/);
      expectNoSecret(io.err() + io.out());
    }
  });

  it.each([
    ["a space holding the token", { space: `${API_TOKEN}.example.org` }, "space"],
    ["a space of project:token", { space: `${PROJECT_ID}:${API_TOKEN}` }, "space"],
    [
      "a base URL with the token in its path and a query",
      { baseUrl: `https://example.signalwire.com/${API_TOKEN}?x=1` },
      "baseUrl",
    ],
    [
      "a base URL with the token in its path and fragment",
      { baseUrl: `https://example.signalwire.com/${API_TOKEN}#${API_TOKEN}` },
      "baseUrl",
    ],
  ])("%s, with the token from the environment", (_label, target, field) => {
    let error: unknown;
    try {
      createVideoLogsClient({ ...target, env });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: "InvalidInputError", field });
    for (const rendering of renderings(error)) expectNoSecret(rendering);
  });

  it.each([`https://id:${API_TOKEN}@example.signalwire.com`, `http://${PROJECT_ID}:${API_TOKEN}@127.0.0.1:9/`])(
    "the base URL %#",
    (baseUrl) => {
      let error: unknown;
      try {
        createVideoLogsClient({ baseUrl, ...credentials });
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({ name: "InvalidInputError", field: "baseUrl" });
      for (const rendering of renderings(error)) expectNoSecret(rendering);
    },
  );
});

describe("client.raw keeps every policy whatever is passed per call", () => {
  it("refuses a per-call fetch and another baseUrl before anything is sent (the issue's example)", async () => {
    const foreign = await serve((_q, res) => sendJson(res, 200, completedLog), "localhost");
    const server = await serve((_q, res) => sendJson(res, 200, completedLog));
    const client = clientFor(server.url);
    const error = await thrownBy(() =>
      client.raw.GET("/api/video/logs/{id}", {
        params: { path: { id: VALID_ID } },
        baseUrl: foreign.url,
        fetch: globalThis.fetch,
      }),
    );
    expect(error).toMatchObject({ name: "InvalidInputError" });
    expect(foreign.requests).toHaveLength(0);
    expect(server.requests).toHaveLength(0);
  });

  it("refuses a per-call fetch even towards its own base URL, and never calls it", async () => {
    const server = await serve((_q, res) => sendJson(res, 200, completedLog));
    const calls: unknown[] = [];
    const spy = ((...args: unknown[]) => {
      calls.push(args);
      return globalThis.fetch(...(args as [string]));
    }) as typeof fetch;
    const error = await thrownBy(() => clientFor(server.url).raw.GET("/api/video/logs", { fetch: spy }));
    expect(error).toMatchObject({ name: "InvalidInputError", field: "fetch" });
    expect(calls).toHaveLength(0);
    expect(server.requests).toHaveLength(0);
  });

  it("refuses a per-call Request class", async () => {
    const server = await serve((_q, res) => sendJson(res, 200, completedLog));
    const error = await thrownBy(() =>
      clientFor(server.url).raw.GET("/api/video/logs", { Request: class extends Request {} } as never),
    );
    expect(error).toMatchObject({ name: "InvalidInputError", field: "Request" });
    expect(server.requests).toHaveLength(0);
  });

  it("refuses another baseUrl through raw.request too", async () => {
    const foreign = await serve((_q, res) => sendJson(res, 200, completedLog), "localhost");
    const server = await serve((_q, res) => sendJson(res, 200, completedLog));
    const error = await thrownBy(() =>
      clientFor(server.url).raw.request("get", "/api/video/logs", { baseUrl: foreign.url }),
    );
    expect(error).toMatchObject({ name: "InvalidInputError", field: "baseUrl" });
    expect(foreign.requests).toHaveLength(0);
  });

  it("accepts its own baseUrl passed per call, and sends the credentials there", async () => {
    const server = await serve((_q, res) => sendJson(res, 200, completedLog));
    const { response } = await clientFor(server.url).raw.GET("/api/video/logs/{id}", {
      params: { path: { id: VALID_ID } },
      baseUrl: `${server.url}/`,
    });
    expect(response.status).toBe(200);
    expect(server.requests[0]!.headers.authorization).toBe(
      `Basic ${Buffer.from(`${PROJECT_ID}:${API_TOKEN}`).toString("base64")}`,
    );
  });

  it("never shows the credentials to middleware, and refuses a middleware's request to another origin", async () => {
    const foreign = await serve((_q, res) => sendJson(res, 200, completedLog), "localhost");
    const server = await serve((_q, res) => sendJson(res, 200, completedLog));
    const seen: (string | null)[] = [];
    const error = await thrownBy(() =>
      clientFor(server.url).raw.GET("/api/video/logs", {
        middleware: [
          {
            onRequest: ({ request }) => {
              seen.push(request.headers.get("authorization"));
              return new Request(`${foreign.url}/api/video/logs`, request);
            },
          },
        ],
      }),
    );
    expect(seen).toEqual([null]);
    expect(error).toMatchObject({ name: "UnsafeRedirectError" });
    expect(foreign.requests).toHaveLength(0);
  });
});

describe("the drift check's report keeps no credential a server reflects", () => {
  it.each(Object.entries(REFLECTED_FORMS))("spelled as the %s", async (_form, text) => {
    const server = await serve((req, res) => {
      const headers = { "x-request-id": `req-${text}` };
      if (req.url!.startsWith("/api/video/logs/")) return sendJson(res, 404, { message: text }, headers);
      if (req.headers.authorization?.includes(Buffer.from(`${PROJECT_ID}:${API_TOKEN}`).toString("base64"))) {
        return sendJson(res, 200, { ...listing({ next: `https://evil.example/?t=${text}` }), [text]: text }, headers);
      }
      res.writeHead(401, `Unauthorized ${text}`, headers);
      res.end(JSON.stringify({ error: text }));
    });
    const client = clientFor(server.url, { validation: "off" });
    const wrong = createVideoLogsClient({ baseUrl: server.url, projectId: PROJECT_ID, apiToken: "wrong", retries: 0 });
    const report = await runDriftCheck({
      client,
      wrongCredentialsClient: wrong,
      target: { baseUrl: server.url, kind: "base-url" },
      pages: 2,
    });
    expect(report.summary.additive + report.summary.breaking).toBeGreaterThan(0);
    expect(report.exchanges.some((c) => c.notes?.length)).toBe(true);
    expectNoSecret(JSON.stringify(report));
  });

  it("nor does the CLI's stdout and stderr for get and list", async () => {
    const server = await serve((req, res) => {
      if (req.url!.startsWith("/api/video/logs/")) return sendJson(res, 200, { ...completedLog, echo: API_TOKEN });
      res.writeHead(404, `Not ${API_TOKEN}`, { "x-request-id": API_TOKEN });
      res.end(JSON.stringify({ error: API_TOKEN }));
    });
    for (const command of [["get", VALID_ID, "--validation", "strict"], ["list"]]) {
      const io = capturedIo(env);
      const code = await runCli([...command, "--base-url", server.url], io);
      expect(code).toBe(1);
      expect(io.err()).not.toBe("");
      expectNoSecret(io.out() + io.err());
    }
  });
});

interface CutSite {
  /** Where the cut falls, in characters of the text the server sent. */
  cut: number;
  call: (client: VideoLogsClient) => Promise<unknown>;
  options?: VideoLogsClientOptions;
  handler: (text: string) => Handler;
}

/** Every place the client cuts server text it keeps; the secret is placed so that each cut point falls inside it. */
const CUT_SITES: Record<string, CutSite> = {
  "a wrong value quoted by a violation": {
    cut: 61,
    call: (c) => c.getLog(VALID_ID),
    handler: (text) => (_q, res) => sendJson(res, 200, { ...completedLog, status: text }),
  },
  "an unknown property's name quoted by a violation": {
    cut: 61,
    call: (c) => c.getLog(VALID_ID),
    options: { validation: "strict" },
    handler: (text) => (_q, res) => sendJson(res, 200, { ...completedLog, [text]: 1 }),
  },
  "a 2xx body that is not JSON": {
    cut: 40,
    call: (c) => c.getLog(VALID_ID),
    handler: (text) => (_q, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end(text);
    },
  },
  "an error body too large to keep whole": {
    cut: 4096,
    call: (c) => c.getLog(VALID_ID),
    handler: (text) => (_q, res) => {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(text + "z".repeat(70_000));
    },
  },
  "a links.next that is not a URL": {
    cut: 61,
    call: drain,
    handler: (text) => (_q, res) => sendJson(res, 200, listing({ next: `http://[${text}` })),
  },
  "a links.next that loops": {
    cut: 61,
    call: drain,
    handler: (text) => (_q, res) =>
      sendJson(res, 200, listing({ next: `/api/video/logs?t=${text.replace(/[%\\]/g, "x")}` })),
  },
  "a list page whose data is not an array": {
    cut: 61,
    call: drain,
    handler: (text) => (_q, res) =>
      sendJson(res, 200, { links: { self: "/api/video/logs", first: "/api/video/logs" }, data: text }),
  },
};

const CUT_FORMS = [
  "token",
  "Basic value",
  "token, every byte percent-encoded (upper-case hex)",
  "token, as JSON \\u escapes (lower-case hex)",
];

describe("a cut never keeps the beginning of a secret: the text is redacted first", () => {
  const cases = Object.entries(CUT_SITES).flatMap(([site, spec]) =>
    CUT_FORMS.map((form) => [site, form, spec] as const),
  );
  it.each(cases)("in %s, spelled as the %s, wherever the cut falls inside it", async (_site, form, spec) => {
    const secret = REFLECTED_FORMS[form]!;
    let text = "";
    const server = await serve((req, res, index) => spec.handler(text)(req, res, index));
    const client = clientFor(server.url, spec.options);
    for (let before = Math.max(0, spec.cut - secret.length - 2); before <= spec.cut + 1; before++) {
      text = `${"x".repeat(before)}${secret}y`;
      const error = await thrownBy(() => spec.call(client));
      for (const rendering of renderings(error)) expectNoBeginningOfSecret(rendering);
    }
  });

  it("in every format of the drift report and its --out file, and on get's and list's stderr", async () => {
    const server = await serve((req, res) => {
      const log = { ...completedLog, status: `${"x".repeat(27)}${API_TOKEN}` };
      sendJson(
        res,
        200,
        req.url!.startsWith("/api/video/logs/")
          ? log
          : { links: { self: "/api/video/logs", first: "/api/video/logs" }, data: [log] },
      );
    });
    const folder = mkdtempSync(join(tmpdir(), "video-logs-cut-"));
    try {
      for (const format of ["json", "text", "junit", "markdown"]) {
        const io = capturedIo(env);
        expect(await runCli(["check", "--base-url", server.url, "--no-auth-probe", "--format", format], io)).toBe(1);
        expect(io.out()).toMatch(/\\?\[REDACTED\\?\]/);
        expectNoBeginningOfSecret(io.out() + io.err());
        const out = join(folder, `report.${format}`);
        expect(
          await runCli(
            ["check", "--base-url", server.url, "--no-auth-probe", "--format", format, "--out", out],
            capturedIo(env),
          ),
        ).toBe(1);
        expectNoBeginningOfSecret(readFileSync(out, "utf8"));
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    for (const command of [["get", VALID_ID], ["list"]]) {
      const io = capturedIo(env);
      expect(await runCli([...command, "--base-url", server.url], io)).toBe(1);
      expect(io.err()).toContain("[REDACTED]");
      expectNoBeginningOfSecret(io.out() + io.err());
    }
  });
});

describe("the wrong-credentials probe's answer, reflecting the real credentials at a cut point", () => {
  it.each(["a JSON body", "a body that is not JSON"])("keeps no part of them in the report, in %s", async (kind) => {
    let before = 0;
    const server = await serve((req, res) => {
      if (req.headers.authorization?.includes(Buffer.from(`${PROJECT_ID}:${API_TOKEN}`).toString("base64")))
        return sendJson(res, 200, listing({}));
      const text = `${"x".repeat(before)}${API_TOKEN}`;
      if (kind === "a JSON body")
        return sendJson(res, 401, { error: text, [text]: encodeURIComponent(`${PROJECT_ID}:${API_TOKEN}`) });
      res.writeHead(401, { "content-type": "text/plain" });
      res.end(text);
    });
    const client = clientFor(server.url);
    const wrong = createVideoLogsClient({
      baseUrl: server.url,
      projectId: PROJECT_ID,
      apiToken: "wrong-token",
      retries: 0,
    });
    for (before = 20; before <= 62; before++) {
      const report = await runDriftCheck({
        client,
        wrongCredentialsClient: wrong,
        target: { baseUrl: server.url, kind: "base-url" },
        sample: 0,
      });
      expect(report.exchanges.at(-1)!.kind).toBe("wrong-credentials");
      expect(report.exchanges.at(-1)!.violations.length).toBeGreaterThan(0);
      expectNoBeginningOfSecret(JSON.stringify(report));
    }
  });
});

describe("a caller's own value quoted in an error is redacted before it is cut at 80 characters", () => {
  const placements = Array.from({ length: API_TOKEN.length + 4 }, (_, i) => 80 - API_TOKEN.length - 2 + i);
  it.each(placements)("a path id with the token after %i characters", async (before) => {
    const error = await thrownBy(() => clientFor("http://127.0.0.1:9").getLog(`${"x".repeat(before)}${API_TOKEN}`));
    expect(error).toMatchObject({ name: "InvalidInputError" });
    for (const rendering of renderings(error)) expectNoBeginningOfSecret(rendering);
  });

  it.each(placements)("a space with the token after %i characters", (before) => {
    let error: unknown;
    try {
      createVideoLogsClient({ space: `${"x".repeat(before)}${API_TOKEN}.example.org`, ...credentials });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: "InvalidInputError", field: "space" });
    for (const rendering of renderings(error)) expectNoBeginningOfSecret(rendering);
  });
});

describe("a property named __proto__ is a property, never a prototype", () => {
  it("an error's body keeps it as its own property, with the secret inside redacted", async () => {
    const server = await serve((_q, res) => {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(`{"__proto__":{"error":"leaked ${API_TOKEN}"}}`);
    });
    const error = (await thrownBy(() => clientFor(server.url).getLog(VALID_ID))) as { body: object };
    expect(Object.getPrototypeOf(error.body)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(error.body, "__proto__")?.value).toEqual({ error: "leaked [REDACTED]" });
    expect(JSON.stringify(error.body)).toBe('{"__proto__":{"error":"leaked [REDACTED]"}}');
  });

  it("client.redact copies it as its own property", () => {
    const client = createVideoLogsClient({ baseUrl: "http://127.0.0.1:9", ...credentials });
    const copy = client.redact(
      JSON.parse(`{"__proto__":{"t":"${API_TOKEN}"},"a":[{"__proto__":"${API_TOKEN}"}]}`),
    ) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy.t).toBeUndefined();
    expect(JSON.stringify(copy)).toBe('{"__proto__":{"t":"[REDACTED]"},"a":[{"__proto__":"[REDACTED]"}]}');
  });

  it("get and list print it as the server sent it", async () => {
    const server = await serve((req, res) => {
      const log = JSON.stringify(completedLog).replace(/^\{/, '{"__proto__":{"x":1},');
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        req.url!.startsWith("/api/video/logs/")
          ? log
          : `{"links":{"self":"/api/video/logs","first":"/api/video/logs"},"data":[${log}]}`,
      );
    });
    for (const command of [
      ["get", VALID_ID, "--validation", "off"],
      ["list", "--validation", "off"],
    ]) {
      const io = capturedIo(env);
      expect(await runCli([...command, "--base-url", server.url], io)).toBe(0);
      const printed = JSON.parse(io.out()) as object;
      expect(Object.getOwnPropertyDescriptor(printed, "__proto__")?.value).toEqual({ x: 1 });
    }
  });
});

describe("a token that is also an ordinary word never changes the report's structure or the exit status", () => {
  it("a token spelled like a report key (status) still gets the refused-credentials exit", async () => {
    const server = await serve((_q, res) => sendJson(res, 401, { error: "Unauthorized" }));
    const io = capturedIo({ ...env, SIGNALWIRE_API_TOKEN: "status" });
    expect(await runCli(["check", "--base-url", server.url, "--sample", "0", "--format", "json"], io)).toBe(2);
    expect(io.err()).toContain("The API refused the credentials (401)");
  });

  it("a one-character token with an unreachable target says so and exits 2", async () => {
    const io = capturedIo({ ...env, SIGNALWIRE_API_TOKEN: "t" });
    expect(await runCli(["check", "--base-url", "http://127.0.0.1:9", "--sample", "0"], io)).toBe(2);
    expect(io.err()).toContain("Cannot reach http://127.0.0.1:9");
  });

  it("a long token equal to a report key is redacted from values, never from the report's keys", async () => {
    const server = await serve((req, res) =>
      req.url!.startsWith("/api/video/logs/")
        ? sendJson(res, 404, { error: "Not Found" })
        : sendJson(res, 200, { ...listing({}), data: [{ ...completedLog, echo: "violations" }] }),
    );
    const io = capturedIo({ ...env, SIGNALWIRE_API_TOKEN: "violations" });
    expect(
      await runCli(["check", "--base-url", server.url, "--no-auth-probe", "--format", "json", "--strict"], io),
    ).toBe(1);
    const report = JSON.parse(io.out()) as DriftReport;
    expect(report.exchanges[0]).toMatchObject({ kind: "page", status: 200 });
    expect(report.exchanges[0]!.violations.map((v) => v.actual)).toContain('"[REDACTED]"');
    // The finding the occurrences group into keeps its keys too, the token redacted from its example's value.
    const echo = report.findings.filter((f) => f.pointer === "/data/*/echo");
    expect(echo.map((f) => [f.keyword, f.severity, f.example.actual])).toEqual([
      ["additionalProperties", "additive", '"[REDACTED]"'],
    ]);
  });
});
