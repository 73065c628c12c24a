// A key twice in one object of a recording: found by a pass over the text (JSON.parse keeps only the last), named by
// its JSON pointer, and the recording refused before anything is judged, with or without a byte order mark.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { duplicateKeyPointer } from "../../../src/check/har/duplicate-key.ts";
import { HarFileError } from "../../../src/check/har/har-file-error.ts";
import { readHar } from "../../../src/check/har/read-har.ts";
import { harRecording } from "../../helpers/har-recording.ts";
import { seeded } from "../../helpers/seed.ts";

const dir = mkdtempSync(join(tmpdir(), "video-logs-duplicate-key-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("duplicateKeyPointer", () => {
  it.each([
    ['{"a":1,"a":2}', "/a"],
    ['{"a":1,"\\u0061":2}', "/a"],
    ['{"x":{"a":[1,{"b":2,"c":3,"b":4}]}}', "/x/a/1/b"],
    ['[{"k":1},{"k":2},{"k":3,"j":{},"k":4}]', "/2/k"],
    ['{"a/b":{"~":1,"~":2}}', "/a~1b/~0"],
    ['{"s":"\\"a\\":1,\\"a\\":2","t":"}{[]\\\\","s2":{"q":1}, "q" : 5, "q":6}', "/q"],
    [
      ' { "log" : { "entries" : [ { "request" : { "headers" : [ ] , "headers" : [ ] } } ] } } ',
      "/log/entries/0/request/headers",
    ],
    ['{"":1,"":2}', "/"],
  ])("finds %s at %s", (text, pointer) => {
    JSON.parse(text);
    expect(duplicateKeyPointer(text)).toBe(pointer);
  });

  it.each([
    '{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]}',
    '{"a":"a","b":["a","a"],"A":1,"\\u00e9":1,"é\\u0301":2}',
    "[1,2.5e-3,true,false,null,[],{}]",
    '"{\\"a\\":1,\\"a\\":2}"',
  ])("finds none in %s", (text) => {
    JSON.parse(text);
    expect(duplicateKeyPointer(text)).toBeUndefined();
  });

  it("finds none in any value JSON.stringify writes, and finds the one added to any object of it, spaced or not", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), (value, spaced) => {
        const text = JSON.stringify(value, null, spaced ? 2 : undefined);
        expect(duplicateKeyPointer(text)).toBeUndefined();
        // The first key of the first object in document order (where it comes first), written again at its end.
        const found = firstObject(value, "");
        if (!found) return;
        const [pointer, object] = found;
        const key = Object.keys(object)[0]!;
        const withDuplicate = JSON.stringify(value, (_k, v) =>
          v === object ? { ...v, "@@dup@@": v[key] } : v,
        ).replace('"@@dup@@"', JSON.stringify(key));
        expect(duplicateKeyPointer(withDuplicate)).toBe(`${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`);
      }),
      seeded,
    );
  });
});

/** The first non-empty object in document order, with its pointer. */
function firstObject(value: unknown, pointer: string): [string, Record<string, unknown>] | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstObject(value[i], `${pointer}/${i}`);
      if (found) return found;
    }
    return undefined;
  }
  if (value === null || typeof value !== "object") return undefined;
  const object = value as Record<string, unknown>;
  return Object.keys(object).length > 0 ? [pointer, object] : undefined;
}

describe("readHar with a key twice in one object", () => {
  const entry = {
    url: "https://example.signalwire.com/api/video/logs",
    requestHeaders: { authorization: "Bearer hidden-token-7f8e9d" },
    json: { data: [] },
  };
  /** The first `"headers": [` of the text written again, empty, after the real one: JSON.parse keeps the empty one. */
  const hidingHeaders = (text: string) => text.replace(/("headers":\[[^\]]*\])/, '$1,"headers":[]');

  it.each([
    ["without", ""],
    ["with", "\uFEFF"],
  ])(
    "refuses it %s a byte order mark, naming the pointer of the second key and quoting nothing",
    async (_with, bom) => {
      const path = join(dir, `hidden-${bom.length}.har`);
      writeFileSync(path, bom + hidingHeaders(JSON.stringify(harRecording([entry]))));
      const error = await readHar(path).then(
        () => undefined,
        (e: unknown) => e as HarFileError,
      );
      expect(error).toBeInstanceOf(HarFileError);
      expect(error!.problem).toBe("duplicate-key");
      expect(error!.where).toBe("/log/entries/0/request/headers");
      expect(error!.message).toBe(
        `The recording ${path} has a key twice in one object, at /log/entries/0/request/headers: JSON.parse would keep only the last, hiding what the first holds (a header with credentials, say), so nothing is judged`,
      );
    },
  );

  it("scans a 12 MB recording in well under a second", async () => {
    const many = Array.from({ length: 1000 }, () => ({ ...entry, text: "x".repeat(12_000) }));
    const path = join(dir, "large.har");
    const text = JSON.stringify(harRecording(many));
    writeFileSync(path, text);
    const started = performance.now();
    expect(duplicateKeyPointer(text)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
    expect((await readHar(path)).log.entries).toHaveLength(1000);
  });
});
