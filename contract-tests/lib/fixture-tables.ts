// Loads the valid/invalid fixture tables shared by the sensitivity suite and the cross-validator check.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { OperationId } from "../../src/operations/operation-table.ts";
import type { ViolationKind } from "../../src/validation/violation.ts";

export interface BodyFixture {
  /** File name without extension. */
  file: string;
  name: string;
  operationId: OperationId;
  status: number;
  body: unknown;
  /** Only for invalid fixtures: every violation the validator must report, by pointer and kind. */
  violations?: { pointer: string; kind: ViolationKind }[];
}

const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));

export function loadFixtureTable(table: "valid" | "invalid"): BodyFixture[] {
  const dir = `${FIXTURES}${table}/`;
  return readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => ({ file: file.slice(0, -".json".length), ...JSON.parse(readFileSync(dir + file, "utf8")) }));
}
