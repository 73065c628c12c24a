// The validators of the reports that point at the spec's lines: SARIF by the OASIS SARIF 2.1.0 schema (the copy
// @microsoft/jest-sarif ships, a JSON Schema draft 04), GitLab Code Quality by ours, written from GitLab's documentation.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv2020 } from "ajv/dist/2020.js";
import * as ajvDraft04Module from "ajv-draft-04";
import * as addFormatsModule from "ajv-formats";
import type { Log } from "sarif";
import type { CodeQualityIssue } from "../../src/report/gitlab-code-quality.ts";
import { ROOT } from "./cli.ts";

const addFormats = addFormatsModule.default.default;
const AjvDraft04 = ajvDraft04Module.default.default;
const require = createRequire(import.meta.url);

const SARIF_SCHEMA_FILE = require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");

// The schema writes one pattern (a language tag) that is valid only without the `u` flag.
const sarifAjv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(sarifAjv);
const sarifValidator = sarifAjv.compile(JSON.parse(readFileSync(SARIF_SCHEMA_FILE, "utf8")));

const gitlabAjv = new Ajv2020({ allErrors: true, strict: true });
const gitlabValidator = gitlabAjv.compile(
  JSON.parse(readFileSync(`${ROOT}schemas/gitlab-code-quality.schema.json`, "utf8")),
);

/** The SARIF log parsed, after asserting it is valid SARIF 2.1.0 (its errors in the failure's message). */
export function validSarif(text: string): Log {
  const log = JSON.parse(text) as Log;
  if (!sarifValidator(log)) throw new Error(`not valid SARIF 2.1.0: ${sarifAjv.errorsText(sarifValidator.errors)}`);
  return log;
}

/** The GitLab issues parsed, after asserting they are valid for the Code Quality schema. */
export function validGitlab(text: string): CodeQualityIssue[] {
  const issues = JSON.parse(text) as CodeQualityIssue[];
  if (!gitlabValidator(issues))
    throw new Error(`not valid GitLab Code Quality: ${gitlabAjv.errorsText(gitlabValidator.errors)}`);
  return issues;
}

/** The line `line` (1-based) of a file. */
export const lineOfFile = (file: string, line: number): string => readFileSync(file, "utf8").split("\n")[line - 1]!;
