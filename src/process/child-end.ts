// How a child process ended, learnt from its "exit" event, or from its "error" event when it could not be spawned.
import type { ChildProcess } from "node:child_process";

export class ChildEnd {
  /** Resolves once the child has exited or failed to spawn. */
  readonly ended: Promise<void>;
  hasEnded = false;
  private spawnError: Error | undefined;

  constructor(private readonly child: ChildProcess) {
    this.ended = new Promise<void>((resolveEnd) => {
      const end = (): void => {
        this.hasEnded = true;
        resolveEnd();
      };
      child.once("exit", end);
      child.once("error", (error) => {
        this.spawnError = error;
        end();
      });
    });
  }

  /** "exited early (code 1, signal none)" or "could not be started (…)"; undefined while the child runs. */
  description(): string | undefined {
    if (this.spawnError) return `could not be started (${this.spawnError.message})`;
    if (!this.hasEnded) return undefined;
    return `exited early (code ${this.child.exitCode ?? "none"}, signal ${this.child.signalCode ?? "none"})`;
  }
}
