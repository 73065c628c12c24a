// OperationId is defined once (the generated operation table); it names exactly what the other generated files key by.
import { describe, expectTypeOf, it } from "vitest";
import type { responseValidators } from "../../generated/validators.js";
import type { operations } from "../../generated/video-logs.d.ts";
import type { OperationId } from "../../src/index.ts";

describe("OperationId", () => {
  it("is every operationId of the generated types and of the generated validators, and nothing else", () => {
    expectTypeOf<OperationId>().toEqualTypeOf<keyof operations & string>();
    expectTypeOf<OperationId>().toEqualTypeOf<keyof typeof responseValidators>();
  });
});
