// The check command's selection flags: --checks a,b and --skip-checks a,b name checks of CHECKS; --rate N/s.
import { CHECK_NAMES, type CheckName, isCheckName } from "../findings/checks.ts";
import { UsageError } from "./usage-error.ts";

/** A comma-separated list of check names; every name must be one `--list-checks` prints. */
export function checkListFlag(flag: string, value: string | undefined): CheckName[] | undefined {
  if (value === undefined) return undefined;
  const names = value
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  const unknown = names.filter((name) => !isCheckName(name));
  if (names.length === 0 || unknown.length > 0) {
    const shown = unknown.length > 0 ? `unknown check ${JSON.stringify(unknown[0]!.slice(0, 40))}` : "no check named";
    throw new UsageError(`--${flag}: ${shown}; expected a comma-separated list of: ${CHECK_NAMES.join(", ")}`);
  }
  return names as CheckName[];
}

/** `--rate N/s` (or just N): request starts per second, from 0.01 to 1000. */
export function rateFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)(?:\/s)?$/.exec(value.trim());
  const rate = match ? Number(match[1]) : Number.NaN;
  if (!(rate >= 0.01 && rate <= 1000))
    throw new UsageError("--rate: expected requests per second, such as 5/s or 0.5/s (from 0.01 to 1000)");
  return rate;
}
