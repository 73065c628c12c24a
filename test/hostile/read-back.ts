// Reads every report format back the way its consumer does: a terminal, a Markdown renderer, an XML parser.
import MarkdownIt from "markdown-it";
import { SaxesParser } from "saxes";

/** A character a terminal, a log viewer or a bidi-aware editor would act on instead of showing. */
export const RAW_CONTROL = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/u;

/** The raw control characters of a text, our own line breaks (and, with colour, our SGR codes) aside. */
export function rawControls(text: string, { color = false } = {}): string[] {
  const stripped = color ? text.replace(/\u001b\[\d+m/g, "") : text;
  return [...stripped.replace(/\n/g, "")].filter((char) => RAW_CONTROL.test(char));
}

/** An element read back: its name, attributes, text, and its parent's index in document order (-1 for the root). */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  parent: number;
}

/** Parses XML strictly; throws on the first well-formedness error. Returns the elements in document order. */
export function parseXml(xml: string): XmlElement[] {
  const parser = new SaxesParser({ xmlns: false });
  const elements: XmlElement[] = [];
  const open: number[] = [];
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag) => {
    const parent = open.at(-1) ?? -1;
    open.push(elements.length);
    elements.push({ name: tag.name, attributes: tag.attributes as Record<string, string>, text: "", parent });
  });
  parser.on("text", (text) => {
    if (open.length) elements[open.at(-1)!]!.text += text;
  });
  parser.on("closetag", () => open.pop());
  parser.write(xml).close();
  return elements;
}

const markdown = new MarkdownIt({ html: true });

/** Every token of a Markdown document, inline children included. */
export function markdownTokens(source: string): ReturnType<InstanceType<typeof MarkdownIt>["parse"]> {
  return markdown.parse(source, {}).flatMap((token) => [token, ...(token.children ?? [])]);
}

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
