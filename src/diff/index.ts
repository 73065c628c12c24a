// Public surface of the spec diff.
export { diffCommand, DIFF_HELP } from "./command.ts";
export { diffDocuments, type DiffOptions, type DiffReport, type Difference } from "./diff-documents.ts";
export { DEFAULT_DIFF_LIMITS, DiffLimitError, type DiffLimits } from "./budget.ts";
export { classify, RULES, KINDS, type Kind, type Level, type Context } from "./classify.ts";
export { loadDocument, toOpenApiDocument, DocumentError, type LoadedDocument, type Side } from "./load-document.ts";
export { formatReport, FORMATS, type OutputFormat } from "./format.ts";
