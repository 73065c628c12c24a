// The key of each change a proposal can make, the same whether it is read off the observations or off the actions
// built from them: verification refuses a change by its key, and an observed body is excused from validating only by
// the keys of changes that were not proposed.
import type { Observations } from "./observations.ts";

export const statusKey = (responsesPointer: string, status: string) => `status\u0000${responsesPointer}\u0000${status}`;
export const propertyKey = (pointer: string, name: string) => `property\u0000${pointer}\u0000${name}`;
export const requiredKey = (pointer: string) => `required\u0000${pointer}`;
export const typeKey = (pointer: string) => `type\u0000${pointer}`;
export const enumKey = (pointer: string) => `enum\u0000${pointer}`;
export const formatKey = (pointer: string) => `format\u0000${pointer}`;
export const overflowKey = (pointer: string) => `overflow\u0000${pointer}`;
export const unionKey = (pointer: string) => `union\u0000${pointer}`;
export const deepKey = (pointer: string) => `deep\u0000${pointer}`;

/** The key of every change the observations call for, or of what they hold that cannot be proposed. */
export function observationKeys(observations: Observations): string[] {
  const keys: string[] = [];
  for (const [pointer, statuses] of observations.newStatuses)
    for (const status of statuses.keys()) keys.push(statusKey(pointer, status));
  for (const [pointer, names] of observations.newProperties)
    for (const name of names.keys()) keys.push(propertyKey(pointer, name));
  for (const pointer of observations.missingRequired.keys()) keys.push(requiredKey(pointer));
  for (const pointer of observations.unadmittedTypes.keys()) keys.push(typeKey(pointer));
  for (const pointer of observations.newEnumValues.keys()) keys.push(enumKey(pointer));
  for (const pointer of observations.failedFormats.keys()) keys.push(formatKey(pointer));
  for (const pointer of observations.overflow.keys()) keys.push(overflowKey(pointer));
  for (const pointer of observations.unexplained.keys()) keys.push(unionKey(pointer));
  for (const pointer of observations.tooDeep.keys()) keys.push(deepKey(pointer));
  return keys;
}

/**
 * Whether `key` is excused by `notProposed`: listed there, or a new name or enum value of a schema whose names past
 * the limit were not proposed (once the first ones are declared, the next ones come up).
 */
export function excused(key: string, notProposed: ReadonlySet<string>): boolean {
  if (notProposed.has(key)) return true;
  const [kind, pointer] = key.split("\u0000");
  return (kind === "property" || kind === "enum") && notProposed.has(overflowKey(pointer!));
}
