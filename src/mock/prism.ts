// Starts Stoplight Prism (mock or validating proxy) for the Video Logs spec as a child process that cannot outlive us.
//
// Shared by the CLI (`video-logs mock`, `video-logs check` without a target) and the contract tests, so it must not
// depend on any test runner.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultSpecPath } from "../openapi/spec-path.ts";

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

interface CommonOptions {
  /** The OpenAPI document; defaults to the toolkit's own `openapi/video-logs.openapi.yaml`. */
  specPath?: string;
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

export interface PrismMockOptions extends CommonOptions {
  /** Generate bodies from the schemas (`-d`) instead of serving the named examples. */
  dynamic?: boolean;
  /**
   * Seed of the dynamic generator, passed in dynamic mode (default 1) so that bodies are repeatable; `null` leaves
   * Prism unseeded, so that every answer is a new random body.
   */
  seed?: number | string | null;
}

export interface PrismProxyOptions extends CommonOptions {
  /** The real server Prism forwards every request to, e.g. `https://example.signalwire.com`. */
  upstream: string;
}

const DEFAULT_READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 3_000;
const KEPT_LOG_LINES = 40;

/** Starts `prism mock` on the spec. */
export async function startPrismMock(options: PrismMockOptions = {}): Promise<PrismServer> {
  const args = ["mock", resolveSpecPath(options.specPath)];
  if (options.dynamic) args.push("--dynamic", ...(options.seed === null ? [] : ["--seed", String(options.seed ?? 1)]));
  return startPrism(args, options);
}

/** Starts `prism proxy`: forwards each request to `upstream` and checks request and response against the spec. */
export async function startPrismProxy(options: PrismProxyOptions): Promise<PrismServer> {
  let upstream: URL;
  try {
    upstream = new URL(options.upstream);
  } catch {
    throw new TypeError(`startPrismProxy: upstream must be an absolute URL, got "${options.upstream}"`);
  }
  if (upstream.protocol !== "http:" && upstream.protocol !== "https:") {
    throw new TypeError(`startPrismProxy: upstream must be http(s), got "${upstream.protocol}"`);
  }
  const args = ["proxy", resolveSpecPath(options.specPath), upstream.href.replace(/\/$/, "")];
  return startPrism(args, options);
}

/** How to install the Prism release this toolkit is tested with (Prism is an optional peer dependency). */
export const PRISM_INSTALL_COMMAND = "npm i -D @stoplight/prism-cli@5.16.0";

/** `@stoplight/prism-cli` cannot be found; the mock and the validating proxy need it, nothing else does. */
export class PrismNotInstalledError extends Error {
  override name = "PrismNotInstalledError";
  readonly installCommand = PRISM_INSTALL_COMMAND;
  constructor() {
    super(
      "Prism is not installed: the mock and the validating proxy need @stoplight/prism-cli, an optional peer " +
        `dependency of signalwire-video-logs. Install it with: ${PRISM_INSTALL_COMMAND}`,
    );
  }
}

/** The path of Prism's CLI entry script, or a PrismNotInstalledError when the package is not installed. */
export function resolvePrismEntry(): string {
  const require = createRequire(import.meta.url);
  let packageJsonPath: string;
  try {
    packageJsonPath = require.resolve("@stoplight/prism-cli/package.json");
  } catch {
    throw new PrismNotInstalledError();
  }
  const manifest = JSON.parse(readFileSync(packageJsonPath, "utf8")) as { bin?: string | Record<string, string> };
  const bin = typeof manifest.bin === "string" ? manifest.bin : (manifest.bin?.["prism"] ?? "dist/index.js");
  const entry = resolve(dirname(packageJsonPath), bin);
  if (!existsSync(entry)) throw new Error(`Prism is installed but its entry script is missing: ${entry}`);
  return entry;
}

function resolveSpecPath(specPath: string | undefined): string {
  if (specPath !== undefined) {
    const absolute = resolve(specPath);
    if (!existsSync(absolute)) throw new Error(`OpenAPI document not found: ${absolute}`);
    return absolute;
  }
  return defaultSpecPath();
}

/** Asks the OS for a port nobody listens on right now. */
export function findFreePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolvePort(port) : reject(new Error("could not determine a free port"))));
    });
  });
}

function isPortFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.unref();
    server.once("error", () => resolveFree(false));
    server.listen(port, host, () => server.close(() => resolveFree(true)));
  });
}

/**
 * Code preloaded into Prism's node process: it exits as soon as the process that started it is gone (even when that
 * process died from SIGKILL and had no chance to clean up). Passed as a data: URL so no file has to be shipped.
 */
function watchdogImport(parentPid: number): string {
  const code =
    `const parent=${parentPid};` +
    `const alive=()=>{if(process.ppid!==parent)return false;try{process.kill(parent,0);return true}catch(e){return e.code==="EPERM"}};` +
    `setInterval(()=>{if(!alive())process.exit(0)},500).unref();`;
  return `data:text/javascript,${encodeURIComponent(code)}`;
}

// Every Prism we started and has not exited yet; killed when this process exits or is interrupted.
const running = new Set<ChildProcess>();
let exitHooksInstalled = false;

function killAllNow(): void {
  for (const child of running) {
    try {
      child.kill("SIGKILL");
    } catch {
      // already gone
    }
  }
}

function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on("exit", killAllNow);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = (): void => {
      killAllNow();
      // When nobody else handles the signal, restore its default effect (terminate) as if we had never listened.
      if (process.listenerCount(signal) === 1) {
        process.removeListener(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}

function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

async function startPrism(commandArgs: string[], options: CommonOptions): Promise<PrismServer> {
  const entry = resolvePrismEntry();
  const host = options.host ?? "127.0.0.1";
  const chosenPort = options.port;
  // A free port can be taken by someone else between our probe and Prism's listen; retry a couple of times then.
  // An HTTP answer on a port someone else already listens on would look like a ready Prism, so refuse that up front.
  if (chosenPort !== undefined && !(await isPortFree(chosenPort, host))) {
    throw new PrismStartError(`cannot start Prism on ${host}:${chosenPort}: the port is already in use`);
  }
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

class PrismStartError extends Error {
  override name = "PrismStartError";
}

function launch(entry: string, commandArgs: string[], host: string, port: number, options: CommonOptions): Promise<PrismServer> {
  const args = [
    "--import",
    watchdogImport(process.pid),
    entry,
    ...commandArgs,
    "--host",
    host,
    "--port",
    String(port),
    ...(options.errors ? ["--errors"] : []),
  ];
  const child = spawn(process.execPath, args, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
    windowsHide: true,
  });
  installExitHooks();
  running.add(child);

  const recentLines: string[] = [];
  const collect = (stream: NodeJS.ReadableStream | null): void => {
    if (!stream) return;
    let pending = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      pending += chunk;
      const lines = pending.split(/\r?\n/);
      pending = lines.pop() ?? "";
      for (const raw of lines) {
        const line = raw.replace(ANSI, "");
        if (line.trim() === "") continue;
        recentLines.push(line);
        if (recentLines.length > KEPT_LOG_LINES) recentLines.shift();
        options.onLog?.(line);
      }
    });
  };
  collect(child.stdout);
  collect(child.stderr);

  const exited = new Promise<void>((resolveExit) => {
    if (child.exitCode !== null || child.signalCode !== null) resolveExit();
    child.once("exit", () => {
      running.delete(child);
      resolveExit();
    });
  });
  let spawnError: Error | undefined;
  child.once("error", (error) => {
    spawnError = error;
    running.delete(child);
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      child.kill("SIGTERM");
      const killTimer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
      try {
        await exited;
      } finally {
        clearTimeout(killTimer);
      }
    })();
    return stopping;
  };

  const url = `http://${urlHost(host)}:${port}`;
  const timeoutMs = options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  const describe = (): string =>
    recentLines.length ? `\nLast lines from Prism:\n  ${recentLines.slice(-12).join("\n  ")}` : " (Prism printed nothing)";

  return (async () => {
    const deadline = Date.now() + timeoutMs;
    let hasExited = false;
    void exited.then(() => (hasExited = true));
    while (!hasExited && !spawnError) {
      if (await answersHttp(url)) {
        return { url, port, pid: child.pid!, stop };
      }
      if (Date.now() > deadline) {
        await stop();
        throw new PrismStartError(`Prism did not answer on ${url} within ${timeoutMs} ms${describe()}`);
      }
      await delay(150);
    }
    // Give the pipes a moment to deliver Prism's last words before quoting them.
    await delay(50);
    const how = spawnError
      ? `could not be started (${spawnError.message})`
      : `exited early (code ${child.exitCode ?? "none"}, signal ${child.signalCode ?? "none"})`;
    throw new PrismStartError(`Prism ${how} before listening on ${url}${describe()}`);
  })();
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

function delay(ms: number): Promise<void> {
  return new Promise((resolveDelay) => setTimeout(resolveDelay, ms));
}
