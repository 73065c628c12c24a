// The two kinds of Overlay 1.0.0 action a proposal uses: every Overlay tool applies them alike.

/** Merges `update` into the one node `target` names (objects merge; a merged array would be appended to). */
export interface UpdateAction {
  target: string;
  description: string;
  update: Record<string, unknown>;
}

/** Removes the one node `target` names. */
export interface RemoveAction {
  target: string;
  description: string;
  remove: true;
}

export type OverlayAction = UpdateAction | RemoveAction;

/** A finding the proposal cannot turn into a spec change, with its evidence. */
export interface NotProposed {
  /** The responses it was seen in (`get_log 200`), or where in the spec it would go. */
  where: string;
  reason: string;
  observations: number;
  requests: string[];
}
