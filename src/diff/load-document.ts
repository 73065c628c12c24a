// Reads an OpenAPI 3.x document from disk and checks that it is one, with messages that say what went wrong.
import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { escapeTerminal as t } from "../report/escape-terminal.ts";

/** Which document of the comparison: ours is the base a client was built from, theirs what the server now documents. */
export type Side = "ours" | "theirs";

export type JsonObject = Record<string, unknown>;

export interface LoadedDocument {
  side: Side;
  /** Where the document came from (a file path), for messages. */
  label: string;
  title: string;
  version: string;
  doc: JsonObject;
}

/**
 * A document that cannot be read, parsed or understood; the command turns it into exit code 2. Its message quotes
 * the file name and the document, both escaped where they are put in, so it is one printable line wherever it is shown.
 */
export class DocumentError extends Error {
  constructor(
    readonly side: Side,
    message: string,
  ) {
    super(message);
    this.name = "DocumentError";
  }
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export async function loadDocument(path: string, side: Side): Promise<LoadedDocument> {
  const text = await readText(path, side);
  return toOpenApiDocument(parseText(text, path, side), side, path);
}

async function readText(path: string, side: Side): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new DocumentError(side, `cannot read ${side} document "${t(path)}": ${t(readFailureReason(error))}`);
  }
}

function readFailureReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "it is a directory";
  if (code === "EACCES") return "permission denied";
  return firstLine(error);
}

/** Parses JSON for `.json` files (sharper messages) and YAML for everything else. */
export function parseText(text: string, label: string, side: Side): unknown {
  const isJson = label.toLowerCase().endsWith(".json");
  try {
    // logLevel "error" keeps yaml quiet about warnings while still throwing on syntax errors.
    return isJson ? JSON.parse(text) : parseYaml(text, { logLevel: "error" });
  } catch (error) {
    throw new DocumentError(
      side,
      `${side} document "${t(label)}" is not valid ${isJson ? "JSON" : "YAML"}: ${t(firstLine(error))}`,
    );
  }
}

/** Checks that a parsed value is an OpenAPI 3.x document and wraps it. */
export function toOpenApiDocument(value: unknown, side: Side, label: string): LoadedDocument {
  const notOpenApi = (why: string) =>
    new DocumentError(side, `${side} document "${t(label)}" is not an OpenAPI 3.x document: ${t(why)}`);
  if (!isJsonObject(value)) throw notOpenApi("its top level is not a mapping");
  if ("swagger" in value) throw notOpenApi("it is a Swagger 2.0 document");
  // An unquoted `openapi: 3.1` parses as a number, hence String().
  const openapi = value.openapi === undefined ? undefined : String(value.openapi);
  if (openapi === undefined) throw notOpenApi('it has no "openapi" field');
  if (!/^3\.\d+/.test(openapi)) throw notOpenApi(`its "openapi" field is ${openapi}`);
  if (value.paths !== undefined && !isJsonObject(value.paths)) throw notOpenApi('its "paths" is not a mapping');
  const info = isJsonObject(value.info) ? value.info : {};
  return {
    side,
    label,
    title: typeof info.title === "string" ? info.title : "(untitled)",
    version: info.version === undefined ? "(unversioned)" : String(info.version),
    doc: value,
  };
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // yaml ends its first line with ":" before quoting the offending source.
  return (message.split("\n", 1)[0] ?? message).trim().replace(/:$/, "");
}
