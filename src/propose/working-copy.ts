// The spec as the actions built so far leave it: each action is applied here as it is made, so that a later action
// (a union made of a schema's keywords) starts from the earlier ones' result, as an Overlay tool will apply them.

import { pointerTokens, valueAtPointer } from "../openapi/json-pointer.ts";
import type { OpenApiDocument } from "../openapi/openapi-document.ts";
import { childPointer } from "./json-path.ts";

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** Objects merge key by key; anything else replaces. The actions never merge into a list (they remove it first). */
function merge(target: unknown, update: unknown): unknown {
  if (!isObject(target) || !isObject(update)) return structuredClone(update);
  const merged: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(update))
    merged[key] = Object.hasOwn(target, key) ? merge(target[key], value) : structuredClone(value);
  return merged;
}

export class WorkingCopy {
  private readonly doc: OpenApiDocument;

  constructor(spec: OpenApiDocument) {
    this.doc = structuredClone(spec);
  }

  /** The node a pointer names now. */
  at(pointer: string): Record<string, unknown> {
    return valueAtPointer(this.doc, pointer) as Record<string, unknown>;
  }

  remove(pointer: string): void {
    const tokens = pointerTokens(pointer);
    delete this.at(childPointer("", ...tokens.slice(0, -1)))[tokens.at(-1)!];
  }

  /** Merges into the node a pointer names (never the root: every target is inside the document). */
  update(pointer: string, update: Record<string, unknown>): void {
    const tokens = pointerTokens(pointer);
    const parent = this.at(childPointer("", ...tokens.slice(0, -1)));
    parent[tokens.at(-1)!] = merge(parent[tokens.at(-1)!], update);
  }
}
