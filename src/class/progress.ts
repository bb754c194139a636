// Progress of a class run. In a terminal: one line for the shared part and one per student (state,
// current step, elapsed), redrawn in place. Elsewhere: the shared part's steps as `up` prints them, then
// one line when a student starts and when it ends. With --output json: every event of every student's
// graph as NDJSON, each carrying the student's `id` ("class" for the shared part).
import type { Writable } from 'node:stream';
import type { EventSink, LifesubEvent } from '../output/events.js';
import { PlainProgress } from '../output/plain-progress.js';
import { silentProgress, type Progress } from '../output/progress.js';
import { SharedProgress } from './shared-progress.js';

/**
 * Where a student stands (`student` and `class-summary` events carry it as `phase`): `interrupted` is a
 * student stopped by Ctrl-C (or never started because of it, or of the overall time limit), which the
 * same command continues; `failed` is a real failure with its step, cause and hint.
 */
export type StudentPhase = 'waiting' | 'running' | 'ready' | 'unchanged' | 'removed' | 'failed' | 'interrupted';

/** Where one student stands; the final table is made of these. */
export interface StudentOutcome {
  id: string;
  namespace: string;
  phase: StudentPhase;
  /** The step running now, the one that failed, or the one running when it was interrupted. */
  step?: string;
  startedMs?: number;
  durationMs?: number;
  web?: string;
  /** Why it failed, and what to do. */
  cause?: string;
  hint?: string;
}

export type ProgressMode = 'tty' | 'plain' | 'json';

/**
 * The view for a class run, as `up` chooses its own (src/output/progress.ts): NDJSON for json; lines for
 * pipes, CI (`CI` set) and --verbose (every tool line, which a redrawn list cannot hold); else the live list.
 */
export function classProgressMode(json: boolean, verbose: boolean, stdout: { isTTY?: boolean }, env: NodeJS.ProcessEnv): ProgressMode {
  if (json) return 'json';
  return stdout.isTTY && !env.CI && !verbose ? 'tty' : 'plain';
}

const REDRAW_MS = 250;

export class ClassProgress {
  private readonly students = new Map<string, StudentOutcome>();
  private timer?: NodeJS.Timeout;
  private drawn = 0;
  private shared?: SharedProgress;

  constructor(
    private readonly out: Writable,
    private readonly mode: ProgressMode,
    private readonly now: () => number = Date.now,
  ) {}

  add(id: string, namespace: string): void {
    this.students.set(id, { id, namespace, phase: 'waiting' });
  }

  /** Starts redrawing (terminal mode only). */
  start(): void {
    if (this.mode === 'tty') this.timer = setInterval(() => this.draw(), REDRAW_MS);
  }

  /** Stops redrawing and draws the last frame; once (later calls do nothing). */
  stop(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.draw();
  }

  /**
   * The view of the shared graph run (the runner's `progress`): a `class` row above the students in a
   * terminal; in plain mode each step's start and end (every tool line with `verbose`) and a closing
   * `class` line like a student's; nothing for json (the sink carries its events).
   */
  sharedView(verbose: boolean): Progress {
    if (this.mode === 'json') return silentProgress;
    const inner = this.mode === 'plain' ? new PlainProgress(this.out, { verbose, now: this.now }) : silentProgress;
    const onEnd = (row: StudentOutcome) => {
      if (this.mode === 'plain') this.out.write(`${lineOf(row, this.now())}\n`);
    };
    this.shared = new SharedProgress(this.now, inner, onEnd);
    return this.shared;
  }

  /** An event sink for one graph run: events tagged with `id` (a student's, or "class" for the shared build). */
  sink(id: string): EventSink {
    return {
      emit: (event: LifesubEvent) => {
        if (this.mode === 'json') {
          if (event.type !== 'log') this.out.write(`${JSON.stringify({ ...event, id })}\n`);
          return;
        }
        const s = this.students.get(id);
        if (s && event.type === 'step' && event.status === 'start') s.step = event.step;
      },
    };
  }

  update(id: string, patch: Partial<StudentOutcome>): void {
    const s = this.students.get(id);
    if (!s) return;
    Object.assign(s, patch);
    if (patch.phase === 'running') s.startedMs = this.now();
    if (patch.phase && patch.phase !== 'running' && patch.phase !== 'waiting' && s.startedMs !== undefined) s.durationMs = this.now() - s.startedMs;
    if (this.mode === 'plain' && patch.phase) this.out.write(`${lineOf(s, this.now())}\n`);
    if (this.mode === 'json' && patch.phase && patch.phase !== 'running') {
      this.out.write(`${JSON.stringify({ type: 'student', ...s, ts: this.now() })}\n`);
    }
  }

  outcomes(): StudentOutcome[] {
    return [...this.students.values()];
  }

  /** A note between the student lines (the shared build's progress), plain text modes only. */
  note(text: string): void {
    if (this.mode !== 'json') this.out.write(`${text}\n`);
  }

  /** The terminal view's lines now: the shared part's row (once it has a view), then every student's. */
  frame(): string[] {
    const rows = this.shared ? [this.shared.row, ...this.students.values()] : [...this.students.values()];
    return rows.map((s) => lineOf(s, this.now()));
  }

  private draw(): void {
    const lines = this.frame();
    // Move up over the previous drawing and overwrite it line by line (clearing each line's rest).
    const up = this.drawn > 0 ? `\x1b[${this.drawn}A` : '';
    this.out.write(`${up}${lines.map((l) => `\r${l}\x1b[K`).join('\n')}\n`);
    this.drawn = lines.length;
  }
}

const SYMBOL: Record<StudentPhase, string> = { waiting: '·', running: '…', ready: '✔', unchanged: '✔', removed: '✔', failed: '✖', interrupted: '■' };

function seconds(ms: number | undefined): string {
  return ms === undefined ? '' : `${(ms / 1000).toFixed(0)}s`;
}

/** `✔ alice     ready       42s` / `… bob       running     database:member   12s` */
export function lineOf(s: StudentOutcome, now: number): string {
  const elapsed = s.phase === 'running' && s.startedMs !== undefined ? now - s.startedMs : s.durationMs;
  const what = s.phase === 'running' ? (s.step ?? '') : problemOf(s);
  return `${SYMBOL[s.phase]} ${s.id.padEnd(12)} ${s.phase.padEnd(11)} ${seconds(elapsed).padStart(5)}  ${what}`.trimEnd();
}

/** What went wrong: `import:member: HTTP 403` for a failure, `during database:member` for an interruption, else ''. */
function problemOf(s: StudentOutcome): string {
  if (s.phase === 'failed') return s.step ? `${s.step}: ${s.cause ?? ''}` : (s.cause ?? '');
  if (s.phase === 'interrupted') return s.step ? `during ${s.step}` : (s.cause ?? '');
  return '';
}

/** The first line of `class up` in plain and terminal mode: how many students, and where the images go. */
export function classUpLine(students: number, registry: string): string {
  return `lifesub class up: ${students} student${students === 1 ? '' : 's'}; building the images once into ${registry}`;
}

/** The line `up` ends an interrupted run with (src/cli/run-graph-command.ts). */
export const INTERRUPTED_LINE = 'interrupted: stopped cleanly; run the same command again to continue.';

/**
 * The final table: failures first (with cause and hint), then the others in roster order, then the
 * count (`2 of 3 ready, 1 failed, 1 interrupted`). `done` is the word for a finished student; `web: false`
 * drops the WEB column (`class down` has no URL to show).
 */
export function formatClassTable(outcomes: readonly StudentOutcome[], options: { done?: string; web?: boolean } = {}): string {
  const { done = 'ready', web = true } = options;
  const ordered = [...outcomes.filter((o) => o.phase === 'failed'), ...outcomes.filter((o) => o.phase !== 'failed')];
  const columns: Array<[string, (o: StudentOutcome) => string]> = [
    ['ID', (o) => o.id],
    ['NAMESPACE', (o) => o.namespace],
    ['STATE', (o) => o.phase],
    ['TIME', (o) => seconds(o.durationMs)],
    ...(web ? [['WEB', (o: StudentOutcome) => o.web ?? ''] as [string, (o: StudentOutcome) => string]] : []),
    ['PROBLEM', problemOf],
  ];
  const head = columns.map(([h]) => h);
  const rows = ordered.map((o) => columns.map(([, cell]) => cell(o)));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const lines = [fmt(head), ...rows.map(fmt)];
  for (const o of ordered.filter((x) => x.phase === 'failed' && x.hint)) lines.push(`hint for ${o.id}: ${o.hint}`);
  const failed = outcomes.filter((o) => o.phase === 'failed').length;
  const interrupted = outcomes.filter((o) => o.phase === 'interrupted').length;
  const finished = outcomes.length - failed - interrupted;
  lines.push(`${finished} of ${outcomes.length} ${done}${failed ? `, ${failed} failed` : ''}${interrupted ? `, ${interrupted} interrupted` : ''}`);
  return lines.join('\n');
}
