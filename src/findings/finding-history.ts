// A finding's place in the drift history (`check --history FILE`): whether it is new, back, still there or flapping,
// since when, and in how many of the runs kept.

/**
 * `new`: first seen in this run; `recurring`: seen in the previous run that observed it; `regressed`: seen before,
 * absent from the previous run that observed it, back now; `flapping`: appeared and disappeared at least twice in the
 * last FLAP_WINDOW runs (it wins over `regressed` and `recurring`).
 */
export const FINDING_STATES = ["new", "recurring", "regressed", "flapping"] as const;
export type FindingState = (typeof FINDING_STATES)[number];

/** What the history says of a finding of this run. */
export interface FindingHistory {
  state: FindingState;
  /** When the run that first saw it started (kept when old runs are pruned). */
  firstSeen: string;
  /** The runs kept, this one included, that saw it. */
  runsSeen: number;
  /** The runs kept, this one included. */
  runsKept: number;
}
