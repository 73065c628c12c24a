// A JSON pointer into the spec as the plain JSONPath every Overlay tool reads: dot names, bracketed quoted names.
import { escapeToken, pointerTokens } from "../openapi/json-pointer.ts";

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `$.components.schemas.Log.properties.charge`, `$.paths['/api/video/logs'].get.responses`. */
export function jsonPathOf(tokens: readonly string[]): string {
  return `$${tokens.map((token) => (PLAIN_NAME.test(token) ? `.${token}` : `['${token.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}']`)).join("")}`;
}

/** A pointer one level down. */
export function childPointer(pointer: string, ...tokens: readonly (string | number)[]): string {
  return pointer + tokens.map((token) => `/${escapeToken(token)}`).join("");
}

/** The JSONPath of a JSON pointer. */
export function jsonPathOfPointer(pointer: string): string {
  return jsonPathOf(pointerTokens(pointer));
}
