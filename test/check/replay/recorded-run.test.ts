// What a replay trusts of a recording's `_videoLogs`, the options it compares, and the seeded choices it repeats.
import { describe, expect, it } from "vitest";
import { differingOptions, type RecordedFields, recordedFields } from "../../../src/check/replay/recorded-run.ts";
import { seededUuid } from "../../../src/check/tour/seeded-choice.ts";

const fields: RecordedFields = {
  probe: { kind: "unknown-item", operation: "get_log", request: "get_log of an unknown id", attempt: 1 },
  seed: 7,
  pin: "2026-12-06T04:31:46.355Z",
  target: { baseUrl: "http://127.0.0.1:8080", kind: "base-url" },
  options: {
    pages: 2,
    sample: 2,
    maxRequests: 60,
    concurrency: 4,
    strict: false,
    checks: null,
    skipChecks: ["authentication"],
    minCoverage: null,
    authProbes: true,
    specHash: "sha256:0123456789abcdef",
  },
};

describe("recordedFields", () => {
  it("accepts the fields check --record writes", () => {
    expect(recordedFields(JSON.parse(JSON.stringify(fields)))).toEqual(fields);
  });

  it.each([
    ["no field", undefined, "it has no _videoLogs field (it was not written by check --record)"],
    ["a string", "x", "its _videoLogs field is not an object"],
    ["a seed past 32 bits", { ...fields, seed: 2 ** 32 }, "its _videoLogs.seed is not a seed"],
    ["a pin that is no time", { ...fields, pin: "yesterday" }, "its _videoLogs.pin is not a time"],
    [
      "a target of another kind",
      { ...fields, target: { baseUrl: "x", kind: "ftp" } },
      "its _videoLogs.target is not a target",
    ],
    [
      "options missing one",
      { ...fields, options: { ...fields.options, pages: undefined } },
      "its _videoLogs.options are not a run's options",
    ],
    [
      "a probe of no kind",
      { ...fields, probe: { ...fields.probe, kind: "toString" } },
      "its _videoLogs.probe does not name a probe",
    ],
    [
      "a probe's attempt 0",
      { ...fields, probe: { ...fields.probe, attempt: 0 } },
      "its _videoLogs.probe does not name a probe",
    ],
  ])("refuses %s, saying what is wrong", (_what, value, message) => {
    expect(recordedFields(value)).toBe(message);
  });
});

describe("differingOptions", () => {
  it("names each option that differs by its flag, with both values, and nothing when they agree", () => {
    expect(differingOptions(fields.options, fields.options)).toEqual([]);
    const given = {
      ...fields.options,
      pages: 3,
      checks: ["response-schema"],
      authProbes: false,
      specHash: "sha256:ffff",
    };
    expect(differingOptions(fields.options, given)).toEqual([
      "--pages (recorded 2, given 3)",
      '--checks (recorded not given, given ["response-schema"])',
      "--no-auth-probe (recorded true, given false)",
      "--spec (recorded spec sha256:0123456789ab, given spec sha256:ffff)",
    ]);
  });
});

describe("seededUuid", () => {
  it("draws a version 4 UUID, the same for the same seed and purpose, another for another of either", () => {
    const uuid = seededUuid(7, "get_log unknown-item");
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(seededUuid(7, "get_log unknown-item")).toBe(uuid);
    expect(new Set([uuid, seededUuid(8, "get_log unknown-item"), seededUuid(7, "other unknown-item")]).size).toBe(3);
  });
});
