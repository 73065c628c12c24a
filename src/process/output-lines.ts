// A child's output as lines: a line split across chunks is taken whole, colour codes are removed, blank lines are
// skipped, and only the last few are kept.

const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

export class OutputLines {
  private readonly kept: string[] = [];

  constructor(
    private readonly keptLines: number,
    private readonly onLine: ((line: string) => void) | undefined,
  ) {}

  /** Reads a stream's text, line by line, as it comes. */
  collect(stream: NodeJS.ReadableStream | null): void {
    if (!stream) return;
    let pending = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      pending += chunk;
      const complete = pending.split(/\r?\n/);
      pending = complete.pop() ?? "";
      for (const raw of complete) this.add(raw.replace(ANSI, ""));
    });
  }

  /** The kept lines, oldest first (a copy). */
  recent(): string[] {
    return [...this.kept];
  }

  private add(line: string): void {
    if (line.trim() === "") return;
    this.kept.push(line);
    if (this.kept.length > this.keptLines) this.kept.shift();
    this.onLine?.(line);
  }
}
