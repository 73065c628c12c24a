// The tour's request budget: every attempt counts, a 429 is sent again only after a Retry-After it can honour.
import { describe, expect, it } from "vitest";
import { BudgetExhausted, TourBudget } from "../../src/check/tour-budget.ts";

const answer = (status: number, retryAfter?: string) => ({
  response: new Response(null, { status, headers: retryAfter ? { "retry-after": retryAfter } : {} }),
});

function budget(maxRequests: number, extra: Partial<ConstructorParameters<typeof TourBudget>[0]> = {}) {
  const waits: number[] = [];
  const tour = new TourBudget({ maxRequests, now: () => 0, sleep: async (ms) => void waits.push(ms), ...extra });
  return { tour, waits };
}

describe("the tour's request budget", () => {
  it("sends a 429 again after its Retry-After and counts both attempts", async () => {
    const { tour, waits } = budget(10);
    const answers = [answer(429, "3"), answer(200)];
    const result = await tour.send(async () => answers.shift()!);
    expect(result.response.status).toBe(200);
    expect(waits).toEqual([3000]);
    expect([tour.sent, tour.retried]).toEqual([2, 1]);
  });

  it.each([
    ["without a Retry-After", undefined],
    ["with a Retry-After longer than a minute", "61"],
    ["with an unreadable Retry-After", "soon"],
  ])("hands back a 429 %s without waiting", async (_name, header) => {
    const { tour, waits } = budget(10);
    expect((await tour.send(async () => answer(429, header))).response.status).toBe(429);
    expect(waits).toEqual([]);
    expect(tour.sent).toBe(1);
  });

  it("never sends a 5xx again", async () => {
    const { tour } = budget(10);
    let sent = 0;
    const sent503 = await tour.send(async () => {
      sent++;
      return answer(503, "1");
    });
    expect(sent503.response.status).toBe(503);
    expect(sent).toBe(1);
  });

  it("refuses to send once the budget is spent, a retry included", async () => {
    const { tour } = budget(2);
    await expect(tour.send(async () => answer(429, "1"))).resolves.toMatchObject({ response: { status: 429 } });
    expect(tour.sent).toBe(2);
    await expect(tour.send(async () => answer(200))).rejects.toBeInstanceOf(BudgetExhausted);
  });
});

describe("the tour's request budget shared by concurrent workers", () => {
  /** A clock that moves only when the test lets the sleepers wake: then it jumps to the latest wake-up time. */
  function heldClock() {
    let clock = 0;
    const sleepers: { until: number; wake: () => void }[] = [];
    return {
      now: () => clock,
      sleep: (ms: number) => new Promise<void>((wake) => sleepers.push({ until: clock + ms, wake })),
      sleepers,
      wakeAll() {
        for (const sleeper of sleepers.splice(0)) {
          clock = Math.max(clock, sleeper.until);
          sleeper.wake();
        }
      },
    };
  }
  const turns = async (n = 10) => {
    for (let i = 0; i < n; i++) await Promise.resolve();
  };

  it("holds back every worker, not only the refused one, until a honoured Retry-After has passed", async () => {
    const time = heldClock();
    const tour = new TourBudget({ maxRequests: 10, now: time.now, sleep: time.sleep });
    const started: [string, number][] = [];
    const firstAnswers = [answer(429, "2"), answer(200)];
    const first = tour.send(async () => {
      started.push(["first", time.now()]);
      return firstAnswers.shift()!;
    });
    await turns();
    // The first worker has been refused and waits; a second worker asks to send meanwhile.
    expect(started).toEqual([["first", 0]]);
    const second = tour.send(async () => {
      started.push(["second", time.now()]);
      return answer(200);
    });
    await turns();
    expect(started).toEqual([["first", 0]]);
    expect(time.sleepers.map((sleeper) => sleeper.until)).toEqual([2000, 2000]);
    time.wakeAll();
    await Promise.all([first, second]);
    expect(started.slice(1).sort()).toEqual([
      ["first", 2000],
      ["second", 2000],
    ]);
  });

  it("makes a request that comes during the pause wait until the pause ends", async () => {
    const waits: number[] = [];
    let clock = 0;
    const tour = new TourBudget({ maxRequests: 10, now: () => clock, sleep: async (ms) => void waits.push(ms) });
    const answers = [answer(429, "1"), answer(200)];
    await tour.send(async () => answers.shift()!);
    // The pause ends at 1000; a worker arriving at 0 waits the whole second.
    clock = 0;
    await tour.send(async () => answer(200));
    expect(waits).toEqual([1000, 1000]);
  });
});
