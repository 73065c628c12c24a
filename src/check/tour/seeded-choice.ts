// Every random choice of a tour comes from its seed (`seed`, `--seed`), so that two tours with the same seed, pin and
// answers send the same requests. Each choice is derived from the seed and what it is for, never from the order in
// which the choices are made: concurrency cannot change them.
import { createHash, randomInt } from "node:crypto";
import { SEED_RANGE } from "../tour-defaults.ts";

/** A seed for a tour not given one: random, and reported so that the tour can be run again. */
export function randomSeed(): number {
  return randomInt(SEED_RANGE.min, SEED_RANGE.max + 1);
}

/** A version 4 UUID drawn from the seed for `purpose` (`get_log unknown-item`): the same for the same two. */
export function seededUuid(seed: number, purpose: string): string {
  const bytes = createHash("sha256").update(`${seed}\0${purpose}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
