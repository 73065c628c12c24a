/** Where a CLI command writes; injected so tests can capture output without spawning a process. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Set by runCli: aborts when stdout is closed, e.g. by `| head`; commands stop producing output then. */
  stdoutClosed?: AbortSignal;
}

/** Exit codes shared by every command. */
export const EXIT = {
  ok: 0,
  drift: 1,
  usage: 2,
} as const;
