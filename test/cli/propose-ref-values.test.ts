// A server (or a recording) can send a value that is an object holding `$ref`: `{"source": {"$ref": "/etc/passwd"}}`.
// Copied into the spec as an enum value or an example, it would become a reference that Prism's mock and bundlers
// follow to a local file or a URL. A proposal never writes one (an enum value or an example holding one is refused,
// src/propose/ref-key.ts), and the proposal still applies with openapi-format.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadSpec } from "../../src/openapi/load-spec.ts";
import { refKeyPointer } from "../../src/propose/ref-key.ts";
import { applyOverlay } from "../helpers/apply-overlay.ts";
import { assertBuilt, runBin } from "../helpers/cli.ts";
import { harEntry, writeHar } from "../helpers/har-recording.ts";
import { completedLog } from "../helpers/sample-bodies.ts";

const dir = mkdtempSync(join(tmpdir(), "video-logs-ref-values-"));
beforeAll(() => assertBuilt());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LOG_URL = `https://example.signalwire.com/api/video/logs/${completedLog.id}`;
const json = { "content-type": "application/json" };

describe("refKeyPointer", () => {
  it.each([
    [{ $ref: "/etc/passwd" }, "/$ref"],
    [{ a: [1, { b: { $ref: "http://127.0.0.1:1/evil.yaml" } }] }, "/a/1/b/$ref"],
    [{ "a/b~": { $ref: 1 } }, "/a~1b~0/$ref"],
    [{ a: "$ref: x", b: ["$ref"] }, undefined],
    ["$ref", undefined],
  ])("finds the $ref key of %j at %j", (value, pointer) => {
    expect(refKeyPointer(value)).toBe(pointer);
  });

  it("finds one nested 100,000 levels deep without running out of stack", () => {
    let value: unknown = { $ref: "/etc/passwd" };
    for (let i = 0; i < 100_000; i++) value = [value];
    expect(refKeyPointer(value)).toBe(`${"/0".repeat(100_000)}/$ref`);
  });
});

describe("check --propose on bodies holding an object with a $ref key", () => {
  it("writes no $ref the spec did not have, in any action, and the applied spec refers to nothing outside itself", async () => {
    const source = { $ref: "/etc/passwd" };
    const har = writeHar(dir, "refs.har", {
      log: {
        version: "1.2",
        creator: { name: "t", version: "1" },
        entries: [
          harEntry({ url: LOG_URL, json: { ...completedLog, source }, responseHeaders: json }),
          harEntry({ url: LOG_URL, status: 418, json: { teapot: { $ref: "http://127.0.0.1:1/evil.yaml" } } }),
        ],
      },
    });
    const file = join(dir, "refs.yaml");
    const result = await runBin(["check", "--har", har, "--quiet", "--propose", file]);
    expect(result.code).toBe(1);
    const yaml = readFileSync(file, "utf8");
    const overlay = parse(yaml) as { actions: { update?: unknown }[]; "x-not-proposed"?: { reason: string }[] };
    for (const action of overlay.actions) expect(refKeyPointer(action.update)).toBeUndefined();
    // The object in place of a string would make LogSource a union holding an object schema inline, which the spec's
    // gates refuse: verification takes that change out too.
    expect(overlay["x-not-proposed"]?.map((entry) => entry.reason)).toEqual([
      "verified before writing, this change was taken out: applied as openapi-format applies it, the patched spec fails the gate strict-schemas: #/components/schemas/LogSource/anyOf/1 is an inline object schema in a union: make it a component and $ref it",
      'the bodies of the undeclared status 418 have a property named "$ref": openapi-format drops or rewrites a property whose name holds $ref',
    ]);
    // Applied, the spec holds exactly the $refs it held before: none to a file or a URL.
    const refsOf = (text: string) => [...text.matchAll(/\$ref['"]?:\s*['"]?([^'"\s]+)/g)].map((m) => m[1]).sort();
    const patched = (await applyOverlay(yaml)).text;
    expect(refsOf(patched).filter((ref) => !ref!.startsWith("#/"))).toEqual([]);
    expect(new Set(refsOf(patched))).toEqual(
      new Set(refsOf(JSON.stringify(loadSpec()).replaceAll('"$ref":"', '$ref: "'))),
    );
  });
});
