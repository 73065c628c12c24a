import { registerSchema, setShouldValidateFormat, validate } from "@hyperjump/json-schema/openapi-3-0";
import "@hyperjump/json-schema/formats";
import { beforeAll, describe, expect, it } from "vitest";
import { escapeToken, resolvePointer } from "../../src/openapi/json-pointer.ts";
import { loadSpec } from "../../src/openapi/load-spec.ts";
import type { OpenApiDocument } from "../../src/openapi/openapi-document.ts";
import { responseSchemas } from "../../src/openapi/response-schemas.ts";
import { walkOperations } from "../../src/openapi/walk-operations.ts";
import { sharedBundle } from "../helpers/shared-bundle.ts";

// The 3.0 file is judged by an OpenAPI-3.0-aware validator (hyperjump's 3.0 dialect: draft-04 plus `nullable`,
// `example`, `discriminator`…), not by converting it back to 3.1 with our own code.
const DOC_URI = "https://signalwire-video-logs.invalid/bundle/video-logs.openapi-3.0.json";

interface ExampleCase {
  label: string;
  /** JSON pointer of the schema the example belongs to. */
  schemaPointer: string;
  value: unknown;
}

type Validator = (value: unknown) => { valid: boolean };

/** Every JSON body example (named or single) of every operation, from the shared walker, and every schema `example`. */
function collectExamples(doc: OpenApiDocument): ExampleCase[] {
  const cases: ExampleCase[] = [];
  for (const operation of walkOperations(doc)) {
    for (const { status, json } of operation.responses) {
      if (!json) continue;
      const label = `${operation.operationId} ${status}`;
      const { schemaPointer } = json;
      if ("example" in json) cases.push({ label: `${label} example`, schemaPointer, value: json.example });
      for (const [name, value] of Object.entries(json.examples))
        cases.push({ label: `${label} ${name}`, schemaPointer, value });
    }
  }
  for (const [name, schema] of Object.entries<any>(doc.components?.schemas ?? {})) {
    if ("example" in schema) {
      cases.push({
        label: `schema ${name}`,
        schemaPointer: `/components/schemas/${escapeToken(name)}`,
        value: schema.example,
      });
    }
  }
  return cases;
}

let doc30: OpenApiDocument;
let cases: ExampleCase[];
const validators = new Map<string, Validator>();

async function validatorFor(pointer: string): Promise<Validator> {
  let found = validators.get(pointer);
  if (!found) {
    const fragment = pointer.split("/").map(encodeURIComponent).join("/");
    found = (await validate(`${DOC_URI}#${fragment}`)) as Validator;
    validators.set(pointer, found);
  }
  return found;
}

beforeAll(async () => {
  ({ doc30 } = await sharedBundle());
  registerSchema(doc30 as never, DOC_URI, "https://spec.openapis.org/oas/3.0/schema");
  cases = collectExamples(doc30);
  // hyperjump checks the document against the 3.0 meta-schema when it compiles a validator; that meta-schema uses
  // `uri-reference`, which draft-04's format list lacks, so formats stay off while compiling and are turned on to
  // judge instances (date-time and date are then asserted; `uuid` is not a 3.0 format and stays unchecked).
  setShouldValidateFormat(false);
  for (const { schemaPointer } of cases) await validatorFor(schemaPointer);
  for (const name of ["Log", "LogStatus", "VideoLog", "ListLogsPage"])
    await validatorFor(`/components/schemas/${name}`);
  setShouldValidateFormat(true);
}, 30_000);

const schemaCheck = (pointer: string): Validator => {
  const found = validators.get(pointer);
  if (!found) throw new Error(`no validator compiled for ${pointer}`);
  return found;
};

describe("examples of the 3.0 file", () => {
  it("are all found: the named examples of both operations and of every error response", () => {
    const labels = cases.map((c) => c.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        "list_logs 200 only_page",
        "list_logs 200 first_page_with_next",
        "list_logs 200 empty_page",
        "get_log 200 in_progress_log",
        "get_log 200 deleted_log",
        "get_log 404 not_found",
        "list_logs 422 invalid_parameter",
      ]),
    );
    // As many as the 3.1 source declares, counted by the repo's own reader of the spec.
    const declared = responseSchemas(loadSpec()).reduce((n, r) => n + Object.keys(r.examples).length, 0);
    expect(cases.length).toBe(declared);
  });

  it("each validate against their 3.0-style schema", () => {
    const failures = cases.filter((c) => !schemaCheck(c.schemaPointer)(c.value).valid).map((c) => c.label);
    expect(failures).toEqual([]);
  });

  it("are judged by a validator that reads 3.0's nullable, enum, closed objects and date-time the way the 3.1 spec means them", () => {
    const log = structuredClone(
      (resolvePointer(doc30, "#/components/examples/in_progress_log") as { value: Record<string, unknown> }).value,
    );
    const checkLog = schemaCheck("/components/schemas/Log");
    const checkStatus = schemaCheck("/components/schemas/LogStatus");
    expect(checkLog(log).valid).toBe(true);
    // nullable: null is accepted where the 3.1 spec lists "null" and refused elsewhere.
    expect(checkStatus(null).valid).toBe(true);
    expect(checkLog({ ...log, ended_at: null, room_name: null }).valid).toBe(true);
    expect(checkLog({ ...log, locked: null }).valid).toBe(false);
    // enum, type, closed object, required, date-time.
    expect(checkStatus("cancelled").valid).toBe(false);
    expect(checkLog({ ...log, room_name: 5 }).valid).toBe(false);
    expect(checkLog({ ...log, surprise: true }).valid).toBe(false);
    const { charge: _charge, ...withoutCharge } = log;
    expect(checkLog(withoutCharge).valid).toBe(false);
    expect(checkLog({ ...log, created_at: "yesterday" }).valid).toBe(false);
  });
});
