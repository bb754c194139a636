// Progress for pipes, CI logs and --verbose: one line per event, `HH:MM:SS step status message`, and
// nothing else (no list drawn up front, no escape codes, no spinner). A step's own lines always show;
// tool output (builds, pushes, helm) shows with --verbose, and otherwise only when its step fails.
import type { Writable } from 'node:stream';
import type { StepReport } from '../graph/runner.js';
import { cleanLine, KEPT_LINES, LineTail } from './lines.js';
import type { Progress, StepInfo, WaitReason } from './progress.js';
import { progressTexts as t } from './texts.js';
import { clockTime, formatDuration, formatLimit } from './time.js';

export class PlainProgress implements Progress {
  private width = 4;
  private readonly limits = new Map<string, number | undefined>();
  private readonly tails = new Map<string, LineTail>();
  private readonly statuses = new Map<string, string>();
  private readonly now: () => number;
  private readonly verbose: boolean;

  constructor(
    private readonly out: Writable,
    options: { verbose?: boolean; now?: () => number } = {},
  ) {
    this.verbose = !!options.verbose;
    this.now = options.now ?? Date.now;
  }

  begin(steps: readonly StepInfo[]): void {
    this.width = Math.max(this.width, ...steps.map((s) => s.name.length));
    for (const s of steps) this.limits.set(s.name, s.limitMs);
  }

  // Waiting is the absence of a `start` line: printing it would list every step up front again.
  waiting(_step: string, _reason: WaitReason): void {}

  started(step: string, at: number): void {
    const limit = this.limits.get(step);
    this.line(step, t.started, limit === undefined ? '' : t.limit(formatLimit(limit)), at);
  }

  status(step: string, text: string): void {
    if (this.statuses.get(step) === text) return;
    this.statuses.set(step, text);
    this.line(step, t.statusLine, cleanLine(text));
  }

  log(step: string, line: string): void {
    this.line(step, t.logLine, cleanLine(line));
  }

  output(step: string, line: string): void {
    const clean = cleanLine(line);
    if (clean === '') return;
    if (this.verbose) this.line(step, t.outputLine, clean);
    else this.tail(step).push(clean);
  }

  ended(r: StepReport): void {
    if (r.status === 'failed' && !this.verbose) {
      const tail = this.tails.get(r.name);
      if (tail && tail.dropped > 0) this.line(r.name, t.outputLine, t.hiddenLines(tail.dropped));
      for (const l of tail?.all() ?? []) this.line(r.name, t.outputLine, l);
    }
    this.tails.delete(r.name);
    const took = r.status === 'blocked' || r.status === 'cancelled' ? '' : formatDuration(r.durationMs);
    const message = r.status === 'blocked' ? (r.message ?? t.blockedWhy) : (r.message ?? '');
    this.line(r.name, t.ended[r.status], [took, cleanLine(message)].filter(Boolean).join('  '));
  }

  async end(): Promise<void> {}

  private tail(step: string): LineTail {
    let tail = this.tails.get(step);
    if (!tail) this.tails.set(step, (tail = new LineTail(KEPT_LINES)));
    return tail;
  }

  private line(step: string, status: string, message: string, at = this.now()): void {
    this.out.write(`${`${clockTime(at)} ${step.padEnd(this.width)} ${status.padEnd(12)} ${message}`.trimEnd()}\n`);
  }
}
