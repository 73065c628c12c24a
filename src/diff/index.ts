// Public surface of the spec diff.

export { DEFAULT_DIFF_LIMITS, DiffLimitError, type DiffLimits } from "./budget.ts";
export { type Context, classify, KINDS, type Kind, type Level, RULES } from "./classify.ts";
export { DIFF_HELP, diffCommand } from "./command.ts";
export { type Difference, type DiffOptions, type DiffReport, diffDocuments } from "./diff-documents.ts";
export { FORMATS, formatReport, type OutputFormat } from "./format.ts";
export { DocumentError, type LoadedDocument, loadDocument, type Side, toOpenApiDocument } from "./load-document.ts";
