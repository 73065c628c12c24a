// Spec-valid bodies for client tests, built from the spec's own named examples.

import { resolvePointer } from "../../src/openapi/json-pointer.ts";
import { loadSpec } from "../../src/openapi/load-spec.ts";
import type { DiscardedLog, ListLogsPage, Log } from "../../src/types.ts";

const spec = loadSpec();
const example = <T>(name: string): T =>
  structuredClone((resolvePointer(spec, `#/components/examples/${name}`) as { value: T }).value);

export const completedLog = example<Log>("completed_log");
export const inProgressLog = example<Log>("in_progress_log");
export const deletedLog = example<DiscardedLog>("deleted_log");

/** A page of `count` distinct logs with the given links. */
export function pageOf(count: number, links: ListLogsPage["links"], offset = 0): ListLogsPage {
  const data = Array.from({ length: count }, (_, i) => ({
    ...completedLog,
    id: `00000000-0000-4000-8000-${String(offset + i).padStart(12, "0")}`,
  }));
  return { links, data };
}

export const VALID_ID = completedLog.id;
export const PROJECT_ID = "5f1c0a2e-3b4d-4e6f-8a9b-0c1d2e3f4a5b";
export const API_TOKEN = "PTsecret-token-c0ffee-do-not-leak";
