// Every supervised child that has not exited yet is killed when this process exits or is interrupted.
import type { ChildProcess } from "node:child_process";

const running = new Set<ChildProcess>();
let installed = false;

function killAllNow(): void {
  for (const child of running) {
    try {
      child.kill("SIGKILL");
    } catch {
      // already gone
    }
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on("exit", killAllNow);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = (): void => {
      killAllNow();
      // When nobody else handles the signal, restore its default effect (terminate) as if we had never listened.
      if (process.listenerCount(signal) === 1) {
        process.removeListener(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}

/** Kills `child` with this process, until it exits on its own. */
export function killOnExit(child: ChildProcess): void {
  install();
  running.add(child);
  const forget = (): void => void running.delete(child);
  child.once("exit", forget);
  child.once("error", forget);
}
