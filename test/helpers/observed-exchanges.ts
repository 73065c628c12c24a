// Drifted answers served by a real loopback server and received through the real client, as the exchanges a check
// hands to its `onExchange`: each answer is served once, in order, to the operation it names.
import { Buffer } from "node:buffer";
import { createVideoLogsClient } from "../../src/client/create-client.ts";
import type { Exchange } from "../../src/client/exchange.ts";
import { startLocalServer } from "./local-server.ts";
import { API_TOKEN, PROJECT_ID, VALID_ID } from "./sample-bodies.ts";

export interface ScriptedAnswer {
  operation: "get_log" | "list_logs";
  status: number;
  /** A value is sent as JSON; a string is sent as it is. */
  body: unknown;
  contentType?: string;
  requestId?: string;
}

/** Serves the answers one by one and returns the exchanges the client received, in the same order. */
export async function observeAnswers(answers: readonly ScriptedAnswer[]): Promise<Exchange[]> {
  const server = await startLocalServer((_req, res, index) => {
    const answer = answers[index]!;
    const text = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
    res.writeHead(answer.status, {
      "content-type": answer.contentType ?? "application/json",
      "content-length": Buffer.byteLength(text),
      ...(answer.requestId ? { "x-request-id": answer.requestId } : {}),
    });
    res.end(text);
  });
  try {
    const client = createVideoLogsClient({
      baseUrl: server.url,
      projectId: PROJECT_ID,
      apiToken: API_TOKEN,
      retries: 0,
      validation: "off",
    });
    const exchanges: Exchange[] = [];
    for (const answer of answers) {
      exchanges.push(
        answer.operation === "get_log"
          ? await client.exchange("get_log", { path: { id: VALID_ID } })
          : await client.exchange("list_logs", { query: {} }),
      );
    }
    return exchanges;
  } finally {
    await server.close();
  }
}
