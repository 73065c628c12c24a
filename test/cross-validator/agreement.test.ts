import { registerSchema, setShouldValidateFormat, validate } from "@hyperjump/json-schema/draft-2020-12";
import "@hyperjump/json-schema/formats";
import { beforeAll, describe, expect, it } from "vitest";
import { type BodyFixture, loadFixtureTable } from "../../contract-tests/lib/fixture-tables.ts";
import { componentsSchema } from "../../src/openapi/components-schema.ts";
import { loadSpec } from "../../src/openapi/load-spec.ts";
import { responseSchemas } from "../../src/openapi/response-schemas.ts";
import { validateResponse } from "../../src/validation/validate-response.ts";

// Two independent JSON Schema 2020-12 implementations judge every contract fixture against the same response schema
// of our spec: ajv (through the toolkit's own validateResponse, strict mode) and @hyperjump/json-schema. A body on
// which they disagree points at a schema construct one of them reads differently, which would make our verdicts
// depend on the validator rather than on the spec.

const RESPONSE_ID_BASE = "https://signalwire-video-logs.invalid/cross-validator/";
const schemaUri = (operationId: string, status: number | string): string =>
  `${RESPONSE_ID_BASE}${operationId}/${status}`;

const valid = loadFixtureTable("valid");
const invalid = loadFixtureTable("invalid");
const fixtures = [
  ...valid.map((fixture) => ({ table: "valid" as const, fixture })),
  ...invalid.map((fixture) => ({ table: "invalid" as const, fixture })),
];

interface Verdicts {
  ajv: boolean;
  hyperjump: boolean;
}

async function verdicts(fixture: BodyFixture): Promise<Verdicts> {
  const ajv = validateResponse(fixture.operationId, fixture.status, fixture.body, { mode: "strict" }).length === 0;
  const hyperjump = (await validate(schemaUri(fixture.operationId, fixture.status), fixture.body as never)).valid;
  return { ajv, hyperjump };
}

/** The files of the fixtures on which the two validators disagree. */
async function disagreements(list: BodyFixture[]): Promise<string[]> {
  const out: string[] = [];
  for (const fixture of list) {
    const { ajv, hyperjump } = await verdicts(fixture);
    if (ajv !== hyperjump) out.push(fixture.file);
  }
  return out;
}

beforeAll(() => {
  const doc = loadSpec();
  // The very schemas ajv compiles: the component schemas as one resource, and each response body's schema.
  registerSchema(componentsSchema(doc) as never);
  for (const response of responseSchemas(doc)) {
    registerSchema({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: schemaUri(response.operationId, response.status),
      ...response.schema,
    } as never);
  }
  // ajv asserts formats (ajv-formats); hyperjump must too, or a malformed uuid or date-time would split them.
  setShouldValidateFormat(true);
});

describe("ajv and @hyperjump/json-schema on the contract fixtures", () => {
  it("have fixtures to judge in both tables", () => {
    expect(valid.length).toBeGreaterThan(0);
    expect(invalid.length).toBeGreaterThan(0);
  });

  it.each(fixtures.map(({ table, fixture }) => ({ name: `${table}/${fixture.file}`, table, fixture })))(
    "$name: both validators give the same verdict",
    async ({ name, table, fixture }) => {
      const { ajv, hyperjump } = await verdicts(fixture);
      const say = (verdict: boolean): string => (verdict ? "valid" : "invalid");
      expect(hyperjump, `${name} (${fixture.name}): ajv says ${say(ajv)}, hyperjump says ${say(hyperjump)}`).toBe(ajv);
      // Agreeing on the wrong answer would be no comfort: the verdict is the one the table promises.
      expect(ajv, `${name} sits in the ${table} table`).toBe(table === "valid");
    },
  );

  it("would name a fixture they disagree on: hyperjump without format assertion lets a non-UUID id through", async () => {
    const formatCases = invalid.filter((f) => f.file === "non-uuid-id" || f.file === "bad-date-time");
    expect(formatCases.map((f) => f.file).sort()).toEqual(["bad-date-time", "non-uuid-id"]);
    expect(await disagreements(formatCases)).toEqual([]);
    setShouldValidateFormat(false);
    try {
      expect((await disagreements(formatCases)).sort()).toEqual(["bad-date-time", "non-uuid-id"]);
    } finally {
      setShouldValidateFormat(true);
    }
  });
});
