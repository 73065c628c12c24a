// A proposal applied as openapi-format 1.33.6 applies it (`openapi-format SPEC --overlayFile P --no-sort -o OUT.yaml`),
// and the patched spec read back as the next tool reads it. Decision: an applier for exactly the subset a proposal
// emits (update and remove on one-node dot and bracket paths), not openapi-format as a runtime dependency (five more
// packages, about 1.7 MB, remote-file fetching and console output we would have to contain); a test
// (test/propose/openapi-format-apply.test.ts) holds it to openapi-format's own output.
// What openapi-format does to the text is copied step for step (utils/file.js, utils/overlay.js): it quotes whatever
// follows `$ref:`, turns numbers of more than 15 digits into `"…==="` strings on reading and writes `…===` back as
// digits, copies values with `for…in` and assignment (so an own `__proto__` key becomes the copy's prototype), and
// merges an update into its target key by key.
import { type Document, isScalar, parse, parseDocument, stringify, visit } from "yaml";

/** utils/file.js addQuotesToRefInString. */
const quoteRefs = (text: string, quote = "'") => text.replace(/(\$ref:\s*)([^"'\s>]+)/g, `$1${quote}$2${quote}`);

/** utils/file.js encodeLargeNumberScalars: a number scalar of more than 15 digits (or one JS prints with `e`) becomes the string `…===`. */
function encodeLargeNumberScalars(doc: Document): void {
  visit(doc, {
    Pair(_key, pair) {
      const value = pair.value;
      if (!isScalar(value) || typeof value.value !== "number" || typeof value.source !== "string") return;
      const source = value.source;
      if (Number(source).toString().includes("e") || source.replace(/[^0-9]/g, "").length > 15) {
        value.value = `${source}===`;
        value.type = "QUOTE_DOUBLE";
      }
    },
  });
}

/**
 * utils/file.js decodeLargeNumbers for YAML output: `: 123…===` is written back as the digits. Its replacer's quote
 * stripping and length test never apply to what this pattern matches (no quote, always ending in `===`), nor do its
 * `\b(?!\.[0-9])` before `===`: left out.
 */
const decodeLargeNumbers = (text: string) => text.replace(/: ([0-9]+(\.[0-9]+)?)===/g, ": $1");

/** The overlay as openapi-format reads it from its YAML text (utils/file.js parseString), or why it cannot. */
export function readOverlayAsOpenapiFormat(text: string): { overlay?: Record<string, unknown>; error?: string } {
  const doc = parseDocument(quoteRefs(text));
  if (doc.errors.length > 0) return { error: doc.errors[0]!.message };
  encodeLargeNumberScalars(doc);
  const overlay = doc.toJS() as unknown;
  if (overlay === null || typeof overlay !== "object") return { error: "not a YAML mapping" };
  return { overlay: overlay as Record<string, unknown> };
}

/** utils/overlay.js cloneJsonLike, with its `for…in` and plain assignment. */
function cloneJsonLike(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cloneJsonLike);
  if (value && typeof value === "object") {
    const cloned: Record<string, unknown> = {};
    for (const key in value) cloned[key] = cloneJsonLike((value as Record<string, unknown>)[key]);
    return cloned;
  }
  return value;
}

/** An update openapi-format would merge into a prototype (it never does here: the merge refuses instead). */
export class PrototypeMergeError extends Error {}

/** utils/overlay.js deepMerge, but for the parameter-array rule no proposal needs and a merge into `__proto__`. */
function deepMerge(target: unknown, source: unknown): unknown {
  if (Array.isArray(target) && Array.isArray(source)) return [...target, ...source];
  if (Array.isArray(source)) return source.slice();
  if (typeof source !== "object" || source === null) return source;
  const merged = (typeof target !== "object" || target === null ? {} : target) as Record<string, unknown>;
  for (const key in source) {
    if (key === "__proto__") throw new PrototypeMergeError("openapi-format would merge into Object.prototype");
    merged[key] = deepMerge(merged[key], (source as Record<string, unknown>)[key]);
  }
  return merged;
}

/** `$.a['b c'].d` as its names; undefined for any other JSONPath (wildcards, filters, indices). */
export function simplePathTokens(target: string): string[] | undefined {
  const tokens: string[] = [];
  const step = /\.([A-Za-z_][A-Za-z0-9_]*)|\['((?:[^'\\]|\\.)*)'\]/y;
  step.lastIndex = 1;
  if (!target.startsWith("$")) return undefined;
  while (step.lastIndex < target.length) {
    const match = step.exec(target);
    if (!match) return undefined;
    tokens.push(match[1] ?? match[2]!.replace(/\\(.)/g, "$1"));
  }
  return tokens;
}

/** The node a path names, with its parent; undefined when any step is missing (openapi-format then skips the action). */
function resolve(
  root: unknown,
  tokens: readonly string[],
): { parent: Record<string, unknown>; key: string } | undefined {
  let node = root;
  for (const token of tokens.slice(0, -1)) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  const key = tokens.at(-1);
  if (key === undefined || node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return undefined;
  return { parent: node as Record<string, unknown>, key };
}

export interface AppliedActions {
  doc: Record<string, unknown>;
  /** The index of each action openapi-format would leave unused (its target names nothing) or could not apply. */
  unused: number[];
}

/** utils/overlay.js openapiOverlay for Overlay 1.0.x update and remove actions, on a copy of `spec`. */
export function applyAsOpenapiFormat(spec: unknown, overlay: Record<string, unknown>): AppliedActions {
  const doc = structuredClone(spec) as Record<string, unknown>;
  const unused: number[] = [];
  const actions = Array.isArray(overlay.actions) ? (overlay.actions as Record<string, unknown>[]) : [];
  for (const [index, action] of actions.entries()) {
    const tokens = typeof action?.target === "string" ? simplePathTokens(action.target) : undefined;
    const node = tokens ? resolve(doc, tokens) : undefined;
    if (!node) {
      unused.push(index);
      continue;
    }
    if (action.remove === true) delete node.parent[node.key];
    else if (Object.hasOwn(action, "update"))
      node.parent[node.key] = deepMerge(node.parent[node.key], cloneJsonLike(action.update));
  }
  return { doc, unused };
}

/** The patched spec as openapi-format writes it to a `.yaml` file (utils/file.js stringify, no comments kept). */
export function writeAsOpenapiFormat(doc: unknown, quote: "'" | '"' = "'"): string {
  const text = stringify(doc, { lineWidth: 0, singleQuote: quote === "'" });
  return decodeLargeNumbers(quoteRefs(text, quote));
}

/** How a YAML 1.2 reader (`yaml`) and a YAML 1.1 reader (js-yaml, Redocly: merge keys, `0b`, `1_000`, yes/no…) read a text. */
export function readBothWays(text: string): { yaml12: unknown; yaml11: unknown } {
  return { yaml12: parse(text), yaml11: parse(text, { version: "1.1", merge: true, uniqueKeys: false }) };
}
