import { describe, expect, it } from "vitest";
import { loadSpec } from "../../src/openapi/load-spec.ts";
import { responseSchemas } from "../../src/openapi/response-schemas.ts";
import { createSpecAjv } from "../../src/openapi/spec-ajv.ts";

const spec = loadSpec();
const ajv = createSpecAjv(spec);
const responses = responseSchemas(spec);

describe("the spec's named examples", () => {
  it("cover every declared response of every operation", () => {
    const withoutExamples = responses.filter((r) => Object.keys(r.examples).length === 0);
    expect(withoutExamples.map((r) => `${r.operationId} ${r.status}`)).toEqual([]);
  });

  it("include a completed, an in-progress and a deleted log, a page with next and a last page", () => {
    const names = responses.flatMap((r) => Object.keys(r.examples));
    expect(names).toEqual(
      expect.arrayContaining(["completed_log", "in_progress_log", "deleted_log", "first_page_with_next", "last_page"]),
    );
  });

  const cases = responses.flatMap((r) =>
    Object.entries(r.examples).map(([name, value]) => ({ label: `${r.operationId} ${r.status} ${name}`, r, value })),
  );
  it.each(cases)("$label validates against its own schema in strict mode", ({ r, value }) => {
    const validate = ajv.compile(r.schema);
    validate(value);
    expect(validate.errors ?? []).toEqual([]);
  });
});
