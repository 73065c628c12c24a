// Where a run writes its reports: the user's FORMAT=FILE entries, and the action's own json and markdown (and sarif)
// in the runner's temporary directory unless the user named a file for that format.
import { mkdirSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";

/** Format → file. The user's entry for a format wins over the action's own. */
export function reportPaths(userReports: string[], own: string[], dir: string): Record<string, string> {
  const paths: Record<string, string> = {};
  for (const format of own) paths[format] = join(dir, `video-logs.${format === "markdown" ? "md" : format}`);
  for (const entry of userReports) {
    const at = entry.indexOf("=");
    paths[entry.slice(0, at)] = entry.slice(at + 1);
  }
  return paths;
}

/** `--report FORMAT=FILE` for each. */
export function reportFlags(paths: Record<string, string>): string[] {
  return Object.entries(paths).flatMap(([format, file]) => ["--report", `${format}=${file}`]);
}

/** Creates the folder of each report (`reports: junit=reports/drift.xml` needs `reports/`), relative to `workspace`. */
export function makeReportFolders(workspace: string, paths: Record<string, string>): void {
  for (const file of Object.values(paths))
    mkdirSync(dirname(isAbsolute(file) ? file : join(workspace, file)), { recursive: true });
}
