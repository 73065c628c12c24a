// The proxy's judging thread: a worker the proxy command starts (src/proxy/judging-thread.ts). It loads the spec the
// main thread loaded (`--spec`), owns the session that judges, the proposal and the recording, and serves the main
// thread's messages (src/proxy/judging-service.ts) until the main thread ends it.
import { parentPort, workerData } from "node:worker_threads";
import type { CheckName } from "../../findings/checks.ts";
import { Proposal } from "../../propose/proposal.ts";
import { type JudgingParts, JudgingService } from "../../proxy/judging-service.ts";
import { ProxySession } from "../../proxy/proxy-session.ts";
import { CommandFailure } from "../command-failure.ts";
import { useSpecFlag } from "../spec-flag.ts";
import { UsageError } from "../usage-error.ts";
import { openRecording } from "./proxy-recording.ts";

/** What the judging thread is started with: the flags it needs, as plain data. */
export interface JudgingSetup {
  spec: string | undefined;
  /** The upstream origin. */
  upstream: string;
  strict: boolean;
  checks: readonly CheckName[] | undefined;
  skipChecks: readonly CheckName[] | undefined;
  maxBodyBytes: number;
  record: string | undefined;
  propose: boolean;
  quiet: boolean;
}

async function judgingParts(setup: JudgingSetup, service: JudgingService): Promise<JudgingParts> {
  const spec = await useSpecFlag(setup.spec);
  const proposal = setup.propose ? new Proposal(spec?.document) : undefined;
  const session = new ProxySession({
    upstream: new URL(setup.upstream),
    strict: setup.strict,
    checks: setup.checks,
    skipChecks: setup.skipChecks,
    maxBodyBytes: setup.maxBodyBytes,
    onExchange: proposal?.observe,
    onSecrets: service.collected,
    now: Date.now,
  });
  const recording = await openRecording(setup.record, session);
  return {
    session,
    record: recording?.record,
    temporaryFile: recording?.writingTo,
    async finish() {
      const messages = recording ? await recording.close(setup.quiet) : [];
      if (!proposal) return { messages };
      const { yaml, actions } = proposal.render();
      return { messages, proposal: { yaml, actions } };
    },
    abort: async () => recording?.abort(),
  };
}

if (parentPort) {
  const service = new JudgingService(parentPort);
  judgingParts(workerData as JudgingSetup, service).then(
    (parts) => service.serve(parts),
    (error: unknown) => {
      // A flag's refusal is the main thread's to print; anything else fails the thread.
      if (error instanceof UsageError || error instanceof CommandFailure) service.refuse([...error.lines] as [string]);
      else throw error;
    },
  );
}
