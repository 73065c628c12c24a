// A base URL given as the API root (`http://127.0.0.1:8088/api`) while the spec's paths start with `/api/video/…`:
// the path segments the two share are sent once, not twice (`/api/video/logs`, never `/api/api/video/logs`).
import { allOperations } from "../operations/operation-table.ts";

/** The literal leading path segments every operation of the spec shares: `["api", "video"]` for ours. */
function sharedLeadingSegments(paths: readonly string[]): string[] {
  const split = paths.map((path) => path.split("/").slice(1));
  const shared: string[] = [];
  for (const [i, segment] of (split[0] ?? []).entries()) {
    if (segment.includes("{") || !split.every((segments) => segments[i] === segment && i < segments.length - 1)) break;
    shared.push(segment);
  }
  return shared;
}

/**
 * The base URL requests are made under: the given one without a trailing slash, less the longest end of its path
 * that is a start of every operation's path. Any other path is a prefix (a proxy's) and stays whole.
 */
export function apiRoot(
  base: URL,
  paths: readonly string[] = allOperations().map((operation) => operation.path),
): string {
  // Segments as written: "" is the root, and an empty segment inside a path stays.
  const segments = base.pathname.replace(/\/+$/, "").split("/").slice(1);
  const shared = sharedLeadingSegments(paths);
  let overlap = Math.min(shared.length, segments.length);
  while (overlap > 0 && !segments.slice(segments.length - overlap).every((segment, i) => segment === shared[i]))
    overlap--;
  return `${base.origin}${segments
    .slice(0, segments.length - overlap)
    .map((segment) => `/${segment}`)
    .join("")
    .replace(/\/+$/, "")}`;
}
