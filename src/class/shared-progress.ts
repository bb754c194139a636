// The shared part of `class up` (preflight, clones, chart repositories, ingress, jars, the four images)
// shown as one more row of the class view, `class`, like a student's: running with the steps in
// progress, then ready, failed or interrupted. In plain mode the single-student line view
// (src/output/plain-progress.ts) prints each step's start and end (and, with --verbose, every tool line)
// through `inner`, so a CI log is never silent for the minutes the images take.
import type { StepReport } from '../graph/runner.js';
import { silentProgress, type Progress, type StepInfo, type WaitReason } from '../output/progress.js';
import type { StudentOutcome } from './progress.js';

/** The ID the shared part's row and NDJSON events carry. */
export const SHARED_ID = 'class';

/** How many running step names the row shows before `+N`. */
const SHOWN_STEPS = 2;

/** A Progress for the shared graph run that keeps `row` current and passes every call on to `inner`. */
export class SharedProgress implements Progress {
  readonly row: StudentOutcome = { id: SHARED_ID, namespace: '-', phase: 'waiting' };
  private readonly running: string[] = [];
  private failed?: StepReport;
  private cancelled = false;

  /** `onEnd` gets the row once the run is over (its phase final). */
  constructor(
    private readonly now: () => number,
    private readonly inner: Progress = silentProgress,
    private readonly onEnd: (row: StudentOutcome) => void = () => undefined,
  ) {}

  begin(steps: readonly StepInfo[]): void | Promise<void> {
    this.row.phase = 'running';
    this.row.startedMs = this.now();
    return this.inner.begin(steps);
  }

  waiting(step: string, reason: WaitReason): void {
    this.inner.waiting(step, reason);
  }

  started(step: string, at: number): void {
    this.running.push(step);
    this.row.step = this.label();
    this.inner.started(step, at);
  }

  status(step: string, text: string): void {
    this.inner.status(step, text);
  }

  log(step: string, line: string): void {
    this.inner.log(step, line);
  }

  output(step: string, line: string): void {
    this.inner.output(step, line);
  }

  ended(report: StepReport): void {
    const i = this.running.indexOf(report.name);
    if (i >= 0) this.running.splice(i, 1);
    if (report.status === 'failed') this.failed ??= report;
    if (report.status === 'cancelled') this.cancelled = true;
    this.row.step = this.label();
    this.inner.ended(report);
  }

  async end(): Promise<void> {
    await this.inner.end();
    const r = this.row;
    r.durationMs = this.now() - (r.startedMs ?? this.now());
    if (this.failed) Object.assign(r, { phase: 'failed', step: this.failed.name, cause: this.failed.message });
    else Object.assign(r, { phase: this.cancelled ? 'interrupted' : 'ready', step: undefined });
    this.onEnd(r);
  }

  /** `image:member, image:mysub +2`: the steps running now, in the order they started. */
  private label(): string | undefined {
    if (this.running.length === 0) return undefined;
    const rest = this.running.length - SHOWN_STEPS;
    return `${this.running.slice(0, SHOWN_STEPS).join(', ')}${rest > 0 ? ` +${rest}` : ''}`;
  }
}
