// The JSON bodies a proposal is made from, kept for its verification: each distinct body once, by operation and
// status. Within bounds: past them, the largest are let go (by length, then code-unit order), so which ones are kept
// does not depend on the order they came in.
import { jsonText } from "../validation/json-value.ts";
import type { ObservedIn } from "./observation.ts";

/** Distinct bodies kept at most, and their JSON's total characters. */
export const BODY_BOUNDS = { count: 10_000, characters: 64 * 1024 * 1024 } as const;

export interface ObservedBody {
  operationId: string;
  status: number;
  body: unknown;
  observed: ObservedIn;
}

const larger = (a: string, b: string) => a.length > b.length || (a.length === b.length && a > b);

export class ObservedBodies {
  private readonly kept = new Map<string, ObservedBody>();
  private characters = 0;
  /** How many distinct bodies were let go past the bounds. */
  dropped = 0;

  add(operationId: string, status: number, body: unknown, observed: ObservedIn): void {
    const key = `${operationId} ${status} ${jsonText(body)}`;
    if (this.kept.has(key)) return;
    this.kept.set(key, { operationId, status, body, observed });
    this.characters += key.length;
    while (this.kept.size > BODY_BOUNDS.count || this.characters > BODY_BOUNDS.characters) this.dropLargest();
  }

  private dropLargest(): void {
    let largest: string | undefined;
    for (const key of this.kept.keys()) if (largest === undefined || larger(key, largest)) largest = key;
    this.kept.delete(largest!);
    this.characters -= largest!.length;
    this.dropped++;
  }

  /** The bodies kept, in code-unit order of their key. */
  list(): ObservedBody[] {
    return [...this.kept.keys()].sort().map((key) => this.kept.get(key)!);
  }
}
