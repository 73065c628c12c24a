// The tour's request budget: every attempt counts, a 429 is sent again only after a Retry-After it can honour.
import { describe, expect, it } from "vitest";
import { BudgetExhausted, TourBudget } from "../../src/check/tour-budget.ts";

const answer = (status: number, retryAfter?: string) => ({ response: new Response(null, { status, headers: retryAfter ? { "retry-after": retryAfter } : {} }) });

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
    expect((await tour.send(async () => (sent++, answer(503, "1")))).response.status).toBe(503);
    expect(sent).toBe(1);
  });

  it("refuses to send once the budget is spent, a retry included", async () => {
    const { tour } = budget(2);
    await expect(tour.send(async () => answer(429, "1"))).resolves.toMatchObject({ response: { status: 429 } });
    expect(tour.sent).toBe(2);
    await expect(tour.send(async () => answer(200))).rejects.toBeInstanceOf(BudgetExhausted);
  });
});
