// Turns the observations into Overlay actions, each at the pointer where the spec writes the schema it changes.
// Lists are replaced whole (remove, then update with the new list), never merged: tools append to a merged list.
// Order: pointer by pointer (sorted), then the kinds of change in a fixed order; a schema that becomes a union of
// its old keywords and new types comes last, deepest first, so that it carries every change made inside it. Each
// action is applied to a working copy as it is made. The same observations give the same actions.
import type { OpenApiDocument } from "../openapi/openapi-document.ts";
import { NO_SECRETS } from "../redaction/redactor.ts";
import { markdownText } from "../report/escape-markdown.ts";
import { shortJson } from "../validation/short-json.ts";
import type { Evidence } from "./evidence.ts";
import { MAX_INFERRED_PROPERTIES } from "./inferred-shape.ts";
import { childPointer, jsonPathOfPointer, pointerTokens } from "./json-path.ts";
import { type JsonType, TYPE_ORDER } from "./json-type.ts";
import { MAX_NEW_NAMES, type Observations } from "./observations.ts";
import type { NotProposed, OverlayAction } from "./overlay-action.ts";
import { quotedName, unappliableName } from "./unappliable-name.ts";
import { rewrittenByOverlayTool } from "./unappliable-text.ts";
import { WorkingCopy } from "./working-copy.ts";

/** A new property's name or enum value longer than this is not copied into the spec (it is reported instead). */
const MAX_NAME_LENGTH = 128;

/** Keywords that hold for a value of any type; they stay where they are when a schema becomes a union. */
const TYPE_NEUTRAL = new Set([
  "description",
  "title",
  "examples",
  "example",
  "deprecated",
  "readOnly",
  "writeOnly",
  "default",
  "$comment",
  "enum",
  "const",
]);

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const code = (text: string) => markdownText(text);
const quoted = (value: unknown) => markdownText(shortJson(value, NO_SECRETS));
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** How a schema's `type` is widened: by the types themselves (null, integer to number), or by a union. */
function typeWidening(
  declaredType: unknown,
  seen: ReadonlyMap<JsonType, Evidence>,
): { type: string[] } | { union: string[] } {
  const declared = [declaredType].flat() as string[];
  const own = declared.filter((type) => type !== "null");
  // A fraction where integers were declared makes it a number, still one type.
  const numeric = own.map((type) => (type === "integer" && seen.has("number") ? "number" : type));
  const added = TYPE_ORDER.filter(
    (type) =>
      type !== "null" &&
      seen.has(type) &&
      !numeric.includes(type) &&
      !(type === "integer" && numeric.includes("number")),
  );
  const nullAdded = seen.has("null") && !declared.includes("null");
  if (added.length === 0) return { type: declared.includes("null") || nullAdded ? [...numeric, "null"] : numeric };
  return { union: [...added, ...(nullAdded ? ["null"] : [])] };
}

export function buildActions(
  spec: OpenApiDocument,
  observations: Observations,
): { actions: OverlayAction[]; notProposed: NotProposed[] } {
  const working = new WorkingCopy(spec);
  const actions: OverlayAction[] = [];
  const notProposed: NotProposed[] = [];

  const remove = (pointer: string, description: string) => {
    actions.push({ target: jsonPathOfPointer(pointer), description, remove: true });
    working.remove(pointer);
  };
  const update = (pointer: string, description: string, change: Record<string, unknown>) => {
    actions.push({ target: jsonPathOfPointer(pointer), description, update: change });
    working.update(pointer, change);
  };
  /** Remove the list, then write the new one: the only replacement every Overlay tool performs alike. */
  const replaceList = (
    pointer: string,
    keyword: string,
    list: unknown[] | undefined,
    summary: string,
    evidence: string,
  ) => {
    const steps = list ? 2 : 1;
    remove(childPointer(pointer, keyword), `${summary} Step 1 of ${steps}: remove the old \`${keyword}\`. ${evidence}`);
    if (list) update(pointer, `${summary} Step 2 of 2: write the new \`${keyword}\`. ${evidence}`, { [keyword]: list });
  };
  const refuse = (where: string, reason: string, evidence: Evidence) => {
    notProposed.push({ where, reason, observations: evidence.count, requests: evidence.requestList() });
  };

  function newStatuses(pointer: string) {
    const statuses = observations.newStatuses.get(pointer);
    for (const status of [...(statuses?.keys() ?? [])].sort((a, b) =>
      byCodeUnit(a.padStart(3, "0"), b.padStart(3, "0")),
    )) {
      const seen = statuses!.get(status)!;
      if (seen.shape.tooWide) {
        refuse(
          seen.evidence.placeList().join(", "),
          `the bodies of the undeclared status ${status} have more than ${MAX_INFERRED_PROPERTIES} property names at one level: too wide to propose`,
          seen.evidence,
        );
        continue;
      }
      if (seen.nameHoldsCredential) {
        refuse(
          seen.evidence.placeList().join(", "),
          `a property name in the bodies of the undeclared status ${status} holds a credential`,
          seen.evidence,
        );
        continue;
      }
      const unappliable = seen.shape.unappliableName;
      if (unappliable !== undefined) {
        refuse(
          seen.evidence.placeList().join(", "),
          `the bodies of the undeclared status ${status} have a property named ${quotedName(unappliable)}: ${unappliableName(unappliable)}`,
          seen.evidence,
        );
        continue;
      }
      const response = {
        description: `Not yet described: a status the spec did not declare, seen in ${plural(seen.evidence.count, "response")}. Describe it before merging.`,
        content: {
          "application/json": {
            schema: seen.shape.toSchema(),
            examples: {
              observed: { summary: "An observed body (strings cut, secrets withheld)", value: seen.example?.value },
            },
          },
        },
      };
      update(
        pointer,
        `Declare the response ${code(status)}, which the server sent but the spec does not declare, with a schema inferred from its bodies. ${seen.evidence.describe()}`,
        { [status]: response },
      );
    }
  }

  function newProperties(pointer: string) {
    const properties = observations.newProperties.get(pointer);
    for (const name of [...(properties?.keys() ?? [])].sort(byCodeUnit)) {
      const seen = properties!.get(name)!;
      if (name.length > MAX_NAME_LENGTH || name === "" || seen.nameHoldsCredential) {
        const why = seen.nameHoldsCredential
          ? "holds a credential"
          : name === ""
            ? "is empty"
            : `is too long to copy (${name.length} characters)`;
        refuse(
          seen.evidence.placeList().join(", "),
          `the name of an undeclared property of ${pointer} ${why}`,
          seen.evidence,
        );
        continue;
      }
      if (seen.innerNameHoldsCredential) {
        refuse(
          seen.evidence.placeList().join(", "),
          `a property name inside the values of the undeclared property ${quotedName(name)} of ${pointer} holds a credential`,
          seen.evidence,
        );
        continue;
      }
      const unappliable = unappliableName(name) !== undefined ? name : seen.shape.unappliableName;
      if (unappliable !== undefined) {
        const where =
          unappliable === name
            ? `an undeclared property of ${pointer} is named ${quotedName(name)}`
            : `the values of the undeclared property ${quotedName(name)} of ${pointer} have a property named ${quotedName(unappliable)}`;
        refuse(seen.evidence.placeList().join(", "), `${where}: ${unappliableName(unappliable)}`, seen.evidence);
        continue;
      }
      if (seen.shape.tooWide) {
        refuse(
          seen.evidence.placeList().join(", "),
          `the values of an undeclared property of ${pointer} have more than ${MAX_INFERRED_PROPERTIES} property names at one level: too wide to propose`,
          seen.evidence,
        );
        continue;
      }
      const description = `Not yet described: seen in ${plural(seen.evidence.count, "observed value")}. Describe it before merging.`;
      const { type, format, ...rest } = seen.shape.toSchema();
      // The description after the type and format, as the spec writes its properties.
      const property = {
        ...(type !== undefined ? { type } : {}),
        ...(format !== undefined ? { format } : {}),
        description,
        ...rest,
      };
      const summary = `Declare ${code(name)} as an optional property; the object stays closed. ${seen.evidence.describe()}`;
      const schema = working.at(pointer);
      if (schema.properties !== null && typeof schema.properties === "object")
        update(childPointer(pointer, "properties"), summary, { [name]: property });
      else update(pointer, summary, { properties: { [name]: property } });
    }
  }

  function missingRequired(pointer: string) {
    const missing = observations.missingRequired.get(pointer);
    if (!missing) return;
    const names = [...missing.keys()].sort(byCodeUnit);
    const kept = (working.at(pointer).required as string[]).filter((name) => !missing.has(name));
    const evidence = names.map((name) => `${code(name)} seen missing. ${missing.get(name)!.describe()}`).join(" ");
    replaceList(
      pointer,
      "required",
      kept.length > 0 ? kept : undefined,
      `Make ${names.map(code).join(", ")} optional.`,
      evidence,
    );
  }

  const typeEvidence = (seen: ReadonlyMap<JsonType, Evidence>) =>
    TYPE_ORDER.filter((type) => seen.has(type))
      .map((type) => `As ${code(type)}: ${seen.get(type)!.describe()}`)
      .join(" ");

  function widenedType(pointer: string, type: string[]) {
    const summary = `Widen \`type\` to ${type.map(code).join(", ")}.`;
    const evidence = typeEvidence(observations.unadmittedTypes.get(pointer)!);
    remove(childPointer(pointer, "type"), `${summary} Step 1 of 2: remove the old \`type\`. ${evidence}`);
    update(pointer, `${summary} Step 2 of 2: write the new \`type\`. ${evidence}`, {
      type: type.length === 1 ? type[0]! : type,
    });
  }

  /** ajv's strict mode forbids `type: [A, B]`: the schema's type-specific keywords become the first branch of an anyOf. */
  function union(pointer: string, added: string[]) {
    const schema = working.at(pointer);
    const moved = Object.keys(schema).filter((keyword) => !TYPE_NEUTRAL.has(keyword) && !keyword.startsWith("x-"));
    const anyOf = [
      Object.fromEntries(moved.map((keyword) => [keyword, schema[keyword]])),
      ...added.map((type) => ({ type })),
    ];
    const summary = `Widen the type with ${added.map(code).join(", ")}: the schema's own keywords become the first branch of an \`anyOf\`, each new type a branch.`;
    const evidence = typeEvidence(observations.unadmittedTypes.get(pointer)!);
    const steps = moved.length + 1;
    moved.forEach((keyword, index) =>
      remove(
        childPointer(pointer, keyword),
        `${summary} Step ${index + 1} of ${steps}: remove \`${keyword}\`. ${evidence}`,
      ),
    );
    update(pointer, `${summary} Step ${steps} of ${steps}: write the \`anyOf\`. ${evidence}`, { anyOf });
  }

  function newEnumValues(pointer: string) {
    const values = observations.newEnumValues.get(pointer);
    if (!values) return;
    const keys = [...values.keys()].sort(byCodeUnit);
    const rewritten = keys.some((key) => rewrittenByOverlayTool(values.get(key)!.value));
    const credential = keys.some((key) => values.get(key)!.holdsCredential);
    if (
      rewritten ||
      credential ||
      keys.some((key) => values.get(key)!.evidence.secret || key.length > MAX_NAME_LENGTH)
    ) {
      // Values that cannot be copied: the enum goes, with the reason; nothing of the values is written.
      const why = keys.some((key) => values.get(key)!.evidence.secret)
        ? "the property's name suggests a secret, so its values are not copied"
        : credential
          ? "a value holds a credential, so the values are not copied"
          : rewritten
            ? "a value holds `$ref` and a colon, which openapi-format rewrites inside any string, so it cannot be listed as it is"
            : "a value is too long to copy";
      replaceList(
        pointer,
        "enum",
        undefined,
        `Drop \`enum\`: ${why}.`,
        keys.map((key) => values.get(key)!.evidence.describe()).join(" "),
      );
      return;
    }
    const listed = working.at(pointer).enum as unknown[];
    const added = keys.map((key) => values.get(key)!.value);
    // The spec lists null last among a nullable enum's values.
    const list: unknown[] = [...listed.filter((value) => value !== null), ...added.filter((value) => value !== null)];
    if (listed.includes(null) || added.includes(null)) list.push(null);
    const evidence = keys
      .map((key) => `${quoted(values.get(key)!.value)}: ${values.get(key)!.evidence.describe()}`)
      .join(" ");
    replaceList(pointer, "enum", list, `List ${added.map(quoted).join(", ")} in \`enum\`.`, evidence);
  }

  function failedFormat(pointer: string) {
    const evidence = observations.failedFormats.get(pointer);
    if (!evidence) return;
    const format = String(working.at(pointer).format);
    remove(
      childPointer(pointer, "format"),
      `Drop \`format: ${code(format)}\`: strings that are not ${code(format)} were seen. ${evidence.describe()}`,
    );
  }

  const pointers = [
    ...new Set([
      ...observations.newStatuses.keys(),
      ...observations.newProperties.keys(),
      ...observations.missingRequired.keys(),
      ...observations.unadmittedTypes.keys(),
      ...observations.newEnumValues.keys(),
      ...observations.failedFormats.keys(),
    ]),
  ].sort(byCodeUnit);
  const unions: { pointer: string; added: string[] }[] = [];
  for (const pointer of pointers) {
    newStatuses(pointer);
    newProperties(pointer);
    missingRequired(pointer);
    const seenTypes = observations.unadmittedTypes.get(pointer);
    if (seenTypes) {
      const widening = typeWidening(working.at(pointer).type, seenTypes);
      if ("type" in widening) widenedType(pointer, widening.type);
      else unions.push({ pointer, added: widening.union });
    }
    newEnumValues(pointer);
    failedFormat(pointer);
  }
  // Deepest first: a union copies its schema's keywords, so whatever changes inside it must already be made.
  unions.sort(
    (a, b) => pointerTokens(b.pointer).length - pointerTokens(a.pointer).length || byCodeUnit(a.pointer, b.pointer),
  );
  for (const { pointer, added } of unions) union(pointer, added);

  for (const [pointer, evidence] of observations.overflow) {
    refuse(
      evidence.placeList().join(", "),
      `more than ${MAX_NEW_NAMES} new property names or enum values at ${pointer}: the first ${MAX_NEW_NAMES} in code-unit order are proposed, these are not`,
      evidence,
    );
  }
  for (const [pointer, evidence] of observations.unexplained) {
    refuse(
      evidence.placeList().join(", "),
      `a value that no branch of the union at ${pointer} accepts, and no branch can be said to be meant (it is not an object, or the branches are not all objects)`,
      evidence,
    );
  }
  for (const unreadable of observations.unreadable.values()) {
    refuse(
      `${unreadable.operationId} ${unreadable.status}`,
      `the body is not JSON (${unreadable.reason}); no schema can describe it`,
      unreadable.evidence,
    );
  }
  notProposed.sort((a, b) => byCodeUnit(a.where, b.where) || byCodeUnit(a.reason, b.reason));
  return { actions, notProposed };
}
