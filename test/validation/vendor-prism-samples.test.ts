import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PrismServer, startPrismMock } from "../../src/mock/start-prism.ts";
import type { OperationId } from "../../src/operations/operation-table.ts";
import { validateResponse } from "../../src/validation/validate-response.ts";

// Random bodies Prism generates from the vendor's own document (it adds random properties, ignoring the vendor's
// `unevaluatedProperties`) must never get a breaking verdict from our validator: their extras are additive drift.
const VENDOR_PATH = fileURLToPath(
  new URL("../../../shared/upstream/signalwire-video-logs.openapi.yaml", import.meta.url),
);
const REQUESTS = 60;

describe.runIf(existsSync(VENDOR_PATH))("random bodies of the vendor's document", () => {
  let prism: PrismServer;
  beforeAll(async () => {
    // Unseeded: a seeded Prism answers every request with the same body.
    prism = await startPrismMock({ specPath: VENDOR_PATH, dynamic: true, seed: null });
  }, 60_000);
  afterAll(() => prism?.stop());

  it(`get no breaking verdict, over ${REQUESTS} requests to one unseeded Prism`, async () => {
    const failures: string[] = [];
    const bodies = new Set<string>();
    for (let i = 0; i < REQUESTS; i++) {
      const [operationId, path]: [OperationId, string] =
        i % 2 === 0 ? ["get_log", `/api/video/logs/${randomUUID()}`] : ["list_logs", "/api/video/logs"];
      const response = await fetch(`${prism.url}${path}`, {
        headers: { accept: "application/json", authorization: "Basic dTpw" },
      });
      const text = await response.text();
      bodies.add(text);
      const breaking = validateResponse(operationId, response.status, JSON.parse(text), { mode: "tolerant", text });
      if (breaking.length > 0) {
        failures.push(
          `${operationId} ${response.status}: ${breaking.map((v) => `${v.pointer} ${v.message}`).join("; ")}\n${text}`,
        );
      }
    }
    expect(failures.join("\n\n")).toBe("");
    // Unseeded, the bodies differ: the samples are not one body seen sixty times.
    expect(bodies.size).toBeGreaterThan(REQUESTS / 2);
  }, 120_000);
});
