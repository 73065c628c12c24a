// Every example a proposal writes is bounded (20 items an array, 10 levels, 16,384 characters of JSON), and the
// proposal says what was cut in `x-example-cut`: the example's exact value and note for each bound, and a
// 400,000-item body proposed through a real server and client and through the built CLI from a recording, applied with
// openapi-format; a deep body's example valid for the schema inferred beside it.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createSecretScrubber } from "../../src/client/secret-scrubber.ts";
import type { OpenApiDocument } from "../../src/openapi/openapi-document.ts";
import { responseSchemas } from "../../src/openapi/response-schemas.ts";
import { createSpecAjv } from "../../src/openapi/spec-ajv.ts";
import { boundedExample, EXAMPLE_BOUNDS } from "../../src/propose/bounded-example.ts";
import { Proposal } from "../../src/propose/proposal.ts";
import { NO_SECRETS } from "../../src/redaction/redactor.ts";
import { applyOverlay } from "../helpers/apply-overlay.ts";
import { assertBuilt, runBin } from "../helpers/cli.ts";
import { harEntry, writeHar } from "../helpers/har-recording.ts";
import { observeAnswers } from "../helpers/observed-exchanges.ts";
import { API_TOKEN, PROJECT_ID, VALID_ID } from "../helpers/sample-bodies.ts";

/** `levels` objects, each the value of the one around it's `a`, around `end`. */
const chain = (levels: number, end: unknown): unknown => (levels === 0 ? end : { a: chain(levels - 1, end) });
/** `levels` arrays, each the only item of the one around it, around `end`. */
const arrays = (levels: number, end: unknown): unknown => (levels === 0 ? end : [arrays(levels - 1, end)]);
const range = (length: number) => Array.from({ length }, (_, i) => i);

describe("boundedExample", () => {
  it("keeps a body within the bounds as it is, with no note", () => {
    expect(boundedExample({ error: "teapot", items: range(20), deep: chain(8, 1) }, NO_SECRETS)).toEqual({
      value: { error: "teapot", items: range(20), deep: chain(8, 1) },
      json: JSON.stringify({ error: "teapot", items: range(20), deep: chain(8, 1) }),
    });
  });

  it("cuts an array to 20 items and says where and how long it was", () => {
    const example = boundedExample({ error: "teapot", items: range(400_000) }, NO_SECRETS);
    expect(example.value).toEqual({ error: "teapot", items: range(20) });
    expect(example.cut).toBe("array of 400000 items cut to 20, at /items");
    expect(boundedExample(range(21), NO_SECRETS).cut).toBe("array of 21 items cut to 20, at the top");
  });

  it("names the longest of several arrays cut", () => {
    const body = { a: [range(30), range(25)], "b/c~": range(100) };
    expect(boundedExample(body, NO_SECRETS)).toMatchObject({
      value: { a: [range(20), range(20)], "b/c~": range(20) },
      cut: "3 arrays cut to 20 items, the longest (100 items) at /b~1c~0",
    });
  });

  it("writes a value deeper than 10 levels as {} or [], and says where the first was", () => {
    // The body is at depth 0; x and y at depth 1, so their 9th nested value is at depth 10.
    const example = boundedExample({ x: chain(11, { end: true }), y: arrays(11, 1) }, NO_SECRETS);
    expect(example.value).toEqual({ x: chain(9, {}), y: arrays(9, []) });
    expect(example.cut).toBe("2 values deeper than 10 levels written as {} or [], the first at /x/a/a/a/a/a/a/a/a/a");
  });

  it("tries smaller forms past 16,384 characters of JSON, and says so", () => {
    const wide = Object.fromEntries(range(100).map((i) => [`k${i}`, "v".repeat(300)]));
    const example = boundedExample(wide, NO_SECRETS);
    expect(example.value).toEqual(Object.fromEntries(range(100).map((i) => [`k${i}`, "v".repeat(64)])));
    expect(example.json!.length).toBeLessThanOrEqual(EXAMPLE_BOUNDS.characters);
    expect(example.cut).toBe(
      "arrays cut to 1 item and strings to 64 characters to stay within 16384 characters of JSON",
    );
    const list = range(40).map(() => Object.fromEntries(range(20).map((i) => [`k${i}`, "v".repeat(40)])));
    expect(boundedExample(list, NO_SECRETS)).toMatchObject({
      value: list.slice(0, 5),
      cut: "array of 40 items cut to 5, at the top; arrays cut to 5 items and strings to 200 characters to stay within 16384 characters of JSON",
    });
  });

  it("leaves out an example whose smallest form is still over the size bound, and says so", () => {
    const level = (inner: unknown) => Object.fromEntries(range(150).map((i) => [`k${i}`, inner]));
    expect(boundedExample(level(level(1)), NO_SECRETS)).toEqual({
      cut: "example left out: over 16384 characters of JSON even with arrays cut to 0 items and strings to 64 characters",
    });
  });

  it("counts the characters of its JSON exactly: 16,384 are kept, 16,385 are not", () => {
    // `{"K":0}` is the name's length and 6 characters.
    const atBound = { ["k".repeat(EXAMPLE_BOUNDS.characters - 6)]: 0 };
    expect(JSON.stringify(atBound)).toHaveLength(16_384);
    expect(boundedExample(atBound, NO_SECRETS)).toEqual({ value: atBound, json: JSON.stringify(atBound) });
    const over = { ["k".repeat(EXAMPLE_BOUNDS.characters - 5)]: 0 };
    expect(boundedExample(over, NO_SECRETS).value).toBeUndefined();
  });

  it("withholds secret-named values, redacts credentials and writes 0 for a number that spells one", () => {
    const redactor = createSecretScrubber(PROJECT_ID, "847261935012");
    expect(
      boundedExample({ n: 847261935012, s: "id 847261935012", api_key: "k-1", db_pass: 5, compass: "n" }, redactor)
        .value,
    ).toEqual({ n: 0, s: "id [REDACTED]", api_key: "[withheld]", db_pass: 0, compass: "n" });
  });
});

describe("a proposal from a 418 body holding a 400,000-item array", () => {
  it("is under 64 KB, parses, holds the note, and applies", { timeout: 120_000 }, async () => {
    const items = range(400_000).map((i) => ({ id: i, name: `item-${i}` }));
    const [exchange] = await observeAnswers([{ operation: "get_log", status: 418, body: { error: "teapot", items } }]);
    const proposal = new Proposal();
    proposal.observe(exchange!);
    const yaml = proposal.yaml();
    expect(Buffer.byteLength(yaml)).toBeLessThan(64 * 1024);
    expect(yaml).not.toContain(API_TOKEN);
    const declared = (parse(yaml) as { actions: { update: Record<string, unknown> }[] }).actions[0]!.update["418"] as {
      content: { "application/json": { examples: { observed: { value: { items: unknown[] } } } } };
    };
    const media = declared.content["application/json"] as Record<string, unknown> & {
      examples: { observed: { value: { items: unknown[] } } };
    };
    expect(media["x-example-cut"]).toBe("array of 400000 items cut to 20, at /items");
    expect(media.examples.observed.value.items).toEqual(items.slice(0, 20));
    const patched = parse((await applyOverlay(yaml)).text) as {
      paths: Record<string, { get: { responses: Record<string, { content: Record<string, unknown> }> } }>;
    };
    expect(patched.paths["/api/video/logs/{id}"]!.get.responses["418"]!.content["application/json"]).toEqual(media);
  });
});

describe("check --har --propose with the built CLI", () => {
  it("writes a bounded, applicable proposal for a recorded 418 with 400,000 items", { timeout: 120_000 }, async () => {
    assertBuilt();
    const dir = mkdtempSync(join(tmpdir(), "video-logs-example-bounds-"));
    try {
      const items = range(400_000).map((i) => ({ id: i, name: `item-${i}` }));
      const entry = harEntry({
        url: `https://example.signalwire.com/api/video/logs/${VALID_ID}`,
        status: 418,
        json: { error: "teapot", items },
      });
      const har = writeHar(dir, "big.har", {
        log: { version: "1.2", creator: { name: "t", version: "1" }, entries: [entry] },
      });
      const file = join(dir, "proposal.yaml");
      const run = await runBin(["check", "--har", har, "--quiet", "--propose", file]);
      expect(run.code, run.stderr).toBe(1);
      const yaml = readFileSync(file, "utf8");
      expect(Buffer.byteLength(yaml)).toBeLessThan(64 * 1024);
      expect(yaml).toContain("x-example-cut: array of 400000 items cut to 20, at /items");
      const patched = parse((await applyOverlay(yaml)).text) as OpenApiDocument;
      const response = responseSchemas(patched).find((r) => r.operationId === "get_log" && r.status === "418")!;
      const validate = createSpecAjv(patched).compile(response.schema);
      expect(validate(response.examples.observed), JSON.stringify(validate.errors)).toBe(true);
      expect(validate({ error: "teapot", items })).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("an undeclared status deeper than 10 levels", () => {
  it("is inferred as deep as its example goes, so that the example stays valid for the patched spec", async () => {
    const body = { error: "deep", x: chain(14, { end: "here", n: 1 }), list: arrays(12, { z: 1 }) };
    const [exchange] = await observeAnswers([{ operation: "get_log", status: 418, body }]);
    const proposal = new Proposal();
    proposal.observe(exchange!);
    const patched = parse((await applyOverlay(proposal.yaml())).text) as OpenApiDocument;
    const response = responseSchemas(patched).find((r) => r.operationId === "get_log" && r.status === "418")!;
    const validate = createSpecAjv(patched).compile(response.schema);
    expect(response.examples.observed).toEqual({ error: "deep", x: chain(9, {}), list: arrays(9, []) });
    expect(validate(response.examples.observed), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(body)).toBe(true);
  });
});
