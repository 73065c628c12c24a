// The module groups that mutation testing covers, each scored on its own (scripts/mutation-score.ts): Stryker mutates
// their union (stryker.config.mjs). Globs are relative to the repository's root.
export const MUTATION_GROUPS = {
  validation: ["src/validation/**/*.ts"],
  redaction: ["src/redaction/**/*.ts"],
  "check judging": [
    "src/check/tour/judge-page.ts",
    "src/check/judge-conformance.ts",
    "src/check/compare-listed-item.ts",
    "src/check/listing-filters.ts",
    "src/check/filter-values.ts",
    "src/check/baseline*.ts",
  ],
  findings: ["src/findings/**/*.ts"],
  "proposal verification": [
    "src/propose/verify-proposal.ts",
    "src/propose/verified-actions.ts",
    "src/propose/openapi-format-apply.ts",
  ],
};

/** A matcher for the groups' globs: `**` for any folders, `*` for part of a name. */
export function globMatcher(glob) {
  const pattern = glob
    .split(/(\*\*\/|\*)/)
    .map((part) =>
      part === "**/" ? "(?:[^/]+/)*" : part === "*" ? "[^/]*" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"),
    )
    .join("");
  const regex = new RegExp(`^${pattern}$`);
  return (path) => regex.test(path);
}
