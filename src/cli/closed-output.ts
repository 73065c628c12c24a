// A reader that stops early (`video-logs list | head`) closes our stdout; the command then stops and ends quietly.

/** Ends when stdout can take no more output: the reader closed the pipe (EPIPE) or writing failed otherwise. */
export function watchStdoutClosed(stdout: NodeJS.WritableStream): AbortSignal {
  const controller = new AbortController();
  // Without a listener, the stream's error would be thrown as an uncaught exception with a stack trace.
  stdout.on("error", (error: Error) => controller.abort(error));
  return controller.signal;
}

/** True when the only problem is that the reader went away, which is not worth a word on stderr. */
export function isClosedPipe(reason: unknown): boolean {
  return (reason as NodeJS.ErrnoException | undefined)?.code === "EPIPE";
}
