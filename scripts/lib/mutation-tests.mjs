// The tests a module group's mutants run against (scripts/mutation.ts runs Stryker once per group): the in-process
// test files that import one of the group's modules, themselves or through a test helper. Each mutant then runs only
// the tests written for what it changes, not every test that happens to pass through it: a group's run takes minutes
// where one run over all tests took hours here. A file that runs the built CLI (it judges dist/, never the mutated
// src/) or starts Prism is never one of them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { globMatcher, MUTATION_GROUPS } from "./mutation-groups.mjs";

/** What marks a test file that runs out of process. */
export const OUT_OF_PROCESS = /\b(?:runBin|runNode|assertBuilt|startPrismMock)\(/;

const IMPORT = /\bfrom\s+["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)/g;
const toPosix = (path) => path.split("\\").join("/");

/** The relative imports of a file, as repository paths. */
function importsOf(root, file) {
  const text = readFileSync(join(root, file), "utf8");
  const found = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2];
    if (specifier?.startsWith(".")) found.push(toPosix(normalize(join(dirname(file), specifier))));
  }
  return found;
}

/** The repository paths a test file reaches: its own imports and those of the test helpers it imports, transitively. */
function reachedBy(root, testFile) {
  const reached = new Set();
  const pending = [testFile];
  while (pending.length > 0) {
    for (const path of importsOf(root, pending.pop())) {
      if (reached.has(path)) continue;
      reached.add(path);
      if (path.startsWith("test/") && existsSync(join(root, path))) pending.push(path);
    }
  }
  return reached;
}

/** Every test file under test/. */
export function allTestFiles(root) {
  return readdirSync(join(root, "test"), { recursive: true, encoding: "utf8" })
    .map((file) => toPosix(join("test", file)))
    .filter((file) => file.endsWith(".test.ts"));
}

/** Every test file that runs in process. */
export function inProcessTestFiles(root) {
  return allTestFiles(root).filter((file) => !OUT_OF_PROCESS.test(readFileSync(join(root, file), "utf8")));
}

/** The in-process test files that reach a module of `group`, sorted. */
export function groupTestFiles(root, group) {
  const globs = MUTATION_GROUPS[group];
  if (!globs) throw new Error(`no mutation group ${JSON.stringify(group)}: ${Object.keys(MUTATION_GROUPS).join(", ")}`);
  const matchers = globs.map(globMatcher);
  const inGroup = (path) => matchers.some((matches) => matches(path));
  return inProcessTestFiles(root)
    .filter((file) => [...reachedBy(root, file)].some(inGroup))
    .sort();
}

/** The file name a group's own files take: its name with spaces as dashes. */
export const groupSlug = (group) => group.replace(/[^a-z0-9]+/gi, "-").toLowerCase();
