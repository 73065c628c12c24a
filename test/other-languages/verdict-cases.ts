// The response bodies other-language validators judge next to ajv: every example response of the spec, every
// contract fixture, and format probes (one field of a valid body changed to an edge of a format). Each case carries
// what a peer needs to find its schema (the request to route, or the schema's pointer in the 3.1 bundle) and ajv's
// verdict through the toolkit's own validateResponse.
import { loadFixtureTable } from "../../contract-tests/lib/fixture-tables.ts";
import type { OpenApiDocument } from "../../src/openapi/openapi-document.ts";
import { responseSchemas } from "../../src/openapi/response-schemas.ts";
import { walkOperations } from "../../src/openapi/walk-operations.ts";
import type { OperationId } from "../../src/operations/operation-table.ts";
import { validateResponse } from "../../src/validation/validate-response.ts";
import type { Violation } from "../../src/validation/violation.ts";

export interface VerdictCase {
  /** `example: …`, `valid/<file>`, `invalid/<file>` or `probe: …`; unique. */
  label: string;
  operationId: OperationId;
  status: number;
  body: unknown;
  /** An absolute URL of a request to this operation (path parameters filled in), on the document's first server. */
  url: string;
  method: string;
  /** JSON pointer, in the bundled document, of the schema of this response's JSON body. */
  schemaPointer: string;
  /** ajv's verdict (strict mode): true when the body satisfies the spec. */
  ajvValid: boolean;
  /** What ajv found wrong (empty when valid). */
  ajvViolations: Violation[];
}

/** Fills every path parameter with this id; the only path parameter of the spec is a log's UUID. */
const SAMPLE_ID = "c22d24f6-5a47-4597-9a23-c7d01e696b92";

/** A body of the `valid/deleted-log` fixture with one field changed, each at an edge where format rules part ways. */
export const FORMAT_PROBES = [
  { label: "probe: id is a UUID v7", field: "id", value: "0190a6f2-7c3e-7a1b-8c2d-3e4f5a6b7c8d" },
  { label: "probe: id is the nil UUID", field: "id", value: "00000000-0000-0000-0000-000000000000" },
  { label: "probe: id is a UUID URN", field: "id", value: "urn:uuid:9b2d4f60-1a3c-4e5f-8a7b-6c5d4e3f2a10" },
  { label: "probe: id in upper case", field: "id", value: "9B2D4F60-1A3C-4E5F-8A7B-6C5D4E3F2A10" },
  { label: "probe: date-time without an offset", field: "created_at", value: "2022-01-03T08:00:00" },
  { label: "probe: date-time on month 00, day 00", field: "created_at", value: "2022-00-00T08:00:00Z" },
  { label: "probe: date-time on February 31", field: "created_at", value: "2022-02-31T08:00:00Z" },
  { label: "probe: date-time at 25:61:61", field: "created_at", value: "2022-01-03T25:61:61Z" },
  { label: "probe: date-time with lower-case t and z", field: "created_at", value: "2022-01-03t08:00:00z" },
  { label: "probe: date-time with a space for T", field: "created_at", value: "2022-01-03 08:00:00Z" },
] as const;

interface Operation {
  method: string;
  url: string;
  /** status → JSON pointer of the JSON body schema, where the walker found it (after the response's `$ref`s). */
  responses: Map<string, string>;
}

function serverBase(doc: OpenApiDocument): string {
  const server = doc.servers?.[0] as { url: string; variables?: Record<string, { default: string }> } | undefined;
  if (!server) return "http://localhost";
  return server.url.replace(/\{([^}]+)\}/g, (_, name: string) => server.variables?.[name]?.default ?? name);
}

function operations(doc: OpenApiDocument): Map<string, Operation> {
  const byId = new Map<string, Operation>();
  const base = serverBase(doc);
  for (const { operationId, method, path, responses } of walkOperations(doc)) {
    if (operationId === undefined) continue;
    const schemas = new Map(
      responses.flatMap(({ status, json }) => (json ? [[status, json.schemaPointer] as const] : [])),
    );
    byId.set(operationId, {
      method: method.toUpperCase(),
      url: base + path.replace(/\{[^}]+\}/g, SAMPLE_ID),
      responses: schemas,
    });
  }
  return byId;
}

/** Every example response, contract fixture and format probe, judged by ajv, for the bundled document `doc`. */
export function verdictCases(doc: OpenApiDocument): VerdictCase[] {
  const ops = operations(doc);
  const make = (label: string, operationId: string, status: number | string, body: unknown): VerdictCase => {
    const op = ops.get(operationId);
    const response = op?.responses.get(String(status));
    if (!op || !response) throw new Error(`${label}: the document has no ${operationId} response ${status}`);
    const ajvViolations = validateResponse(operationId as OperationId, status, body, { mode: "strict" });
    return {
      label,
      operationId: operationId as OperationId,
      status: Number(status),
      body,
      url: op.url,
      method: op.method,
      schemaPointer: response,
      ajvValid: ajvViolations.length === 0,
      ajvViolations,
    };
  };

  const examples = responseSchemas(doc).flatMap((response) =>
    Object.entries(response.examples).map(([name, body]) =>
      make(`example: ${response.operationId} ${response.status} ${name}`, response.operationId, response.status, body),
    ),
  );
  const valid = loadFixtureTable("valid");
  const fixtures = [
    ...valid.map((f) => make(`valid/${f.file}`, f.operationId, f.status, f.body)),
    ...loadFixtureTable("invalid").map((f) => make(`invalid/${f.file}`, f.operationId, f.status, f.body)),
  ];
  const probeBase = valid.find((f) => f.file === "deleted-log");
  if (!probeBase) throw new Error("the format probes start from the valid/deleted-log fixture, which is missing");
  const probes = FORMAT_PROBES.map(({ label, field, value }) =>
    make(label, probeBase.operationId, probeBase.status, { ...(probeBase.body as object), [field]: value }),
  );
  return [...examples, ...fixtures, ...probes];
}
