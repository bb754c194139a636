// Progress of a class run. In a terminal: one line per student (state, current step, elapsed), redrawn
// in place. Elsewhere: one line when a student starts and when it ends. With --output json: every
// event of every student's graph as NDJSON, each carrying the student's `id`.
import type { Writable } from 'node:stream';
import type { EventSink, LifesubEvent } from '../output/events.js';

export type StudentPhase = 'waiting' | 'running' | 'ready' | 'unchanged' | 'removed' | 'failed';

/** Where one student stands; the final table is made of these. */
export interface StudentOutcome {
  id: string;
  namespace: string;
  phase: StudentPhase;
  /** The step running now, or the one that failed. */
  step?: string;
  startedMs?: number;
  durationMs?: number;
  web?: string;
  /** Why it failed, and what to do. */
  cause?: string;
  hint?: string;
}

export type ProgressMode = 'tty' | 'plain' | 'json';

const REDRAW_MS = 250;

export class ClassProgress {
  private readonly students = new Map<string, StudentOutcome>();
  private timer?: NodeJS.Timeout;
  private drawn = 0;

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

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.mode === 'tty') this.draw();
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

  private draw(): void {
    const lines = [...this.students.values()].map((s) => lineOf(s, this.now()));
    // Move up over the previous drawing and overwrite it line by line (clearing each line's rest).
    const up = this.drawn > 0 ? `\x1b[${this.drawn}A` : '';
    this.out.write(`${up}${lines.map((l) => `\r${l}\x1b[K`).join('\n')}\n`);
    this.drawn = lines.length;
  }
}

const SYMBOL: Record<StudentPhase, string> = { waiting: '·', running: '…', ready: '✔', unchanged: '✔', removed: '✔', failed: '✖' };

function seconds(ms: number | undefined): string {
  return ms === undefined ? '' : `${(ms / 1000).toFixed(0)}s`;
}

/** `✔ alice     ready       42s` / `… bob       running     database:member   12s` */
export function lineOf(s: StudentOutcome, now: number): string {
  const elapsed = s.phase === 'running' && s.startedMs !== undefined ? now - s.startedMs : s.durationMs;
  const what = s.phase === 'running' ? (s.step ?? '') : s.phase === 'failed' ? `${s.step ?? ''}: ${s.cause ?? ''}` : '';
  return `${SYMBOL[s.phase]} ${s.id.padEnd(12)} ${s.phase.padEnd(10)} ${seconds(elapsed).padStart(5)}  ${what}`.trimEnd();
}

/** The final table: failures first (with cause and hint), then the others in roster order. */
export function formatClassTable(outcomes: readonly StudentOutcome[], done = 'ready'): string {
  const ordered = [...outcomes.filter((o) => o.phase === 'failed'), ...outcomes.filter((o) => o.phase !== 'failed')];
  const rows = ordered.map((o) => [
    o.id,
    o.namespace,
    o.phase,
    seconds(o.durationMs),
    o.web ?? '',
    o.phase === 'failed' ? `${o.step ?? ''}: ${o.cause ?? ''}` : '',
  ]);
  const head = ['ID', 'NAMESPACE', 'STATE', 'TIME', 'WEB', 'PROBLEM'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const lines = [fmt(head), ...rows.map(fmt)];
  for (const o of ordered.filter((x) => x.phase === 'failed' && x.hint)) lines.push(`hint for ${o.id}: ${o.hint}`);
  const failed = outcomes.filter((o) => o.phase === 'failed').length;
  lines.push(`${outcomes.length - failed} of ${outcomes.length} ${done}${failed ? `, ${failed} failed` : ''}`);
  return lines.join('\n');
}
