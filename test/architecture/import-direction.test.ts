// Imports go one way: the CLI on top of the libraries, the client below the check, report, proposal and diff, the
// neutral vocabulary (src/findings/) at the bottom. Each rule fails with every import that breaks it.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type ImportEdge, importEdges } from "./import-graph.ts";
import { type ImportRule, wrongWayImports } from "./import-rules.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

const ONLY_BIN_IMPORTS_CLI: ImportRule = { importers: [""], exempt: ["bin/", "src/cli/"], forbidden: ["src/cli/"] };
const CLIENT_BELOW_ITS_USERS: ImportRule = {
  importers: ["src/client/"],
  forbidden: ["src/check/", "src/report/", "src/propose/", "src/diff/", "src/cli/"],
};
const VALIDATION_BELOW_CLIENT: ImportRule = { importers: ["src/validation/"], forbidden: ["src/client/"] };
const REPORT_BELOW_CHECK: ImportRule = { importers: ["src/report/"], forbidden: ["src/check/"] };
const FINDINGS_AT_THE_BOTTOM: ImportRule = {
  importers: ["src/findings/"],
  forbidden: ["src/check/", "src/report/", "src/propose/", "src/diff/", "src/client/", "src/cli/"],
};
const HISTORY_ABOVE_CHECK_AND_REPORT: ImportRule = {
  importers: ["src/findings/", "src/report/", "src/check/", "src/client/", "src/validation/"],
  forbidden: ["src/history/"],
};
const LIBRARY_BELOW_CLI: ImportRule = { importers: ["src/"], exempt: ["src/cli/"], forbidden: ["src/cli/"] };

describe("imports go one way", () => {
  const edges = importEdges(root, ["src", "bin"]);

  it("lets nothing but bin/ import src/cli/", () => {
    expect(wrongWayImports(edges, ONLY_BIN_IMPORTS_CLI)).toEqual([]);
  });

  it("keeps src/client/ from importing the check, the report, the proposal, the diff or the CLI", () => {
    expect(wrongWayImports(edges, CLIENT_BELOW_ITS_USERS)).toEqual([]);
  });

  it("keeps src/validation/ from importing the client", () => {
    expect(wrongWayImports(edges, VALIDATION_BELOW_CLIENT)).toEqual([]);
  });

  it("keeps src/report/ from importing any file of the check", () => {
    expect(wrongWayImports(edges, REPORT_BELOW_CHECK)).toEqual([]);
  });

  it("keeps src/findings/ from importing the check, report, proposal, diff, client or CLI", () => {
    expect(wrongWayImports(edges, FINDINGS_AT_THE_BOTTOM)).toEqual([]);
  });

  it("keeps the findings, report, check, client and validation from importing the history", () => {
    expect(wrongWayImports(edges, HISTORY_ABOVE_CHECK_AND_REPORT)).toEqual([]);
  });

  it("keeps every library folder of src/ from importing the CLI", () => {
    expect(wrongWayImports(edges, LIBRARY_BELOW_CLI)).toEqual([]);
  });
});

describe("the import graph the rules read", () => {
  const edges = importEdges(root, ["src", "bin"]);

  it("resolves every relative import of src/ and bin/ to a file that exists", () => {
    const relative = edges.filter(({ to }) => to.startsWith("src/") || to.startsWith("generated/"));
    expect(relative.length).toBeGreaterThan(100);
    expect(relative.filter(({ to }) => !existsSync(join(root, to))).map(({ from, to }) => `${from} -> ${to}`)).toEqual(
      [],
    );
  });

  it("reads bin/'s import of the built CLI as an import of src/cli/main.ts", () => {
    expect(edges).toContainEqual({ from: "bin/video-logs.js", to: "src/cli/main.ts" });
  });

  it("sees static, type-only, re-exported and lazy imports", () => {
    const from = (file: string) => edges.filter((edge) => edge.from === file).map((edge) => edge.to);
    expect(from("src/index.ts")).toContain("src/deprecated-aliases.ts");
    expect(from("src/deprecated-aliases.ts")).toContain("src/findings/probe-kind.ts");
    expect(from("src/cli/main.ts")).toContain("src/cli/commands/mock.ts");
  });
});

describe("the import-direction rule checker", () => {
  it("names every wrong-way import of a made-up graph, and none of its right-way ones", () => {
    const edges: ImportEdge[] = [
      { from: "src/diff/command.ts", to: "src/cli/io.ts" },
      { from: "src/cli/main.ts", to: "src/cli/io.ts" },
      { from: "bin/video-logs.js", to: "src/cli/main.ts" },
      { from: "src/report/format-text.ts", to: "src/client/exchange.ts" },
      { from: "src/client/exchange.ts", to: "node:fs" },
      { from: "src/index.ts", to: "src/cli/usage-error.ts" },
    ];
    expect(wrongWayImports(edges, LIBRARY_BELOW_CLI)).toEqual([
      "src/diff/command.ts -> src/cli/io.ts",
      "src/index.ts -> src/cli/usage-error.ts",
    ]);
    expect(wrongWayImports(edges, ONLY_BIN_IMPORTS_CLI)).toEqual([
      "src/diff/command.ts -> src/cli/io.ts",
      "src/index.ts -> src/cli/usage-error.ts",
    ]);
  });

  it("matches whole folders, so src/cli/ is not src/client/", () => {
    const edges: ImportEdge[] = [{ from: "src/validation/validate-response.ts", to: "src/client/exchange.ts" }];
    expect(wrongWayImports(edges, LIBRARY_BELOW_CLI)).toEqual([]);
    expect(wrongWayImports(edges, VALIDATION_BELOW_CLIENT)).toEqual([
      "src/validation/validate-response.ts -> src/client/exchange.ts",
    ]);
  });
});
