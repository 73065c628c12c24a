// A copy of a JSON-like value with a function applied to its strings. Copies are built with own-property
// definitions: a property named `__proto__` (which JSON.parse makes an own property) stays one, never a prototype.

/** Sets `name` as an own data property, whatever the name (`__proto__` included). */
export function defineOwn(target: object, name: string | number, value: unknown): void {
  // Only `__proto__` is an accessor on Object.prototype: any other name is assigned as an own property, and faster.
  if (name === "__proto__")
    Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
  else (target as Record<string | number, unknown>)[name] = value;
}

/**
 * Returns a copy of `input` (strings, arrays, plain objects; anything else is kept as it is) with `map` applied to
 * every string value, to every property name when `names` is set, and `numbers` to every number when given. Iterative,
 * so any depth is safe.
 */
export function mapStrings<T>(
  input: T,
  map: (text: string) => string,
  { names, numbers }: { names: boolean; numbers?: (value: number) => unknown },
): T {
  const root = { v: input as unknown };
  const stack: [object, string | number][] = [[root, "v"]];
  while (stack.length > 0) {
    const [parent, key] = stack.pop()!;
    const current = (parent as Record<string | number, unknown>)[key];
    if (typeof current === "string") {
      defineOwn(parent, key, map(current));
    } else if (typeof current === "number" && numbers) {
      defineOwn(parent, key, numbers(current));
    } else if (Array.isArray(current)) {
      const copy = current.slice();
      defineOwn(parent, key, copy);
      for (let i = 0; i < copy.length; i++) stack.push([copy, i]);
    } else if (current !== null && typeof current === "object" && Object.getPrototypeOf(current) === Object.prototype) {
      const copy = {};
      for (const [name, item] of Object.entries(current)) {
        const copied = names ? map(name) : name;
        defineOwn(copy, copied, item);
        stack.push([copy, copied]);
      }
      defineOwn(parent, key, copy);
    }
  }
  return root.v as T;
}
