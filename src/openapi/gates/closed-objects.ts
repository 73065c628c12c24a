// The gate of closed objects: every object schema says `additionalProperties: false` (or `unevaluatedProperties:
// false`), so that a field the spec does not describe shows up as drift instead of passing unseen.
import type { DocumentGate } from "./document-gate.ts";
import { located } from "./document-gate.ts";
import { schemaNodes } from "./schema-nodes.ts";

const admitsObject = (type: unknown): boolean => type === "object" || (Array.isArray(type) && type.includes("object"));

export const CLOSED_OBJECTS_GATE: DocumentGate = {
  name: "closed-objects",
  reason: "has an open object schema (the toolkit's specs close every object, so that an unknown field shows as drift)",
  problems(doc) {
    return schemaNodes(doc)
      .filter(
        ({ node }) =>
          admitsObject(node.type) && node.additionalProperties !== false && node.unevaluatedProperties !== false,
      )
      .map(({ pointer }) => ({
        pointer: located(pointer),
        message: "is an object schema without additionalProperties: false",
      }));
  },
};
