// Text openapi-format does not read back as it was written: before parsing an overlay, and again when it writes the
// patched spec, it quotes whatever follows a `$ref:` anywhere in the YAML text (utils/file.js,
// addQuotesToRefInString), inside a quoted string too. `"a$ref: b"` comes out as `"a$ref: 'b'"`, and inside a
// single-quoted scalar the added quotes end the string early, so the whole overlay is lost. Server text therefore never
// reaches a proposal with `$ref:` in it: an enum value holding it is not listed, and any other string has the colon
// percent-encoded.
const REWRITTEN = /\$ref:\s*[^"'\s>]/;

export const rewrittenByOverlayTool = (value: unknown): boolean => typeof value === "string" && REWRITTEN.test(value);

/** `text` with every `$ref:` written `$ref%3A`, which openapi-format leaves alone. */
export const defuseRef = (text: string): string => text.replace(/\$ref:/g, "$ref%3A");
