// The history's lock, in-process with an injected clock and wait: a live writer's fresh lock is waited for, a lock
// older than 60 s or whose writer is gone is taken over, a lock is released only by its holder, and writers take turns.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HISTORY_LIMITS } from "../../src/history/history-defaults.ts";
import { type LockHolder, type LockOptions, lockPathOf, withLock } from "../../src/history/history-lock.ts";

const dir = mkdtempSync(join(tmpdir(), "video-logs-lock-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const T0 = Date.parse("2026-12-01T10:00:00Z");
let files = 0;
const freshFile = () => join(dir, `history-${++files}.json`);

/** A clock that only the waits move, and a record of every wait. */
function fakeLock(overrides: Partial<LockOptions> = {}) {
  let now = T0;
  const waits: number[] = [];
  const options: LockOptions = {
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
    isAlive: () => true,
    pid: 1111,
    host: "this-host",
    staleMs: HISTORY_LIMITS.lockStaleMs,
    pollMs: 1000,
    ...overrides,
  };
  return { options, waits, elapsed: () => now - T0 };
}

function holdLock(file: string, holder: Partial<LockHolder> = {}): void {
  const lock: LockHolder = { pid: 2222, host: "this-host", time: T0, token: "someone-else", ...holder };
  writeFileSync(lockPathOf(file), JSON.stringify(lock));
}

const heldBy = (file: string) => JSON.parse(readFileSync(lockPathOf(file), "utf8")) as LockHolder;

describe("the history's lock", () => {
  it("is created for the work with the writer's pid, host and time, and removed after it", async () => {
    const file = freshFile();
    const { options } = fakeLock();
    const during = await withLock(file, options, async () => heldBy(file));
    expect({ ...during, token: typeof during.token }).toEqual({
      pid: 1111,
      host: "this-host",
      time: T0,
      token: "string",
    });
    expect(existsSync(lockPathOf(file))).toBe(false);
  });

  it("waits while a live writer's lock is fresh, and takes it over once it is more than 60 s old", async () => {
    const file = freshFile();
    holdLock(file);
    const { options, waits, elapsed } = fakeLock();
    const holder = await withLock(file, options, async () => heldBy(file).pid);
    expect(holder).toBe(1111);
    expect(waits).toEqual(Array(61).fill(1000));
    expect(elapsed()).toBe(61_000);
    expect(existsSync(lockPathOf(file))).toBe(false);
  });

  it("takes over at once a lock whose writer, on this host, is gone", async () => {
    const file = freshFile();
    holdLock(file, { pid: 99_999_999 });
    const { options, waits } = fakeLock({ isAlive: (pid) => pid !== 99_999_999 });
    expect(await withLock(file, options, async () => heldBy(file).pid)).toBe(1111);
    expect(waits).toEqual([]);
  });

  it("does not judge another host's lock by its pid: it waits until the lock is stale", async () => {
    const file = freshFile();
    holdLock(file, { host: "another-host" });
    const { options, elapsed } = fakeLock({ isAlive: () => false });
    await withLock(file, options, async () => {});
    expect(elapsed()).toBe(61_000);
  });

  it("takes a lock that holds no JSON (a writer died while writing it) as stale by its file's age", async () => {
    const file = freshFile();
    writeFileSync(lockPathOf(file), "");
    // The clock starts well after the file was written.
    const { options, waits } = fakeLock({ now: () => Date.now() + 120_000 });
    await withLock(file, options, async () => {});
    expect(waits).toEqual([]);
  });

  it("leaves in place a lock that another writer took over meanwhile", async () => {
    const file = freshFile();
    const { options } = fakeLock();
    await withLock(file, options, async () => holdLock(file, { token: "took-it-over" }));
    expect(heldBy(file).token).toBe("took-it-over");
  });

  it("is released when the work fails", async () => {
    const file = freshFile();
    const { options } = fakeLock();
    await expect(withLock(file, options, async () => Promise.reject(new Error("no")))).rejects.toThrow("no");
    expect(existsSync(lockPathOf(file))).toBe(false);
  });

  it("lets two writers of one file take turns: the second works only once the first has released the lock", async () => {
    const file = freshFile();
    const events: string[] = [];
    // The second writer's waits: the first end is let through once it has waited twice.
    let waits = 0;
    let secondWaited!: () => void;
    const secondWaiting = new Promise<void>((resolve) => (secondWaited = resolve));
    const sleep = () => {
      if (++waits === 2) secondWaited();
      return new Promise<void>((resolve) => setImmediate(resolve));
    };
    const { options } = fakeLock({ sleep });
    let releaseFirst!: () => void;
    const firstMayEnd = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstStarted!: () => void;
    const firstWorking = new Promise<void>((resolve) => (firstStarted = resolve));
    const first = withLock(file, options, async () => {
      events.push("first starts");
      firstStarted();
      await firstMayEnd;
      events.push("first ends");
    });
    await firstWorking;
    const second = withLock(file, options, async () => events.push("second starts"));
    await secondWaiting;
    events.push("first may end");
    releaseFirst();
    await Promise.all([first, second]);
    expect(events).toEqual(["first starts", "first may end", "first ends", "second starts"]);
  });
});
