// Which selected checks a target can run: derived from each check's needs in the checks table, so a new check says
// once what it needs and every runner skips it where it cannot run, with why.
import { CHECKS, type CheckName, type CheckNeeds } from "../findings/checks.ts";

/** What the checks run against, as far as their needs go. */
export type CheckedTarget = "server" | "static-mock" | "recording" | "proxy";

const LIMITS: Record<Exclude<CheckedTarget, "server">, { lacks: keyof CheckNeeds; reason: string }> = {
  "static-mock": {
    lacks: "honouredParameters",
    reason:
      "a static mock answers with its examples: it cannot honour parameters, keep data consistent or reject invalid values",
  },
  recording: {
    lacks: "plannedRequests",
    reason: "a recording holds only the requests someone made, not the ones this check plans",
  },
  proxy: {
    lacks: "plannedRequests",
    reason: "a proxy sees only the requests the application makes, not the ones this check plans",
  },
};

/** The selected checks split into those the target can run and those it cannot (each with why), in table order. */
export function runnableChecks(
  selected: readonly CheckName[],
  target: CheckedTarget,
): { active: Set<CheckName>; skipped: { check: CheckName; reason: string }[] } {
  if (target === "server") return { active: new Set(selected), skipped: [] };
  const { lacks, reason } = LIMITS[target];
  const cannot = CHECKS.filter((check) => check.needs[lacks] && selected.includes(check.name)).map(
    (check) => check.name,
  );
  return {
    active: new Set(selected.filter((name) => !cannot.includes(name))),
    skipped: cannot.map((check) => ({ check, reason })),
  };
}
