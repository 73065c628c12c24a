// Starts Stoplight Prism (mock or validating proxy) as a supervised child on a free port and waits until it answers.
//
// Shared by the CLI (`video-logs mock`, `video-logs check` without a target) and every test that needs Prism, so it
// must not depend on any test runner.
import { findFreePort, isPortFree, urlHost } from "../net/ports.ts";
import type { OpenApiDocument } from "../openapi/openapi-document.ts";
import { startSupervisedNode } from "../process/supervised-child.ts";
import { writeDocumentFile } from "./document-file.ts";
import {
  PRISM_ENV,
  type PrismMockArgs,
  type PrismProxyArgs,
  prismListenArgs,
  prismMockArgs,
  prismProxyArgs,
  resolvePrismEntry,
} from "./prism.ts";

/** A running Prism server. */
export interface PrismServer {
  /** Base URL to send requests to, e.g. `http://127.0.0.1:40123` (no trailing slash). */
  url: string;
  port: number;
  /** Process id of Prism's node process. */
  pid: number;
  /** Stops Prism (SIGTERM, then SIGKILL after a grace period); resolves once the process has exited. Idempotent. */
  stop(): Promise<void>;
}

interface LaunchOptions {
  /** Port to listen on; a free one when omitted. */
  port?: number;
  /** Interface to listen on; default `127.0.0.1`. */
  host?: string;
  /** With `--errors`, Prism answers a response that violates the spec with a 500 problem instead of passing it on. */
  errors?: boolean;
  /** Receives every line Prism writes (stdout and stderr), without colour codes. */
  onLog?: (line: string) => void;
  /** How long to wait for Prism to answer HTTP; default 30 s. */
  readyTimeoutMs?: number;
}

export interface PrismMockOptions extends PrismMockArgs, LaunchOptions {
  /**
   * A document to serve instead of `specPath`, held in memory (a spec given at run time, checked by the document
   * gates): written to a temporary file for Prism, removed when the mock stops.
   */
  document?: OpenApiDocument;
}
export interface PrismProxyOptions extends PrismProxyArgs, LaunchOptions {}

/** Starts `prism mock` on the spec (or on `document`). */
export async function startPrismMock(options: PrismMockOptions = {}): Promise<PrismServer> {
  if (options.document === undefined) return startPrism(prismMockArgs(options), options);
  const file = writeDocumentFile(options.document);
  try {
    const server = await startPrism(prismMockArgs({ ...options, specPath: file.path }), options);
    const stop = async () => {
      try {
        await server.stop();
      } finally {
        file.remove();
      }
    };
    return { ...server, stop };
  } catch (error) {
    file.remove();
    throw error;
  }
}

/** Starts `prism proxy`: forwards each request to `upstream` and checks request and response against the spec. */
export async function startPrismProxy(options: PrismProxyOptions): Promise<PrismServer> {
  return startPrism(prismProxyArgs(options), options);
}

class PrismStartError extends Error {
  override name = "PrismStartError";
}

async function startPrism(commandArgs: string[], options: LaunchOptions): Promise<PrismServer> {
  const entry = resolvePrismEntry();
  const host = options.host ?? "127.0.0.1";
  const chosenPort = options.port;
  // An HTTP answer on a port someone else already listens on would look like a ready Prism, so refuse that up front.
  if (chosenPort !== undefined && !(await isPortFree(chosenPort, host))) {
    throw new PrismStartError(`cannot start Prism on ${host}:${chosenPort}: the port is already in use`);
  }
  // A free port can be taken by someone else between our probe and Prism's listen; retry a couple of times then.
  for (let attempt = 1; ; attempt++) {
    const port = chosenPort ?? (await findFreePort(host));
    try {
      return await launch(entry, commandArgs, host, port, options);
    } catch (error) {
      const portClash = error instanceof PrismStartError && /EADDRINUSE/.test(error.message);
      if (!portClash || chosenPort !== undefined || attempt >= 3) throw error;
    }
  }
}

async function launch(
  entry: string,
  commandArgs: string[],
  host: string,
  port: number,
  options: LaunchOptions,
): Promise<PrismServer> {
  const child = startSupervisedNode(
    entry,
    [...commandArgs, ...prismListenArgs({ host, port, errors: options.errors })],
    {
      env: PRISM_ENV,
      onLine: options.onLog,
    },
  );
  const url = `http://${urlHost(host)}:${port}`;
  const timeoutMs = options.readyTimeoutMs ?? 30_000;
  const lastLines = (): string => {
    const lines = child.recentLines().slice(-12);
    return lines.length ? `\nLast lines from Prism:\n  ${lines.join("\n  ")}` : " (Prism printed nothing)";
  };
  const outcome = await child.waitUntil(() => answersHttp(url), { timeoutMs, intervalMs: 150 });
  if (outcome === "ready") return { url, port, pid: child.pid!, stop: child.stop };
  if (outcome === "timeout") {
    await child.stop();
    throw new PrismStartError(`Prism did not answer on ${url} within ${timeoutMs} ms${lastLines()}`);
  }
  // Give the pipes a moment to deliver Prism's last words before quoting them.
  await new Promise((resolveDelay) => setTimeout(resolveDelay, 50));
  throw new PrismStartError(`Prism ${child.endDescription()} before listening on ${url}${lastLines()}`);
}

// The probe carries a `Prefer` header Prism cannot parse, so Prism answers it itself (422) before routing: in proxy mode
// it never reaches the upstream, which may be a real SignalWire Space.
async function answersHttp(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/`, {
      headers: { prefer: "code=readiness-probe" },
      signal: AbortSignal.timeout(1_000),
    });
    await response.body?.cancel();
    return true; // any status means an HTTP server is there
  } catch {
    return false;
  }
}
