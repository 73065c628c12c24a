// The client's options table lists every option of VideoLogsClientOptions, and nothing else: read from the interface
// with the TypeScript parser, so an option added without its row (as `retryDelay` once was) fails here.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const HEADING = /^#+ Options \(`createVideoLogsClient`\)\s*$/m;

/** The member names of the options interface, in declaration order. */
function optionNames(): string[] {
  const file = join(ROOT, "src/client/options.ts");
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const options = source.statements.find(
    (node): node is ts.InterfaceDeclaration =>
      ts.isInterfaceDeclaration(node) && node.name.text === "VideoLogsClientOptions",
  );
  if (!options) throw new Error("src/client/options.ts declares no VideoLogsClientOptions");
  return options.members.map((member) => member.name!.getText(source));
}

/** Each page that holds the options heading (README.md or a page of docs/) with the table under it. */
function optionTables(): { page: string; table: string }[] {
  const pages = [
    "README.md",
    ...readdirSync(join(ROOT, "docs"))
      .filter((name) => name.endsWith(".md"))
      .map((name) => `docs/${name}`),
  ];
  return pages.flatMap((page) => {
    const text = readFileSync(join(ROOT, page), "utf8");
    const heading = HEADING.exec(text);
    if (!heading) return [];
    const after = text.slice(heading.index + heading[0].length);
    const table = /\n((?:\|.*\|\n)+)/.exec(after)?.[1] ?? "";
    return [{ page, table }];
  });
}

/** The option names a table's first column holds: each backticked name of each row past the header. */
function namesIn(table: string): string[] {
  return table
    .trim()
    .split("\n")
    .slice(2)
    .flatMap((row) => [...(row.split("|")[1] ?? "").matchAll(/`([^`]+)`/g)].map((match) => match[1]!));
}

describe("the client's options table", () => {
  it("is on one page", () => {
    expect(optionTables().map(({ page }) => page)).toHaveLength(1);
  });

  it("has a row for every option of VideoLogsClientOptions, and none for an option it does not have", () => {
    const [{ table }] = optionTables() as [{ page: string; table: string }];
    expect([...namesIn(table)].sort()).toEqual([...optionNames()].sort());
  });
});
