// The plan stage: the probes planned from the spec (plan-probes.ts) that serve a check that runs, sorted by when they
// can run: listings first; single requests, of which the sampled items wait for the listings; filtered listings,
// which wait for the values the listings show.
import { CHECKS } from "../../findings/checks.ts";
import { planProbes } from "../plan-probes.ts";
import type { Probe } from "../probe.ts";
import type { Tour } from "./tour.ts";

export type ProbeOf<K extends Probe["kind"]> = Extract<Probe, { kind: K }>;

export interface TourPlan {
  listings: ProbeOf<"page">[];
  filtered: ProbeOf<"filtered-page">[];
  /** Every other probe, in the plan's order: the order of their results in the report. */
  singles: Probe[];
}

export function planTour(tour: Tour): TourPlan {
  // A check judged from the whole run (coverage) sees what the other checks' probes get; selected alone, every probe.
  const wholeRun = (check: (typeof CHECKS)[number]) => check.judgedBy === "whole-run";
  const active = CHECKS.filter((check) => tour.active.has(check.name));
  const wholeRunOnly = active.length > 0 && active.every(wholeRun);
  const plan = planProbes({
    authProbe: tour.options.wrongCredentialsClient !== undefined,
    noCredentialsProbe: tour.noCredentials,
    pin: tour.pin,
  }).filter((probe) => wholeRunOnly || probe.serves.some((check) => tour.active.has(check)));
  for (const probe of plan) tour.report.plan(probe.kind, probe.operationId);
  return {
    listings: plan.filter((probe): probe is ProbeOf<"page"> => probe.kind === "page"),
    filtered: plan.filter((probe): probe is ProbeOf<"filtered-page"> => probe.kind === "filtered-page"),
    singles: plan.filter((probe) => probe.kind !== "page" && probe.kind !== "filtered-page"),
  };
}
