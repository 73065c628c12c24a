// JSON pointers (RFC 6901) into an OpenAPI document, written without the leading "#".

import { escapeToken } from "../openapi/json-pointer.ts";

export { escapeToken };

/** The pointer of a child of the node at `parent`. */
export function childPointer(parent: string, ...tokens: Array<string | number>): string {
  return parent + tokens.map((token) => `/${escapeToken(token)}`).join("");
}
