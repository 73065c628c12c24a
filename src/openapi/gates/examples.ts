// The gate of examples: every example of a JSON response (named, or the single `example`) validates against its own
// schema in strict mode. Prism serves them as the mock's answers, and a check of the mock judges them by that schema.
import type { SpecProblem } from "../../errors/spec-document-error.ts";
import { rewriteSchemaRefs } from "../components-schema.ts";
import { valueAtPointer } from "../json-pointer.ts";
import type { OpenApiDocument } from "../openapi-document.ts";
import { followRefs } from "../resolve-ref.ts";
import { createSpecAjv } from "../spec-ajv.ts";
import { walkOperations } from "../walk-operations.ts";
import { ajvErrorText } from "./ajv-error-text.ts";
import { childOf, type DocumentGate, located } from "./document-gate.ts";

interface Example {
  /** Where the example's value is written. */
  pointer: string;
  value: unknown;
  /** How a message names it: `example "completed_log" of get_log 200`. */
  label: string;
}

/** The examples of one JSON body: each named one (after its `$ref`) and the media type's single `example`. */
function examplesOf(doc: OpenApiDocument, mediaPointer: string, named: string, single: boolean): Example[] {
  const media = valueAtPointer(doc, mediaPointer) as { examples?: Record<string, unknown>; example?: unknown };
  const out: Example[] = Object.entries(media.examples ?? {}).map(([name, raw]) => {
    const example = followRefs<{ value?: unknown }>(doc, raw, childOf(mediaPointer, "examples", name));
    return {
      pointer: childOf(example.pointer, "value"),
      value: example.value?.value,
      label: `example "${name}" of ${named}`,
    };
  });
  if (single)
    out.push({ pointer: childOf(mediaPointer, "example"), value: media.example, label: `the example of ${named}` });
  return out;
}

export const EXAMPLES_GATE: DocumentGate = {
  name: "examples",
  reason: "has an example that does not validate against its own schema",
  problems(doc) {
    const ajv = createSpecAjv(doc, { detailed: false });
    const problems: SpecProblem[] = [];
    for (const operation of walkOperations(doc)) {
      for (const { status, json } of operation.responses) {
        if (!json) continue;
        const validate = ajv.compile(rewriteSchemaRefs((json.schema ?? {}) as object));
        const mediaPointer = json.schemaPointer.slice(0, -"/schema".length);
        const named = `${operation.operationId} ${status}`;
        for (const example of examplesOf(doc, mediaPointer, named, "example" in json)) {
          if (validate(example.value)) continue;
          const errors = validate.errors ?? [];
          const at = errors[0]!.instancePath;
          problems.push({
            pointer: located(example.pointer + at),
            message: `${example.label} ${ajvErrorText(errors, valueAtPointer(example.value, at))}`,
          });
        }
      }
    }
    return problems;
  },
};
