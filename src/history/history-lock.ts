// One writer at a time: a lock file beside the history, created exclusively (`wx`), holding its writer's pid, host,
// time and a token of its own. A writer that finds the lock taken waits; a lock older than HISTORY_LIMITS.lockStaleMs,
// or whose writer (on this host) is gone, is stale and is taken over. The clock, the wait and the liveness test are
// injected, so a test of a stale lock needs no real time to pass.
import { randomBytes } from "node:crypto";
import { link, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { HISTORY_LIMITS } from "./history-defaults.ts";

/** What a lock file holds. */
export interface LockHolder {
  pid: number;
  host: string;
  /** When it was taken, in ms since the epoch (the lock's clock). */
  time: number;
  token: string;
}

export interface LockOptions {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Waits before the next attempt. */
  sleep(ms: number): Promise<void>;
  /** Whether a process of this host with this pid is running. */
  isAlive(pid: number): boolean;
  pid: number;
  host: string;
  staleMs: number;
  pollMs: number;
}

/** The lock of the real process: the system clock, real waits, `kill(pid, 0)` for liveness. */
export function systemLockOptions(): LockOptions {
  return {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    isAlive: processIsAlive,
    pid: process.pid,
    host: hostname(),
    staleMs: HISTORY_LIMITS.lockStaleMs,
    pollMs: HISTORY_LIMITS.lockPollMs,
  };
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export const lockPathOf = (file: string) => `${file}.lock`;

/** Runs `work` holding the lock of `file`, and releases the lock however `work` ends. */
export async function withLock<T>(file: string, options: LockOptions, work: () => Promise<T>): Promise<T> {
  const lock = lockPathOf(file);
  const holder = await acquire(lock, options);
  try {
    return await work();
  } finally {
    await release(lock, holder);
  }
}

async function acquire(lock: string, options: LockOptions): Promise<LockHolder> {
  for (;;) {
    const holder: LockHolder = {
      pid: options.pid,
      host: options.host,
      time: options.now(),
      token: randomBytes(8).toString("hex"),
    };
    try {
      await writeFile(lock, `${JSON.stringify(holder)}\n`, { flag: "wx" });
      return holder;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const held = await readHolder(lock, options);
    if (held === "gone") continue;
    if (isStale(held, options)) await takeOver(lock, held);
    else await options.sleep(options.pollMs);
  }
}

/**
 * The lock's holder; `gone` when it was released meanwhile. A lock that does not parse is one being written (created
 * empty, then written), or a wreck: its time is its file's, so it goes stale as any other.
 */
async function readHolder(lock: string, options: LockOptions): Promise<LockHolder | "gone"> {
  try {
    const text = await readFile(lock, "utf8");
    const parsed = parseHolder(text);
    if (parsed) return parsed;
    const { mtimeMs } = await stat(lock);
    return { pid: 0, host: "", time: Math.min(mtimeMs, options.now()), token: text };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "gone";
    throw error;
  }
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    const valid =
      Number.isSafeInteger(value.pid) &&
      typeof value.host === "string" &&
      typeof value.time === "number" &&
      typeof value.token === "string";
    return valid ? (value as LockHolder) : undefined;
  } catch {
    return undefined;
  }
}

/** Older than staleMs, or held by a process of this host that is gone. */
export function isStale(held: LockHolder, options: Pick<LockOptions, "now" | "isAlive" | "host" | "staleMs">) {
  if (options.now() - held.time > options.staleMs) return true;
  return held.pid > 0 && held.host === options.host && !options.isAlive(held.pid);
}

/**
 * Moves the stale lock aside (a rename: of two writers taking it over, one succeeds) and removes it. When what was
 * moved is not the lock judged stale (another writer took it over in between), it is put back, unless a third writer
 * holds the lock by then.
 */
async function takeOver(lock: string, stale: LockHolder): Promise<void> {
  const aside = `${lock}.${randomBytes(6).toString("hex")}.stale`;
  try {
    await rename(lock, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  const moved = await readFile(aside, "utf8").catch(() => "");
  if (parseHolder(moved)?.token !== stale.token && moved !== stale.token) await link(aside, lock).catch(() => {});
  await unlink(aside).catch(() => {});
}

/** Removes the lock if it is still this writer's (a writer that overran staleMs may have lost it). */
async function release(lock: string, holder: LockHolder): Promise<void> {
  const held = parseHolder(await readFile(lock, "utf8").catch(() => ""));
  if (held?.token === holder.token) await unlink(lock).catch(() => {});
}
