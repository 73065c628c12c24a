// The YAML sink: a document whose every string reads back as the plain text it holds, and whose text is also safe to
// show on a terminal. The yaml package escapes C0 controls in a double-quoted scalar but writes DEL, C1, Cf and the
// line and paragraph separators raw, or leaves such a string plain; a string holding one is double-quoted here and
// the character written as a YAML escape, which denotes the same character.
import { Document, Scalar, visit } from "yaml";

/** Characters a terminal would act on or hide: C0 and C1 controls, DEL, Cf, lone surrogates, U+2028/9. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/u;
/** What the yaml package leaves raw inside a double-quoted scalar (it escapes C0 and, as JSON does, lone surrogates). */
const RAW_IN_QUOTES = /[\u007f-\u009f\p{Cf}\u2028\u2029]/gu;

/** `\u009b`, or `\U000e0001` beyond the BMP: YAML's escapes of one character. */
function yamlEscape(char: string): string {
  const code = char.codePointAt(0)!;
  return code > 0xffff ? `\\U${code.toString(16).padStart(8, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/**
 * YAML with no line folding and no anchors, so equal values are equal bytes; parses back to the same value. With
 * `yaml11`, a key or scalar a YAML 1.1 reader (js-yaml, Redocly) takes for something else (`<<`, `1_000`, `0b101`,
 * `1:20`, `yes`, `~`…) is quoted, so it parses back to the same value under YAML 1.1 too.
 */
export function safeYaml(value: unknown, { yaml11 = false } = {}): string {
  const document = new Document(value, { aliasDuplicateObjects: false, ...(yaml11 ? { compat: "yaml-1.1" } : {}) });
  // Keys too: a property name is server text as much as a value.
  visit(document, {
    Scalar(_key, node) {
      if (typeof node.value === "string" && INVISIBLE.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  // Every string that holds such a character is double-quoted, so each one left in the text stands inside quotes.
  return document.toString({ lineWidth: 0 }).replace(RAW_IN_QUOTES, yamlEscape);
}
