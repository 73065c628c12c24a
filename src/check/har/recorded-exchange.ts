// A recorded response as the client's Exchange: the same shape a live request yields, so it is judged by the same
// code (judgeConformance) and read by the same consumers (onExchange).
import { type Exchange, parseExchangeBody } from "../../client/exchange.ts";
import type { Operation, OperationId } from "../../operations/operation-table.ts";
import type { Redactor } from "../../redaction/redactor.ts";
import type { HarNameValue } from "./har-types.ts";

/** The recorded headers a Fetch `Headers` can hold; others (HTTP/2 pseudo-headers, invalid values) are left out. */
function headersOf(recorded: HarNameValue[]): Headers {
  const headers = new Headers();
  for (const { name, value } of recorded) {
    try {
      headers.append(name, value);
    } catch {
      // Not a header a response could carry over HTTP/1.1 (e.g. `:status`): nothing the checks read.
    }
  }
  return headers;
}

/**
 * @param url the entry's URL as a report may show it (see safeUrl)
 * @param bytes the body as recorded; the Response itself has none, as a live exchange's has already been read
 */
export function recordedExchange(
  operation: Operation,
  url: string,
  status: number,
  headers: HarNameValue[],
  bytes: Uint8Array,
  redactor: Redactor,
): Exchange {
  return {
    operationId: operation.operationId as OperationId,
    method: operation.method,
    url,
    response: new Response(null, { status, headers: headersOf(headers) }),
    bytes,
    parsed: parseExchangeBody(bytes, redactor),
    redactor,
  };
}
