// Where a node of the spec is written: a JSON pointer into the document mapped to the line and column of its key, from
// the positions the `yaml` package keeps in its document model (JSON is YAML too). The walk follows a local `$ref`
// wherever the pointer goes on beyond a node that holds one, so a pointer through a reference lands where the node is
// declared. Shared by the check's and the diff's SARIF and GitLab reports.
import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { escapeToken, pointerTokens } from "../openapi/json-pointer.ts";

/** A place in the spec file: 1-based line and column. */
export interface SpecPosition {
  line: number;
  column: number;
}

/** The node a pointer reached: where it is declared (through `$ref`s), and whether the whole pointer was found. */
export interface LocatedNode {
  /** The pointer of the node reached, as written in the document (a `$ref`'s target, not the reference). */
  pointer: string;
  position: SpecPosition;
  /** False when the pointer goes beyond the document: the deepest node on its way was reached instead. */
  exact: boolean;
}

/** `$ref`s followed on the way to one node at most: a longer chain is a cycle. */
const MAX_REFS = 64;

interface Step {
  node: unknown;
  pointer: string;
  /** The offset of what the step reached: a key, an item, the document's start. */
  offset: number;
}

export class SpecPositions {
  readonly #document;
  readonly #lines = new LineCounter();

  /** Parses the spec's text (YAML or JSON) keeping each node's source range; an error in it stops nothing here. */
  constructor(text: string) {
    this.#document = parseDocument(text, { lineCounter: this.#lines, logLevel: "silent", uniqueKeys: false });
  }

  /** The document as plain data, for reading a node's value beside its position. */
  toJs(): unknown {
    return this.#document.toJS({ maxAliasCount: -1 });
  }

  /** The node `pointer` names, following `$ref`s on the way; the deepest node reached when it names none. */
  locate(pointer: string): LocatedNode {
    const { step, exact } = this.#walk(pointer, 0);
    const { line, col } = this.#lines.linePos(step.offset);
    return { pointer: step.pointer, position: { line, column: col }, exact };
  }

  /** Walks the pointer's tokens from the root; `refs` counts the `$ref`s followed so far, bounded by MAX_REFS. */
  #walk(pointer: string, refs: number): { step: Step; exact: boolean } {
    const contents = this.#document.contents;
    let step: Step = { node: contents, pointer: "", offset: rangeStart(contents) };
    for (const token of pointerTokens(pointer)) {
      const next = this.#child(step, token) ?? this.#childThroughRef(step, token, refs);
      if (next === undefined) return { step, exact: false };
      step = next;
    }
    return { step, exact: true };
  }

  /** The child `token` names of the node the step's `$ref` names (the child's own position: where it is declared). */
  #childThroughRef(step: Step, token: string, refs: number): Step | undefined {
    const target = this.#refTarget(step.node);
    if (target === undefined || refs >= MAX_REFS) return undefined;
    const declared = this.#walk(target, refs + 1);
    if (!declared.exact) return undefined;
    return this.#child(declared.step, token) ?? this.#childThroughRef(declared.step, token, refs + 1);
  }

  /** The child `token` names of a mapping (by key) or a sequence (by index), or undefined. */
  #child(step: Step, token: string): Step | undefined {
    const node = this.#resolved(step.node);
    const pointer = `${step.pointer}/${escapeToken(token)}`;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === token);
      if (pair === undefined) return undefined;
      return { node: pair.value, pointer, offset: rangeStart(pair.key as Node) };
    }
    if (isSeq(node) && /^(?:0|[1-9]\d*)$/.test(token)) {
      const item = node.items[Number(token)];
      return item === undefined ? undefined : { node: item, pointer, offset: rangeStart(item as Node) };
    }
    return undefined;
  }

  /** The pointer a node's local `$ref` names, or undefined when it holds none. */
  #refTarget(node: unknown): string | undefined {
    const resolved = this.#resolved(node);
    if (!isMap(resolved)) return undefined;
    const ref = resolved.items.find((item) => isScalar(item.key) && item.key.value === "$ref")?.value;
    if (!isScalar(ref) || typeof ref.value !== "string" || !ref.value.startsWith("#")) return undefined;
    return ref.value.slice(1);
  }

  /** An alias (`*name`) stands for the node its anchor names. */
  #resolved(node: unknown): unknown {
    return isAlias(node) ? node.resolve(this.#document) : node;
  }
}

/** Where a node starts in the text; 0 for a node without a range (an empty document). */
function rangeStart(node: unknown): number {
  return (node as Node | null)?.range?.[0] ?? 0;
}
