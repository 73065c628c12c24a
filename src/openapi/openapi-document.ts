// A parsed OpenAPI 3.x document. Loose on purpose: the walker reads any document shaped like one, ours or a vendor's.
// biome-ignore lint/suspicious/noExplicitAny: deliberately loose (see above); the walker narrows every node it reads, and callers index into documents they built themselves.
export type OpenApiDocument = Record<string, any>;
