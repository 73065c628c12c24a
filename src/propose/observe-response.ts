// One observed response, read against the spec: a body that is not JSON is noted as unreadable, a status the operation
// does not declare as a new status, and any other JSON body is walked along its declared schema.
import type { Exchange } from "../client/exchange.ts";
import { requestIdOf } from "../client/request-id.ts";
import type { OpenApiDocument } from "../openapi/openapi-document.ts";
import { type WalkedOperation, walkOperations } from "../openapi/walk-operations.ts";
import { childPointer } from "./json-path.ts";
import type { ObservedIn } from "./observation.ts";
import type { Observations } from "./observations.ts";
import type { ObservedBodies } from "./observed-bodies.ts";
import { SchemaWalk } from "./walk-schema.ts";

/** The longest request id or request line quoted as evidence. */
const REQUEST_LABEL_LENGTH = 100;

/** The server's request id, or the request line when it sent none; redacted and cut. */
function requestLabel(exchange: Exchange): string {
  let label = requestIdOf(exchange.response.headers);
  if (label === undefined) {
    let target = exchange.url;
    try {
      const url = new URL(exchange.url);
      target = `${url.pathname}${url.search}`;
    } catch {
      // a recorded URL that does not parse is quoted as it is
    }
    label = `${exchange.method.toUpperCase()} ${target}`;
  }
  return exchange.redactor.cut(label, REQUEST_LABEL_LENGTH).text;
}

export class ResponseObserver {
  private readonly operations: Map<string, WalkedOperation>;
  private readonly walk: SchemaWalk;

  constructor(
    spec: OpenApiDocument,
    private readonly observations: Observations,
    /** Where each JSON body is kept for the proposal's verification; none when nothing verifies. */
    private readonly bodies?: ObservedBodies,
  ) {
    this.operations = new Map(
      walkOperations(spec).flatMap((operation) =>
        operation.operationId === undefined ? [] : [[operation.operationId, operation]],
      ),
    );
    this.walk = new SchemaWalk(spec);
  }

  observe(exchange: Exchange): void {
    const operation = this.operations.get(exchange.operationId);
    if (!operation) return;
    this.observations.responses++;
    const status = exchange.response.status;
    const observed: ObservedIn = {
      place: `${exchange.operationId} ${status}`,
      request: requestLabel(exchange),
      redactor: exchange.redactor,
    };
    if (!exchange.parsed.ok) {
      this.observations.unreadableBody(exchange.operationId, status, exchange.parsed.violation.message, observed);
      return;
    }
    this.bodies?.add(exchange.operationId, status, exchange.parsed.body, observed);
    this.observeBody(operation, status, exchange.parsed.body, observed);
  }

  /** One JSON body of an operation's response: a new status, or walked along its declared schema. */
  observeBody(operation: WalkedOperation | string, status: number, body: unknown, observed: ObservedIn): void {
    const walked = typeof operation === "string" ? this.operations.get(operation) : operation;
    if (!walked) return;
    const response = walked.responses.find((candidate) => candidate.status === String(status));
    if (!response) {
      this.observations.newStatus(childPointer(walked.pointer, "responses"), String(status), body, observed);
      return;
    }
    if (response.json)
      this.walk.walk(body, response.json.schema, response.json.schemaPointer, observed, this.observations);
  }
}
