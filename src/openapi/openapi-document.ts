// A parsed OpenAPI 3.x document. Loose on purpose: the walker reads any document shaped like one, ours or a vendor's.
export type OpenApiDocument = Record<string, any>;
