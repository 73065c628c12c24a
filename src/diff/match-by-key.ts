// Pairs the entries of two documents that share a key (a parameter, a response status): each of ours, in its order,
// with its counterpart or none, then theirs that have none.
export interface KeyedMatch<T> {
  /** Each of ours, with the entry of theirs under the same key when there is one. */
  ours: Array<[T, T | undefined]>;
  /** Theirs under a key ours does not have. */
  added: T[];
}

export function matchByKey<T extends { key: string }>(ours: Iterable<T>, theirs: Iterable<T>): KeyedMatch<T> {
  const unmatched = new Map([...theirs].map((entry) => [entry.key, entry]));
  const paired: Array<[T, T | undefined]> = [];
  for (const entry of ours) {
    paired.push([entry, unmatched.get(entry.key)]);
    unmatched.delete(entry.key);
  }
  return { ours: paired, added: [...unmatched.values()] };
}
