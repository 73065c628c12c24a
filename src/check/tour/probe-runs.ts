// The single requests each probe of the plan makes, ready to run in the pool: the sampled items by the ids the
// listings showed; an unknown id, a malformed id, an invalid or unknown parameter; wrong and no credentials.
import { CLIENT_DEFAULTS } from "../../client/defaults.ts";
import type { Exchange } from "../../client/exchange.ts";
import { operationUrl } from "../../client/exchange.ts";
import type { CheckName } from "../../findings/checks.ts";
import type { ProbeKind } from "../../findings/probe-kind.ts";
import { operationOf } from "../../operations/operation-table.ts";
import { anonymousExchange } from "../anonymous-exchange.ts";
import { compareListedItem } from "../compare-listed-item.ts";
import { judgeConformance } from "../judge-conformance.ts";
import type { Probe } from "../probe.ts";
import type { ProbeOf } from "./plan-tour.ts";
import { expectedStatuses, probeRequest } from "./probe-request.ts";
import { type Judge, runSingle, type SingleRun } from "./run-single.ts";
import { sampleIds } from "./sample-ids.ts";
import { seededUuid } from "./seeded-choice.ts";
import type { Tour } from "./tour.ts";

export function probeRuns(tour: Tour, probe: Probe): SingleRun[] {
  switch (probe.kind) {
    case "sampled-item":
      return sampledItemRuns(tour, probe);
    case "unknown-item":
    case "malformed-id":
      return [idProbeRun(tour, probe)];
    case "invalid-parameter":
      return [invalidParameterRun(tour, probe)];
    case "unknown-parameter":
      return [unknownParameterRun(tour, probe)];
    case "wrong-credentials":
    case "no-credentials":
      return [credentialsRun(tour, probe)];
    default:
      return [];
  }
}

/** The probe's status is one finding: under the check the probe serves, or status-code when that check does not run. */
function statusJudge(tour: Tour, kind: ProbeKind, probe: Probe, check: CheckName): Judge {
  const expected = expectedStatuses(kind, probe.operationId);
  return (exchange) => ({
    findings: judgeConformance(exchange, expected, tour.active.has(check) ? check : "status-code"),
  });
}

/** Sends `url` with the tour's client (or `client`) and the request's headers. */
function sender(tour: Tour, probe: Probe, url: string, headers: Record<string, string>, client = tour.client) {
  return (): Promise<Exchange> => client.exchangeUrl(probe.operationId, url, { headers, signal: tour.options.signal });
}

function sampledItemRuns(tour: Tour, probe: ProbeOf<"sampled-item">): SingleRun[] {
  const operation = operationOf(probe.operationId);
  const listed = tour.seen.get(probe.listOperationId) ?? new Map<string, unknown>();
  const parameter = operation.parameters.find((candidate) => candidate.name === probe.idParameter);
  return sampleIds([...listed.keys()], parameter?.schema, tour.sample).map((id) => () => {
    const request = probeRequest(tour, "sampled-item", probe.operationId, `${probe.operationId} ${id}`);
    const url = operationUrl(tour.client.baseUrl, operation, { path: { [probe.idParameter]: id } });
    return runSingle(tour, request, sender(tour, probe, url, request.headers), (exchange) => {
      const findings = judgeConformance(exchange, request.expectedStatus, "status-code");
      if (exchange.response.status === 200 && exchange.parsed.ok) {
        findings.push(
          ...compareListedItem(listed.get(id), exchange.parsed.body, probe.listOperationId, exchange.redactor),
        );
      }
      return { findings };
    });
  });
}

function idProbeRun(tour: Tour, probe: ProbeOf<"unknown-item" | "malformed-id">): SingleRun {
  const operation = operationOf(probe.operationId);
  const id = probe.kind === "unknown-item" ? seededUuid(tour.seed, `${probe.operationId} unknown-item`) : probe.value;
  const name =
    probe.kind === "unknown-item"
      ? `${probe.operationId} of an unknown id`
      : `${probe.operationId} of a malformed id ${id}`;
  const request = probeRequest(tour, probe.kind, probe.operationId, name);
  const url = operationUrl(tour.client.baseUrl, operation, { path: { [probe.idParameter]: id } });
  const judge = statusJudge(tour, probe.kind, probe, "negative-data");
  return () => runSingle(tour, request, sender(tour, probe, url, request.headers), judge);
}

function invalidParameterRun(tour: Tour, probe: ProbeOf<"invalid-parameter">): SingleRun {
  const name = `${probe.operationId} with ${probe.parameter}=${probe.value} (${probe.why})`;
  const request = probeRequest(tour, probe.kind, probe.operationId, name);
  const url = operationUrl(tour.client.baseUrl, operationOf(probe.operationId), {
    query: { [probe.parameter]: probe.value },
  });
  const judge = statusJudge(tour, probe.kind, probe, "negative-data");
  return () => runSingle(tour, request, sender(tour, probe, url, request.headers), judge);
}

function unknownParameterRun(tour: Tour, probe: ProbeOf<"unknown-parameter">): SingleRun {
  const name = `${probe.operationId} with an unknown parameter ${probe.parameter}`;
  const request = probeRequest(tour, probe.kind, probe.operationId, name);
  const url = operationUrl(tour.client.baseUrl, operationOf(probe.operationId), { query: { [probe.parameter]: "1" } });
  return () =>
    runSingle(tour, request, sender(tour, probe, url, request.headers), (exchange) => {
      const { status } = exchange.response;
      const verdict = status < 300 ? "accepted" : "refused";
      return {
        findings: judgeConformance(exchange, request.expectedStatus, "status-code"),
        notes: [
          `negative-data: the unknown query parameter ${probe.parameter} was ${verdict} (${status}); the spec does not say it is rejected`,
        ],
      };
    });
}

/** Wrong credentials go with the wrong-credentials client; none, with a plain fetch that has no client. */
function credentialsRun(tour: Tour, probe: ProbeOf<"wrong-credentials" | "no-credentials">): SingleRun {
  const operation = operationOf(probe.operationId);
  const judge = statusJudge(tour, probe.kind, probe, "authentication");
  if (probe.kind === "wrong-credentials") {
    const wrong = tour.options.wrongCredentialsClient!;
    const request = probeRequest(tour, probe.kind, probe.operationId, `${probe.operationId} with wrong credentials`);
    const url = operationUrl(wrong.baseUrl, operation, { query: probe.query });
    return () => runSingle(tour, request, sender(tour, probe, url, request.headers, wrong), judge);
  }
  const request = probeRequest(tour, probe.kind, probe.operationId, `${probe.operationId} without credentials`);
  const url = operationUrl(tour.client.baseUrl, operation, { query: probe.query });
  const { signal, fetch } = tour.options;
  const options = {
    timeoutMs: tour.timeoutMs,
    maxBodyBytes: CLIENT_DEFAULTS.maxBodyBytes.value,
    userAgent: "video-logs-check",
    signal,
    fetch,
  };
  return () => runSingle(tour, request, () => anonymousExchange(operation, url, options), judge);
}
