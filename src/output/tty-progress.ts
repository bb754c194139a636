// Progress in a terminal: a listr2 list redrawn in place. The runner decides every state; listr2 only
// draws (its DefaultRenderer over tasks whose state is set here, never run by listr2), so a step reads
// "waiting for …" until its needs are done, and spins only while it really runs, with its elapsed time
// and limit. Tool output is collapsed to the last lines under its step; a failed step's is printed
// whole once the list is released.
import type { Writable } from 'node:stream';
import {
  DefaultRenderer,
  Listr,
  ListrDefaultRendererLogLevels,
  ListrEventManager,
  ListrEventType,
  ListrLogger,
  ListrTaskState,
  ProcessOutput,
  type ListrTaskObject,
} from 'listr2';
import type { StepReport } from '../graph/runner.js';
import { cleanLine, KEPT_LINES, LineTail } from './lines.js';
import type { Progress, StepInfo, WaitReason } from './progress.js';
import { progressTexts as t } from './texts.js';
import { formatDuration, formatElapsed, formatLimit } from './time.js';

type Task = ListrTaskObject<unknown>;

export interface TtyProgressOptions {
  /** false with NO_COLOR: icons and text are drawn without colour codes. */
  color: boolean;
  now?: () => number;
  /** Tool lines shown under a running step (default 3). */
  outputLines?: number;
  /** Where listr2 may print what others write meanwhile (default process.stderr). */
  stderr?: Writable;
}

export class TtyProgress implements Progress {
  private renderer?: DefaultRenderer;
  private rendering?: Promise<void>;
  private ticker?: NodeJS.Timeout;
  private readonly tasks = new Map<string, Task>();
  private readonly info = new Map<string, StepInfo>();
  private readonly since = new Map<string, number>();
  private readonly statuses = new Map<string, string>();
  private readonly tails = new Map<string, LineTail>();
  private readonly failed: string[] = [];
  private readonly redraws = new ListrEventManager();
  private closed = false;
  private readonly now: () => number;

  constructor(
    private readonly out: Writable,
    private readonly options: TtyProgressOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async begin(steps: readonly StepInfo[]): Promise<void> {
    const outputBar = this.options.outputLines ?? 3;
    // A Listr is only the container of the tasks the renderer draws; it is never run.
    const listr = new Listr(
      steps.map((s) => ({ title: s.title, task: () => undefined, rendererOptions: { outputBar } })),
      { concurrent: true, exitOnError: false, registerSignalListeners: false, renderer: 'default', fallbackRendererCondition: () => false },
    );
    listr.tasks.forEach((task, i) => {
      const step = steps[i]!;
      this.tasks.set(step.name, task as Task);
      this.info.set(step.name, step);
      void task.check({}); // marks it enabled (drawn)
    });
    const identity = (s: string): string => s;
    const plain = Object.fromEntries(Object.values(ListrDefaultRendererLogLevels).map((level) => [level, identity]));
    this.renderer = new DefaultRenderer(
      listr.tasks as never,
      {
        ...DefaultRenderer.rendererOptions,
        formatOutput: 'truncate',
        collapseSkips: true,
        collapseErrors: true,
        showErrorMessage: true,
        logger: new ListrLogger({
          useIcons: true,
          processOutput: new ProcessOutput(this.out as NodeJS.WriteStream, (this.options.stderr ?? process.stderr) as NodeJS.WriteStream),
        }),
        ...(this.options.color ? {} : { color: plain }),
      } as never,
      this.redraws,
    );
    // Every change asks for a redraw; changes that come together (a burst of build output) get one.
    let pending = false;
    listr.events.on(ListrEventType.SHOULD_REFRESH_RENDER, () => {
      if (pending || this.closed) return;
      pending = true;
      setImmediate(() => {
        pending = false;
        // Once the list is released, a late redraw would print it a second time.
        if (!this.closed) this.redraws.emit(ListrEventType.SHOULD_REFRESH_RENDER);
      });
    });
    this.rendering = this.renderer.render();
    await this.rendering;
    // A second Ctrl-C exits at once (src/cli/signals.ts): leave the list drawn and the cursor shown.
    process.once('exit', this.release);
    // Elapsed times change once a second; the spinner redraws in between.
    this.ticker = setInterval(() => this.retitleRunning(), 1000);
    this.ticker.unref();
  }

  waiting(step: string, reason: WaitReason): void {
    const why = 'pool' in reason ? t.waitingForPool(reason.pool) : t.waitingFor(reason.needs);
    this.set(step, (task) => {
      task.title$ = `${this.title(step)} (${why})`;
    });
  }

  started(step: string, at: number): void {
    this.since.set(step, at);
    this.set(step, (task) => {
      task.state$ = ListrTaskState.STARTED;
      task.title$ = this.runningTitle(step);
    });
  }

  status(step: string, text: string): void {
    this.statuses.set(step, cleanLine(text));
    this.set(step, (task) => {
      task.title$ = this.runningTitle(step);
    });
  }

  log(step: string, line: string): void {
    this.output(step, line);
  }

  output(step: string, line: string): void {
    const clean = cleanLine(line);
    if (clean === '') return;
    this.tail(step).push(clean);
    this.set(step, (task) => {
      task.output$ = clean;
    });
  }

  ended(r: StepReport): void {
    this.since.delete(r.name);
    const title = this.title(r.name);
    const took = formatDuration(r.durationMs);
    this.set(r.name, (task) => {
      switch (r.status) {
        case 'done':
          task.title$ = `${title}${r.message ? `: ${r.message}` : ''} (${took})`;
          task.state$ = ListrTaskState.COMPLETED;
          break;
        case 'skipped':
          task.title$ = `${title}: ${t.ended.skipped}${r.message ? ` (${r.message})` : ''}`;
          task.state$ = ListrTaskState.COMPLETED;
          break;
        case 'failed':
          this.failed.push(r.name);
          task.message$ = { error: `${title}: ${r.message ?? t.ended.failed} (${took})` };
          task.state$ = ListrTaskState.FAILED;
          break;
        default:
          task.message$ = { skip: `${title}: ${t.ended[r.status]}${r.message ? ` (${r.message})` : ''}` };
          task.state$ = ListrTaskState.SKIPPED;
      }
    });
  }

  async end(): Promise<void> {
    if (this.ticker) clearInterval(this.ticker);
    await this.rendering;
    process.off('exit', this.release);
    this.release();
    for (const step of this.failed) {
      const lines = this.tails.get(step)?.all() ?? [];
      if (lines.length === 0) continue;
      this.out.write(`\n${t.fullOutputOf(step)}\n${lines.map((l) => `  ${l}\n`).join('')}`);
    }
  }

  private readonly release = (): void => {
    if (this.closed) return;
    this.closed = true;
    if (this.ticker) clearInterval(this.ticker);
    this.renderer?.end();
  };

  private title(step: string): string {
    return this.info.get(step)?.title ?? step;
  }

  private runningTitle(step: string): string {
    const since = this.since.get(step);
    const limit = this.info.get(step)?.limitMs;
    const elapsed = since === undefined ? '' : formatElapsed(this.now() - since);
    const clock = limit === undefined ? elapsed : `${elapsed} / ${formatLimit(limit)}`;
    const status = this.statuses.get(step);
    return `${this.title(step)} (${clock})${status ? `: ${status}` : ''}`;
  }

  private retitleRunning(): void {
    for (const step of this.since.keys()) this.set(step, (task) => (task.title$ = this.runningTitle(step)));
  }

  private set(step: string, change: (task: Task) => void): void {
    const task = this.tasks.get(step);
    if (task) change(task);
  }

  private tail(step: string): LineTail {
    let tail = this.tails.get(step);
    if (!tail) this.tails.set(step, (tail = new LineTail(KEPT_LINES)));
    return tail;
  }
}
