// Which listed ids the tour fetches one by one.
import { isUuidText } from "../../client/uuid-text.ts";

/**
 * Up to `count` distinct ids spread over the listed ones (so that items of every kind are likely among them); with a
 * uuid format, only UUID text (any other id is already reported as a violation of its page).
 */
export function sampleIds(ids: string[], schema: unknown, count: number): string[] {
  const uuid = (schema as { format?: unknown } | undefined)?.format === "uuid";
  const usable = ids.filter((id) => id !== "" && (!uuid || isUuidText(id)));
  if (count <= 0) return [];
  if (usable.length <= count) return usable;
  const step = usable.length / count;
  return Array.from({ length: count }, (_, index) => usable[Math.floor(index * step)]!);
}
