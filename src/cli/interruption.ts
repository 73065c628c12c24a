// Ctrl-C and SIGTERM during a command that can stop early and still report (`check`): the first one aborts the
// command's signal, with the signal's name as its reason; a second one ends the process as usual.

export interface Interruption {
  /** Aborts on the first SIGINT or SIGTERM; its reason is the signal's name. */
  readonly signal: AbortSignal;
  /** Stops listening: a signal after this ends the process as usual. */
  stop(): void;
}

const SIGNALS = ["SIGINT", "SIGTERM"] as const;

/** Listens for SIGINT and SIGTERM until the first arrives or `stop()` is called. */
export function onProcessSignals(): Interruption {
  const controller = new AbortController();
  const stop = () => {
    for (const name of SIGNALS) process.off(name, handlers[name]);
  };
  const handlers = Object.fromEntries(
    SIGNALS.map((name) => [
      name,
      () => {
        stop();
        controller.abort(name);
      },
    ]),
  ) as Record<(typeof SIGNALS)[number], () => void>;
  for (const name of SIGNALS) process.on(name, handlers[name]);
  return { signal: controller.signal, stop };
}

/** For a caller that wants no signal handled (a test running the command in its own process). */
export function noInterruption(): Interruption {
  return { signal: new AbortController().signal, stop: () => {} };
}
