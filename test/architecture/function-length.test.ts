// No function in src/ is longer than 80 lines, counted from its first line to its last, comments and blank lines
// included; a nested function counts in its parent too. Module-level data (help tables, strings) is not a function.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const MAX_FUNCTION_LINES = 80;

interface FunctionSpan {
  file: string;
  name: string;
  line: number;
  lines: number;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

function nameOf(node: ts.Node): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return node.name.getText();
  if (ts.isConstructorDeclaration(node)) return "constructor";
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText();
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText();
  return "(anonymous)";
}

/** Every function-like node of a file with its length in lines. */
function functionSpans(file: string, text = readFileSync(file, "utf8")): FunctionSpan[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const spans: FunctionSpan[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      spans.push({ file: relative(ROOT, file), name: nameOf(node), line: first + 1, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return spans;
}

describe("function length", () => {
  it("counts a function from its first line to its last, nested functions included", () => {
    const text = [
      "function outer() {",
      "  // a comment",
      "",
      "  const inner = () => {",
      "    return 1;",
      "  };",
      "}",
    ].join("\n");
    expect(functionSpans("example.ts", text).map(({ name, line, lines }) => ({ name, line, lines }))).toEqual([
      { name: "outer", line: 1, lines: 7 },
      { name: "inner", line: 4, lines: 3 },
    ]);
  });

  it(`keeps every function in src/ at ${MAX_FUNCTION_LINES} lines or fewer`, () => {
    const long = sourceFiles(join(ROOT, "src"))
      .flatMap((file) => functionSpans(file))
      .filter((span) => span.lines > MAX_FUNCTION_LINES)
      .map((span) => `${span.file}:${span.line} ${span.name} (${span.lines} lines)`);
    expect(long).toEqual([]);
  });
});
