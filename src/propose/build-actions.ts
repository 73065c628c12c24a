// Turns the observations into Overlay actions, each at the pointer where the spec writes the schema it changes.
// Lists are replaced whole (remove, then update with the new list), never merged: tools append to a merged list.
// Order: pointer by pointer (sorted), then the kinds of change in a fixed order; a schema that becomes a union of
// its old keywords and new types comes last, deepest first, so that it carries every change made inside it. Each
// action is applied to a working copy as it is made. The same observations give the same actions.

import { pointerTokens } from "../openapi/json-pointer.ts";
import type { OpenApiDocument } from "../openapi/openapi-document.ts";
import { NO_SECRETS } from "../redaction/redactor.ts";
import { shortJson } from "../validation/short-json.ts";
import { ActionDraft } from "./action-draft.ts";
import {
  deepKey,
  enumKey,
  formatKey,
  overflowKey,
  propertyKey,
  requiredKey,
  statusKey,
  typeKey,
  unionKey,
} from "./change-keys.ts";
import { Evidence } from "./evidence.ts";
import { MAX_INFERRED_PROPERTIES } from "./inferred-shape.ts";
import { childPointer } from "./json-path.ts";
import {
  MAX_NEW_NAMES,
  type NewEnumValue,
  type NewProperty,
  type NewStatus,
  type Observations,
} from "./observations.ts";
import type { NotProposed, OverlayAction } from "./overlay-action.ts";
import { refKeyPointer } from "./ref-key.ts";
import { makeUnion, type PendingUnion, widenType } from "./type-widening.ts";
import { quotedName, unappliableName } from "./unappliable-name.ts";
import { rewrittenByOverlayTool } from "./unappliable-text.ts";
import { MAX_WALK_DEPTH } from "./walk-schema.ts";

/** A new property's name or enum value longer than this is not copied into the spec (it is reported instead). */
const MAX_NAME_LENGTH = 128;

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const quoted = (value: unknown) => shortJson(value, NO_SECRETS);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** The actions, each with the key of its change, and what is not proposed, with the keys of those changes. */
export interface BuiltActions {
  actions: OverlayAction[];
  actionKeys: string[];
  notProposed: NotProposed[];
  refusedKeys: ReadonlySet<string>;
}

/** One Evidence of several. */
export function mergedEvidence(all: Iterable<Evidence>): Evidence {
  const merged = new Evidence();
  for (const evidence of all) merged.merge(evidence);
  return merged;
}

/** @param excluded changes verification refused, by key, with the reason: recorded as not proposed */
export function buildActions(
  spec: OpenApiDocument,
  observations: Observations,
  excluded: ReadonlyMap<string, string> = new Map(),
): BuiltActions {
  const draft = new ActionDraft(spec, excluded);
  const unions: PendingUnion[] = [];
  for (const pointer of changedPointers(observations)) {
    newStatuses(draft, pointer, observations.newStatuses.get(pointer));
    newProperties(draft, pointer, observations.newProperties.get(pointer));
    missingRequired(draft, pointer, observations.missingRequired.get(pointer));
    const types = observations.unadmittedTypes.get(pointer);
    if (types && draft.change(typeKey(pointer), () => mergedEvidence(types.values()))) {
      const union = widenType(draft, pointer, types);
      if (union) unions.push(union);
    }
    newEnumValues(draft, pointer, observations.newEnumValues.get(pointer));
    failedFormat(draft, pointer, observations.failedFormats.get(pointer));
  }
  // Deepest first: a union copies its schema's keywords, so whatever changes inside it must already be made.
  unions.sort(
    (a, b) => pointerTokens(b.pointer).length - pointerTokens(a.pointer).length || byCodeUnit(a.pointer, b.pointer),
  );
  for (const union of unions) {
    draft.change(typeKey(union.pointer), () => new Evidence());
    makeUnion(draft, union);
  }
  refuseTheUnproposable(draft, observations);
  const { actions, actionKeys, notProposed, refusedKeys } = draft;
  notProposed.sort((a, b) => byCodeUnit(a.where, b.where) || byCodeUnit(a.reason, b.reason));
  return { actions, actionKeys, notProposed, refusedKeys };
}

/** Every pointer where the observations call for a change, in code-unit order. */
function changedPointers(observations: Observations): string[] {
  return [
    ...new Set([
      ...observations.newStatuses.keys(),
      ...observations.newProperties.keys(),
      ...observations.missingRequired.keys(),
      ...observations.unadmittedTypes.keys(),
      ...observations.newEnumValues.keys(),
      ...observations.failedFormats.keys(),
    ]),
  ].sort(byCodeUnit);
}

function newStatuses(draft: ActionDraft, pointer: string, statuses: ReadonlyMap<string, NewStatus> | undefined) {
  for (const status of [...(statuses?.keys() ?? [])].sort((a, b) =>
    byCodeUnit(a.padStart(3, "0"), b.padStart(3, "0")),
  )) {
    const seen = statuses!.get(status)!;
    if (!draft.change(statusKey(pointer, status), () => seen.evidence)) continue;
    const refusal = statusRefusal(status, seen);
    if (refusal !== undefined) draft.refuse(refusal, seen.evidence);
    else declareStatus(draft, pointer, status, seen);
  }
}

/** Why an undeclared status cannot be declared from its bodies; undefined when it can. */
function statusRefusal(status: string, seen: NewStatus): string | undefined {
  if (seen.shape.tooWide)
    return `the bodies of the undeclared status ${status} have more than ${MAX_INFERRED_PROPERTIES} property names at one level: too wide to propose`;
  if (seen.nameHoldsCredential)
    return `a property name in the bodies of the undeclared status ${status} holds a credential`;
  const unappliable = seen.shape.unappliableName;
  if (unappliable !== undefined)
    return `the bodies of the undeclared status ${status} have a property named ${quotedName(unappliable)}: ${unappliableName(unappliable)}`;
  return undefined;
}

function declareStatus(draft: ActionDraft, pointer: string, status: string, seen: NewStatus) {
  const example = seen.example;
  const response = {
    description: `Not yet described: a status the spec did not declare, seen in ${plural(seen.evidence.count, "response")}. Describe it before merging.`,
    content: {
      "application/json": {
        schema: seen.shape.toSchema(),
        // An example over the size bound is left out; `x-example-cut` says what was cut, or that.
        ...(example?.json !== undefined
          ? {
              examples: {
                observed: { summary: "An observed body (strings cut, secrets withheld)", value: example.value },
              },
            }
          : {}),
        ...(example?.cut !== undefined ? { "x-example-cut": example.cut } : {}),
      },
    },
  };
  draft.update(
    pointer,
    `Declare the response ${status}, which the server sent but the spec does not declare, with a schema inferred from its bodies. ${seen.evidence.describe()}`,
    { [status]: response },
  );
}

function newProperties(draft: ActionDraft, pointer: string, properties: ReadonlyMap<string, NewProperty> | undefined) {
  for (const name of [...(properties?.keys() ?? [])].sort(byCodeUnit)) {
    const seen = properties!.get(name)!;
    if (!draft.change(propertyKey(pointer, name), () => seen.evidence)) continue;
    const refusal = propertyRefusal(pointer, name, seen);
    if (refusal !== undefined) draft.refuse(refusal, seen.evidence);
    else declareProperty(draft, pointer, name, seen);
  }
}

/** Why an undeclared property cannot be declared; undefined when it can. */
function propertyRefusal(pointer: string, name: string, seen: NewProperty): string | undefined {
  if (name.length > MAX_NAME_LENGTH || name === "" || seen.nameHoldsCredential) {
    const why = seen.nameHoldsCredential
      ? "holds a credential"
      : name === ""
        ? "is empty"
        : `is too long to copy (${name.length} characters)`;
    return `the name of an undeclared property of ${pointer} ${why}`;
  }
  if (seen.innerNameHoldsCredential)
    return `a property name inside the values of the undeclared property ${quotedName(name)} of ${pointer} holds a credential`;
  const unappliable = unappliableName(name) !== undefined ? name : seen.shape.unappliableName;
  if (unappliable !== undefined) {
    const where =
      unappliable === name
        ? `an undeclared property of ${pointer} is named ${quotedName(name)}`
        : `the values of the undeclared property ${quotedName(name)} of ${pointer} have a property named ${quotedName(unappliable)}`;
    return `${where}: ${unappliableName(unappliable)}`;
  }
  if (seen.shape.tooWide)
    return `the values of an undeclared property of ${pointer} have more than ${MAX_INFERRED_PROPERTIES} property names at one level: too wide to propose`;
  return undefined;
}

function declareProperty(draft: ActionDraft, pointer: string, name: string, seen: NewProperty) {
  const description = `Not yet described: seen in ${plural(seen.evidence.count, "observed value")}. Describe it before merging.`;
  const { type, format, ...rest } = seen.shape.toSchema();
  // The description after the type and format, as the spec writes its properties.
  const property = {
    ...(type !== undefined ? { type } : {}),
    ...(format !== undefined ? { format } : {}),
    description,
    ...rest,
  };
  const summary = `Declare ${name} as an optional property; the object stays closed. ${seen.evidence.describe()}`;
  const schema = draft.working.at(pointer);
  if (schema.properties !== null && typeof schema.properties === "object")
    draft.update(childPointer(pointer, "properties"), summary, { [name]: property });
  else draft.update(pointer, summary, { properties: { [name]: property } });
}

function missingRequired(draft: ActionDraft, pointer: string, missing: ReadonlyMap<string, Evidence> | undefined) {
  if (!missing || !draft.change(requiredKey(pointer), () => mergedEvidence(missing.values()))) return;
  const names = [...missing.keys()].sort(byCodeUnit);
  const kept = (draft.working.at(pointer).required as string[]).filter((name) => !missing.has(name));
  const evidence = names.map((name) => `${name} seen missing. ${missing.get(name)!.describe()}`).join(" ");
  draft.replaceList(
    pointer,
    "required",
    kept.length > 0 ? kept : undefined,
    `Make ${names.join(", ")} optional.`,
    evidence,
  );
}

function newEnumValues(draft: ActionDraft, pointer: string, values: ReadonlyMap<string, NewEnumValue> | undefined) {
  if (!values || !draft.change(enumKey(pointer), () => mergedEvidence([...values.values()].map((v) => v.evidence))))
    return;
  const keys = [...values.keys()].sort(byCodeUnit);
  const uncopiable = whyUncopiable(keys, values);
  if (uncopiable !== undefined) {
    // Values that cannot be copied: the enum goes, with the reason; nothing of the values is written.
    draft.replaceList(
      pointer,
      "enum",
      undefined,
      `Drop \`enum\`: ${uncopiable}.`,
      keys.map((key) => values.get(key)!.evidence.describe()).join(" "),
    );
    return;
  }
  const listed = draft.working.at(pointer).enum as unknown[];
  const added = keys.map((key) => values.get(key)!.value);
  // The spec lists null last among a nullable enum's values.
  const list: unknown[] = [...listed.filter((value) => value !== null), ...added.filter((value) => value !== null)];
  if (listed.includes(null) || added.includes(null)) list.push(null);
  const evidence = keys
    .map((key) => `${quoted(values.get(key)!.value)}: ${values.get(key)!.evidence.describe()}`)
    .join(" ");
  draft.replaceList(pointer, "enum", list, `List ${added.map(quoted).join(", ")} in \`enum\`.`, evidence);
}

/** Why the new values of an enum cannot be copied into the spec; undefined when they can. */
function whyUncopiable(keys: string[], values: ReadonlyMap<string, NewEnumValue>): string | undefined {
  if (keys.some((key) => values.get(key)!.evidence.secret))
    return "the property's name suggests a secret, so its values are not copied";
  if (keys.some((key) => values.get(key)!.holdsCredential))
    return "a value holds a credential, so the values are not copied";
  if (keys.some((key) => refKeyPointer(values.get(key)!.value) !== undefined))
    return "a value is an object holding a `$ref` key, which tools reading the spec would follow to another file or URL";
  if (keys.some((key) => rewrittenByOverlayTool(values.get(key)!.value)))
    return "a value holds `$ref` and a colon, which openapi-format rewrites inside any string, so it cannot be listed as it is";
  if (keys.some((key) => key.length > MAX_NAME_LENGTH)) return "a value is too long to copy";
  return undefined;
}

function failedFormat(draft: ActionDraft, pointer: string, evidence: Evidence | undefined) {
  if (!evidence || !draft.change(formatKey(pointer), () => evidence)) return;
  const format = String(draft.working.at(pointer).format);
  draft.remove(
    childPointer(pointer, "format"),
    `Drop \`format: ${format}\`: strings that are not ${format} were seen. ${evidence.describe()}`,
  );
}

/**
 * What no action can propose: names or values past the limit, values no union branch is meant for, values deeper than
 * the walk goes, bodies not JSON.
 */
function refuseTheUnproposable(draft: ActionDraft, observations: Observations) {
  for (const [pointer, evidence] of observations.overflow) {
    draft.change(overflowKey(pointer), () => evidence);
    draft.refuse(
      `more than ${MAX_NEW_NAMES} new property names or enum values at ${pointer}: the first ${MAX_NEW_NAMES} in code-unit order are proposed, these are not`,
      evidence,
    );
  }
  for (const [pointer, evidence] of observations.unexplained) {
    draft.change(unionKey(pointer), () => evidence);
    draft.refuse(
      `a value that no branch of the union at ${pointer} accepts, and no branch can be said to be meant (it is not an object, or the branches are not all objects)`,
      evidence,
    );
  }
  for (const [pointer, evidence] of observations.tooDeep) {
    draft.change(deepKey(pointer), () => evidence);
    draft.refuse(
      `a value nested more than ${MAX_WALK_DEPTH} schemas deep at ${pointer}: what lies deeper is not compared with the spec, so nothing is proposed for it`,
      evidence,
    );
  }
  for (const unreadable of observations.unreadable.values()) {
    draft.change(`unreadable\u0000${unreadable.operationId} ${unreadable.status}`, () => unreadable.evidence);
    draft.refuse(
      `the body is not JSON (${unreadable.reason}); no schema can describe it`,
      unreadable.evidence,
      `${unreadable.operationId} ${unreadable.status}`,
    );
  }
}
