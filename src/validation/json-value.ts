// Equality and text of an untrusted JSON value (what JSON.parse returns), with an explicit stack: a value nested a
// hundred thousand levels deep is compared and written like a flat one, where util.isDeepStrictEqual and
// JSON.stringify would overflow the call stack.

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container => value !== null && typeof value === "object";

/**
 * Whether two JSON values are equal as util.isDeepStrictEqual says: primitives by Object.is (so 0 and -0 differ),
 * arrays item by item, objects by their own enumerable keys in any order, and a plain object never equals an array.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  const pending: [unknown, unknown][] = [[a, b]];
  while (pending.length > 0) {
    const [left, right] = pending.pop()!;
    if (Object.is(left, right)) continue;
    if (!isContainer(left) || !isContainer(right)) return false;
    // An array's prototype is never an object's: this also tells an array from a plain object.
    if (Object.getPrototypeOf(left) !== Object.getPrototypeOf(right)) return false;
    const keys = Object.keys(left);
    if (keys.length !== Object.keys(right).length) return false;
    for (const key of keys) {
      if (!Object.hasOwn(right, key)) return false;
      pending.push([(left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key]]);
    }
  }
  return true;
}

/** A container being written: its keys (undefined for an array) and the index of the next entry. */
interface Open {
  node: Container;
  keys: string[] | undefined;
  next: number;
}

/**
 * The text JSON.stringify gives a JSON value, at any depth: undefined for undefined; an object's entries whose value
 * is undefined left out, an array's written `null`, as JSON.stringify does.
 */
export function jsonText(value: unknown): string | undefined {
  if (!isContainer(value)) return JSON.stringify(value);
  const parts: string[] = [];
  const stack: Open[] = [];
  const open = (node: Container) => {
    const keys = Array.isArray(node) ? undefined : Object.keys(node).filter((key) => writable(node[key]));
    parts.push(keys ? "{" : "[");
    stack.push({ node, keys, next: 0 });
  };
  const write = (item: unknown) => {
    if (isContainer(item)) open(item);
    else parts.push(writable(item) ? JSON.stringify(item) : "null");
  };
  open(value);
  while (stack.length > 0) {
    const top = stack.at(-1)!;
    const { node, keys } = top;
    if (top.next === (keys ?? (node as unknown[])).length) {
      parts.push(keys ? "}" : "]");
      stack.pop();
      continue;
    }
    const index = top.next++;
    if (index > 0) parts.push(",");
    if (!keys) {
      write((node as unknown[])[index]);
      continue;
    }
    parts.push(`${JSON.stringify(keys[index])}:`);
    write((node as Record<string, unknown>)[keys[index]!]);
  }
  return parts.join("");
}

/** Whether JSON.stringify writes a value inside a container (undefined, functions and symbols it does not). */
const writable = (value: unknown) => value !== undefined && typeof value !== "function" && typeof value !== "symbol";
