import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SEED } from "../helpers/seed.ts";

describe("property tests", () => {
  it("draw from the suite's seed unless they name their own, so two runs draw the same inputs", () => {
    expect(fc.readConfigureGlobal().seed).toBe(SEED);
    expect(fc.sample(fc.string(), 5)).toEqual(fc.sample(fc.string(), 5));
  });
});
