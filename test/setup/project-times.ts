// A reporter that adds, after vitest's summary, each project's time: the wall time from its first test file's queueing
// to its last one's end, and the time its files took added up (more than the wall time when files run side by side).
import type { Reporter, TestModule } from "vitest/node";

interface Span {
  files: number;
  start: number;
  end: number;
  summed: number;
}

export default class ProjectTimes implements Reporter {
  private readonly started = new Map<string, number>();
  private readonly spans = new Map<string, Span>();

  onTestModuleQueued(module: TestModule): void {
    this.started.set(module.moduleId, performance.now());
  }

  onTestModuleEnd(module: TestModule): void {
    const end = performance.now();
    const start = this.started.get(module.moduleId) ?? end;
    const name = module.project.name || "(root)";
    const span = this.spans.get(name) ?? { files: 0, start, end, summed: 0 };
    span.files += 1;
    span.start = Math.min(span.start, start);
    span.end = Math.max(span.end, end);
    span.summed += end - start;
    this.spans.set(name, span);
  }

  onTestRunEnd(): void {
    if (this.spans.size === 0) return;
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const parts = [...this.spans].map(
      ([name, span]) =>
        `${name} ${seconds(span.end - span.start)} wall, ${seconds(span.summed)} over ${span.files} files`,
    );
    process.stdout.write(`   Projects  ${parts.join(" | ")}\n`);
  }
}
