// GitHub's workflow commands and files: annotations on stdout, outputs in $GITHUB_OUTPUT, the job summary in
// $GITHUB_STEP_SUMMARY. Everything written passes its sink's escaping, and a secret never passes at all.
import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";

/** A command's message: `%`, CR and LF are escaped, as GitHub's runner unescapes them. */
export function escapeData(text: string): string {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/** A command's property value: the message's escapes, and `:` and `,`, which end a property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

export interface Annotation {
  level: "error" | "warning" | "notice";
  message: string;
  title?: string;
  /** Relative to the repository's root. */
  file?: string;
  line?: number;
  col?: number;
}

/** `::error file=…,line=…,title=…::message`, properties left out when unknown. */
export function annotationCommand({ level, message, title, file, line, col }: Annotation): string {
  const properties = Object.entries({ file, line, col, title })
    .filter(([, value]) => value !== undefined && value !== "")
    .map(([name, value]) => `${name}=${escapeProperty(String(value))}`);
  const head = properties.length > 0 ? `${level} ${properties.join(",")}` : level;
  return `::${head}::${escapeData(message)}`;
}

/** A value the runner masks in the log from here on. */
export function addMaskCommand(secret: string): string {
  return `::add-mask::${escapeData(secret)}`;
}

/**
 * Appends `name` to $GITHUB_OUTPUT with a delimiter the value cannot contain (a random one, as @actions/core does), so
 * a value with newlines cannot forge another output.
 */
export function setOutput(outputFile: string, name: string, value: string): void {
  let delimiter = `ghadelimiter_${randomUUID()}`;
  while (value.includes(delimiter)) delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(outputFile, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}

export function appendSummary(summaryFile: string, markdown: string): void {
  appendFileSync(summaryFile, markdown.endsWith("\n") ? markdown : `${markdown}\n`);
}
