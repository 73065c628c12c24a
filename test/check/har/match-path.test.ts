// The path matcher derived from the operation table: exact paths, templates, methods.
import { describe, expect, it } from "vitest";
import { matchOperation, operationsAtPath } from "../../../src/operations/match-path.ts";
import { allOperations } from "../../../src/operations/operation-table.ts";

const ID = "c22d24f6-5a47-4597-9a23-c7d01e696b92";

describe("matchOperation", () => {
  it("finds every operation of the spec at its own path, with a value for each path parameter", () => {
    for (const operation of allOperations()) {
      const path = operation.path.replace(/\{[^}]+\}/g, ID);
      const match = matchOperation(operation.method, path);
      expect(match?.operation.operationId).toBe(operation.operationId);
      for (const name of operation.path.match(/\{([^}]+)\}/g) ?? []) expect(match?.path[name.slice(1, -1)]).toBe(ID);
    }
  });

  it("matches the method whatever its case, and no other method", () => {
    expect(matchOperation("get", "/api/video/logs")?.operation.operationId).toBe("list_logs");
    expect(matchOperation("POST", "/api/video/logs")).toBeUndefined();
    expect(operationsAtPath("/api/video/logs").map((m) => m.operation.method)).toEqual(["GET"]);
  });

  it("matches paths exactly: no trailing slash, no other case, no extra or empty segment", () => {
    for (const path of [
      "/api/video/logs/",
      "/API/video/logs",
      "/api/video/logs/a/b",
      "/api/video/logs//",
      "/x/api/video/logs",
      "/api/video",
    ]) {
      expect(matchOperation("GET", path), path).toBeUndefined();
    }
  });

  it("prefers a path with fewer parameters and decodes a percent-encoded parameter", () => {
    expect(matchOperation("GET", "/api/video/logs")?.operation.operationId).toBe("list_logs");
    expect(matchOperation("GET", "/api/video/logs/a%20b")?.path).toEqual({ id: "a b" });
    expect(matchOperation("GET", "/api/video/logs/%E0%A4%A")?.path).toEqual({ id: "%E0%A4%A" });
  });
});
