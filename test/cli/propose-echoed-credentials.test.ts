// `video-logs check --har FILE --propose P` where the server echoes the recording's credential as an enum's value or
// as a property name inside a new value: the proposal never copies it.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { OpenApiDocument } from "../../src/openapi/openapi-document.ts";
import { responseSchemas } from "../../src/openapi/response-schemas.ts";
import { createSpecAjv } from "../../src/openapi/spec-ajv.ts";
import { applyOverlay } from "../helpers/apply-overlay.ts";
import { assertBuilt, runBin } from "../helpers/cli.ts";
import { harEntry, writeHar } from "../helpers/har-recording.ts";
import { completedLog } from "../helpers/sample-bodies.ts";

const dir = mkdtempSync(join(tmpdir(), "video-logs-echoed-enum-"));
beforeAll(() => assertBuilt());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TOKEN = "bearer-token-5a6b7c8d9e0f-do-not-leak";

describe("check --propose with a credential echoed as an enum value", { timeout: 60_000 }, () => {
  it("drops the enum instead of listing the credential, whole or inside a longer value, and the body is valid", async () => {
    const body = { ...completedLog, status: TOKEN, source: `x-${TOKEN}` };
    const entry = harEntry({
      url: `https://example.signalwire.com/api/video/logs/${completedLog.id}`,
      json: body,
      requestHeaders: { authorization: `Bearer ${TOKEN}` },
    });
    const har = writeHar(dir, "echo.har", {
      log: { version: "1.2", creator: { name: "t", version: "1" }, entries: [entry] },
    });
    const proposalFile = join(dir, "echo.yaml");
    const result = await runBin(["check", "--har", har, "--quiet", "--propose", proposalFile]);
    expect(result.code).toBe(1);
    const yaml = readFileSync(proposalFile, "utf8");
    expect(yaml).not.toContain("5a6b7c8d9e0f");
    expect(yaml).toContain("a value holds a credential");
    const patched = parse((await applyOverlay(yaml)).text) as OpenApiDocument;
    const validate = createSpecAjv(patched).compile(
      responseSchemas(patched).find((r) => r.operationId === "get_log" && r.status === "200")!.schema,
    );
    expect(validate(body)).toBe(true);
  });
});

describe("check --propose with a credential echoed as a property name inside a new value", { timeout: 60_000 }, () => {
  it("proposes neither the new property nor the undeclared status whose body holds it, and lists both as not proposed", async () => {
    const url = `https://example.signalwire.com/api/video/logs/${completedLog.id}`;
    const headers = { authorization: `Bearer ${TOKEN}` };
    const entries = [
      harEntry({ url, json: { ...completedLog, deep: { [TOKEN]: 1 } }, requestHeaders: headers }),
      harEntry({
        url,
        status: 418,
        json: { error: "teapot", nested: [{ [`k-${TOKEN}`]: 2 }] },
        requestHeaders: headers,
      }),
    ];
    const har = writeHar(dir, "names.har", { log: { version: "1.2", creator: { name: "t", version: "1" }, entries } });
    const proposalFile = join(dir, "names.yaml");
    await runBin(["check", "--har", har, "--quiet", "--propose", proposalFile]);
    const yaml = readFileSync(proposalFile, "utf8");
    expect(yaml).not.toContain("5a6b7c8d9e0f");
    const reasons = ((parse(yaml) as { "x-not-proposed"?: { reason: string }[] })["x-not-proposed"] ?? []).map(
      (entry) => entry.reason,
    );
    expect(reasons).toEqual([expect.stringContaining('"deep"'), expect.stringContaining("status 418")]);
  });
});
