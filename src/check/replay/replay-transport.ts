// `check --replay`: each request of the tour answered from the recording, by its probe's identity (kind, operation,
// request name, attempt), never by URL; nothing is sent. A recorded body larger than the client's limit is refused
// as the live client refused it.
import { CLIENT_DEFAULTS } from "../../client/defaults.ts";
import type { Exchange } from "../../client/exchange.ts";
import { ResponseTooLargeError } from "../../errors/response-too-large-error.ts";
import { operationOf } from "../../operations/operation-table.ts";
import type { Redactor } from "../../redaction/redactor.ts";
import { entryBody } from "../har/entry-body.ts";
import type { HarEntry } from "../har/har-types.ts";
import { recordedExchange } from "../har/recorded-exchange.ts";
import type { ProbeIdentity, TourTransport } from "../tour/tour-transport.ts";
import { ReplayMissError } from "./replay-miss-error.ts";

const keyOf = ({ kind, operation, request, attempt }: ProbeIdentity) =>
  JSON.stringify([kind, operation, request, attempt]);

export interface ReplayAnswers {
  transport: TourTransport;
  /** How many recorded answers no request of the replay asked for. */
  unused(): number;
}

/** Answers from `entries`, each with its probe (the first entry of a probe answers it). */
export function replayTransport(
  entries: readonly { entry: HarEntry; probe: ProbeIdentity }[],
  redactor: Redactor,
): ReplayAnswers {
  const answers = new Map<string, HarEntry>();
  for (const { entry, probe } of entries) if (!answers.has(keyOf(probe))) answers.set(keyOf(probe), entry);
  const asked = new Set<string>();
  const transport: TourTransport = async (probe) => {
    const key = keyOf(probe);
    const entry = answers.get(key);
    if (!entry) throw new ReplayMissError(probe, "the live run got none, or the recording is of another tour");
    asked.add(key);
    return answerOf(probe, entry, redactor);
  };
  return { transport, unused: () => answers.size - asked.size };
}

function answerOf(probe: ProbeIdentity, entry: HarEntry, redactor: Redactor): Exchange {
  // The tour asked for it: an operation of the spec it plans from.
  const operation = operationOf(probe.operation);
  const { url } = entry.request;
  const { status, headers, content } = entry.response;
  const maxBodyBytes = CLIENT_DEFAULTS.maxBodyBytes.value;
  const body = entryBody(content, maxBodyBytes);
  if (body.kind === "too-large") throw new ResponseTooLargeError(operation.method, url, status, maxBodyBytes);
  if (body.kind === "unreadable") throw new ReplayMissError(probe, body.reason);
  if (status < 200 || status > 599) throw new ReplayMissError(probe, `its recorded status ${status} is no answer`);
  return recordedExchange(operation, url, status, headers, body.bytes, redactor);
}
