// The actions of a proposal, verified before it is written (verify-proposal.ts): while the whole fails, the first
// change whose actions make it fail (found by bisection over the changes in order) is refused, with the problem as its
// reason, and the actions are built again without it. A written proposal therefore always applies.
import type { OpenApiDocument } from "../openapi/openapi-document.ts";
import { type BuiltActions, buildActions } from "./build-actions.ts";
import type { Observations } from "./observations.ts";
import type { ObservedBody } from "./observed-bodies.ts";
import type { OverlayAction } from "./overlay-action.ts";
import { type Baseline, baselineOf, proposalProblem } from "./verify-proposal.ts";

/** The changes of a build in order: each key with the index just past its last action. */
function changesOf(actionKeys: readonly string[]): { key: string; end: number }[] {
  const changes: { key: string; end: number }[] = [];
  actionKeys.forEach((key, index) => {
    if (changes.at(-1)?.key === key) changes.at(-1)!.end = index + 1;
    else changes.push({ key, end: index + 1 });
  });
  return changes;
}

export function verifiedActions(
  spec: OpenApiDocument,
  observations: Observations,
  bodies: readonly ObservedBody[],
  render: (actions: OverlayAction[]) => string,
): BuiltActions {
  const excluded = new Map<string, string>();
  let baseline: Baseline | undefined;
  let originalFails: boolean | undefined;
  for (;;) {
    const built = buildActions(spec, observations, excluded);
    const changes = changesOf(built.actionKeys);
    if (changes.length === 0) return built;
    baseline ??= baselineOf(spec);
    /** The problem of the first `count` changes, the others counted as not proposed. */
    const problemOf = (count: number) => firstProblem(baseline!, built, changes, count, bodies, render);
    const problem = problemOf(changes.length);
    if (problem === undefined) return built;
    // The original itself fails as openapi-format writes it back: nothing a refusal mends.
    originalFails ??= problemOf(0) !== undefined;
    if (originalFails) return built;
    let passes = 0;
    let fails = changes.length;
    let failure = problem;
    while (fails - passes > 1) {
      const middle = Math.floor((passes + fails) / 2);
      const found = problemOf(middle);
      if (found === undefined) passes = middle;
      else [fails, failure] = [middle, found];
    }
    excluded.set(
      changes[fails - 1]!.key,
      `verified before writing, this change was taken out: applied as openapi-format applies it, ${failure}`,
    );
  }
}

function firstProblem(
  baseline: Baseline,
  built: BuiltActions,
  changes: readonly { key: string; end: number }[],
  count: number,
  bodies: readonly ObservedBody[],
  render: (actions: OverlayAction[]) => string,
): string | undefined {
  const actions = built.actions.slice(0, count === 0 ? 0 : changes[count - 1]!.end);
  const notProposed = new Set([...built.refusedKeys, ...changes.slice(count).map((change) => change.key)]);
  return proposalProblem(baseline, render(actions), actions, bodies, notProposed);
}
