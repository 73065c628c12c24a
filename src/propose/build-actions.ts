// Turns the observations into Overlay actions, each at the pointer where the spec writes the schema it changes.
// Lists are replaced whole (remove, then update with the new list), never merged: tools append to a merged list.
// Everything is sorted (by pointer, then by kind, then by name), so the same observations give the same actions.
import type { OpenApiDocument } from "../openapi/openapi-document.ts";
import { resolvePointer } from "../openapi/json-pointer.ts";
import { markdownText } from "../report/escape-markdown.ts";
import { NO_SECRETS } from "../redaction/redactor.ts";
import { shortJson } from "../validation/short-json.ts";
import type { Evidence } from "./evidence.ts";
import { childPointer, jsonPathOfPointer } from "./json-path.ts";
import { TYPE_ORDER, type JsonType } from "./json-type.ts";
import type { NotProposed, OverlayAction } from "./overlay-action.ts";
import type { Observations } from "./observations.ts";

/** A new property's or enum value's text longer than this is not copied into the spec (it is reported instead). */
const MAX_NAME_LENGTH = 128;

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The order of the kinds of change at one pointer. */
const KIND_ORDER = ["status", "property", "required", "type", "enum", "format"] as const;

interface Change {
  pointer: string;
  kind: (typeof KIND_ORDER)[number];
  key: string;
  actions: OverlayAction[];
}

const code = (text: string) => markdownText(text);
const quoted = (value: unknown) => markdownText(shortJson(value, NO_SECRETS));
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** Remove the list, then write the new one: the only replacement every Overlay tool performs alike. */
function replaceList(pointer: string, keyword: string, list: unknown[] | undefined, summary: string, evidence: string): OverlayAction[] {
  const steps = list ? 2 : 1;
  const actions: OverlayAction[] = [{ target: jsonPathOfPointer(childPointer(pointer, keyword)), description: `${summary} Step 1 of ${steps}: remove the old \`${keyword}\`. ${evidence}`, remove: true }];
  if (list) actions.push({ target: jsonPathOfPointer(pointer), description: `${summary} Step 2 of 2: write the new \`${keyword}\`. ${evidence}`, update: { [keyword]: list } });
  return actions;
}

/** Keywords that hold for a value of any type; they stay where they are when a schema is widened to a union. */
const TYPE_NEUTRAL = new Set(["description", "title", "examples", "example", "deprecated", "readOnly", "writeOnly", "default", "$comment", "enum", "const"]);

/**
 * Widens a schema's `type` to the types seen. Only null added: `type: [T, "null"]`, as the spec writes nullable
 * fields. A new type of value: the schema's type-specific keywords move, unchanged, into the first branch of an
 * `anyOf` with one branch per new type (ajv's strict mode forbids `type: [A, B]`); descriptions and enums stay.
 */
function widenType(pointer: string, schema: Record<string, unknown>, seen: Map<JsonType, Evidence>): OverlayAction[] {
  const declared = [schema.type].flat() as string[];
  const evidence = TYPE_ORDER.filter((type) => seen.has(type)).map((type) => `As ${code(type)}: ${seen.get(type)!.describe()}`).join(" ");
  const nullable = declared.includes("null") || seen.has("null");
  const own = declared.filter((type) => type !== "null");
  // A fraction where integers were declared makes it a number, still one type.
  const numeric = own.map((type) => (type === "integer" && seen.has("number") ? "number" : type));
  const added = TYPE_ORDER.filter((type) => type !== "null" && seen.has(type) && !numeric.includes(type) && !(type === "integer" && numeric.includes("number")));
  if (added.length === 0) {
    const type = nullable ? [...numeric, "null"] : numeric;
    const summary = `Widen \`type\` to ${type.map(code).join(", ")}.`;
    return [
      { target: jsonPathOfPointer(childPointer(pointer, "type")), description: `${summary} Step 1 of 2: remove the old \`type\`. ${evidence}`, remove: true },
      { target: jsonPathOfPointer(pointer), description: `${summary} Step 2 of 2: write the new \`type\`. ${evidence}`, update: { type: type.length === 1 ? type[0]! : type } },
    ];
  }
  const moved = Object.keys(schema).filter((keyword) => !TYPE_NEUTRAL.has(keyword) && !keyword.startsWith("x-"));
  const first: Record<string, unknown> = Object.fromEntries(moved.map((keyword) => [keyword, schema[keyword]]));
  if (seen.has("null") && !declared.includes("null")) added.push("null");
  const anyOf = [first, ...added.map((type) => ({ type }))];
  const summary = `Widen the type to ${[...declared, ...added].map(code).join(", ")}: the schema's own keywords become the first branch of an \`anyOf\`, each new type a branch.`;
  const steps = moved.length + 1;
  return [
    ...moved.map((keyword, index): OverlayAction => ({ target: jsonPathOfPointer(childPointer(pointer, keyword)), description: `${summary} Step ${index + 1} of ${steps}: remove \`${keyword}\`. ${evidence}`, remove: true })),
    { target: jsonPathOfPointer(pointer), description: `${summary} Step ${steps} of ${steps}: write the \`anyOf\`. ${evidence}`, update: { anyOf } },
  ];
}

export function buildActions(spec: OpenApiDocument, observations: Observations): { actions: OverlayAction[]; notProposed: NotProposed[] } {
  const changes: Change[] = [];
  const notProposed: NotProposed[] = [];
  const schemaAt = (pointer: string): Record<string, any> => resolvePointer(spec, `#${pointer}`);
  const refuse = (where: string, reason: string, evidence: Evidence) => {
    notProposed.push({ where, reason, observations: evidence.count, requests: evidence.requestList() });
  };

  for (const [pointer, statuses] of observations.newStatuses) {
    for (const [status, seen] of statuses) {
      const schema = seen.shape.toSchema();
      const response = {
        description: `Not yet described: a status the spec did not declare, seen in ${plural(seen.evidence.count, "response")}. Describe it before merging.`,
        content: { "application/json": { schema, examples: { observed: { summary: "An observed body (strings cut, secrets withheld)", value: seen.example?.value } } } },
      };
      changes.push({
        pointer,
        kind: "status",
        key: status.padStart(3, "0"),
        actions: [{ target: jsonPathOfPointer(pointer), description: `Declare the response ${code(status)}, which the server sent but the spec does not declare, with a schema inferred from its bodies. ${seen.evidence.describe()}`, update: { [status]: response } }],
      });
    }
  }

  for (const [pointer, properties] of observations.newProperties) {
    const schema = schemaAt(pointer);
    for (const [name, seen] of properties) {
      if (name.length > MAX_NAME_LENGTH || name === "" || seen.nameHoldsCredential) {
        const why = seen.nameHoldsCredential ? "holds a credential" : name === "" ? "is empty" : `is too long to copy (${name.length} characters)`;
        refuse(seen.evidence.placeList().join(", "), `the name of an undeclared property of ${pointer} ${why}`, seen.evidence);
        continue;
      }
      const inferred = seen.shape.toSchema();
      const { type, format, ...rest } = inferred;
      const property = { type, ...(format !== undefined ? { format } : {}), description: `Not yet described: seen in ${plural(seen.evidence.count, "observed value")}. Describe it before merging.`, ...rest };
      const summary = `Declare ${code(name)} as an optional property; the object stays closed.`;
      const action: OverlayAction = schema.properties && typeof schema.properties === "object"
        ? { target: jsonPathOfPointer(childPointer(pointer, "properties")), description: `${summary} ${seen.evidence.describe()}`, update: { [name]: property } }
        : { target: jsonPathOfPointer(pointer), description: `${summary} ${seen.evidence.describe()}`, update: { properties: { [name]: property } } };
      changes.push({ pointer, kind: "property", key: name, actions: [action] });
    }
  }

  for (const [pointer, missing] of observations.missingRequired) {
    const required: string[] = schemaAt(pointer).required;
    const names = [...missing.keys()].sort(byCodeUnit);
    const kept = required.filter((name) => !missing.has(name));
    const evidence = names.map((name) => `${code(name)} seen missing. ${missing.get(name)!.describe()}`).join(" ");
    changes.push({ pointer, kind: "required", key: "", actions: replaceList(pointer, "required", kept.length > 0 ? kept : undefined, `Make ${names.map(code).join(", ")} optional.`, evidence) });
  }

  for (const [pointer, types] of observations.unadmittedTypes) {
    changes.push({ pointer, kind: "type", key: "", actions: widenType(pointer, schemaAt(pointer), types) });
  }

  for (const [pointer, values] of observations.newEnumValues) {
    const listed: unknown[] = schemaAt(pointer).enum;
    const keys = [...values.keys()].sort(byCodeUnit);
    const secret = keys.some((key) => values.get(key)!.evidence.secret);
    const tooLong = keys.filter((key) => key.length > MAX_NAME_LENGTH);
    if (secret || tooLong.length > 0) {
      // Values that cannot be copied: the enum goes, with the reason; nothing of the values is written.
      const why = secret ? "the property's name suggests a secret, so its values are not copied" : "a value is too long to copy";
      const evidence = keys.map((key) => values.get(key)!.evidence.describe()).join(" ");
      changes.push({ pointer, kind: "enum", key: "", actions: replaceList(pointer, "enum", undefined, `Drop \`enum\`: ${why}.`, evidence) });
      continue;
    }
    const added = keys.map((key) => values.get(key)!.value);
    // The spec lists null last among a nullable enum's values.
    const withNull: unknown[] = [...listed.filter((value) => value !== null), ...added.filter((value) => value !== null)];
    if (listed.includes(null) || added.includes(null)) withNull.push(null);
    const evidence = keys.map((key) => `${quoted(values.get(key)!.value)}: ${values.get(key)!.evidence.describe()}`).join(" ");
    changes.push({ pointer, kind: "enum", key: "", actions: replaceList(pointer, "enum", withNull, `List ${added.map(quoted).join(", ")} in \`enum\`.`, evidence) });
  }

  for (const [pointer, evidence] of observations.failedFormats) {
    const format = String(schemaAt(pointer).format);
    changes.push({ pointer, kind: "format", key: "", actions: [{ target: jsonPathOfPointer(childPointer(pointer, "format")), description: `Drop \`format: ${code(format)}\`: strings that are not ${code(format)} were seen. ${evidence.describe()}`, remove: true }] });
  }

  for (const unreadable of observations.unreadable.values()) {
    refuse(`${unreadable.operationId} ${unreadable.status}`, `the body is not JSON (${unreadable.reason}); no schema can describe it`, unreadable.evidence);
  }

  changes.sort((a, b) => byCodeUnit(a.pointer, b.pointer) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || byCodeUnit(a.key, b.key));
  notProposed.sort((a, b) => byCodeUnit(a.where, b.where) || byCodeUnit(a.reason, b.reason));
  return { actions: changes.flatMap((change) => change.actions), notProposed };
}
