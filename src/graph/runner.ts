// Runs a step graph: every step starts the moment all of its needs are done (bounded by its pool),
// shown with listr2. The first failure stops the run: running steps are aborted (they are idempotent,
// so the next `up` picks up where this one stopped) and their dependents are reported as not run.
// Ctrl-C and the overall --timeout arrive through `signal`; a step's own timeout aborts only it.
import { Listr, type ListrTaskWrapper } from 'listr2';
import type { Adapters } from '../adapters/types.js';
import { AbortedError, StepFailure, ToolError, isAbort, messageOf, type Hinted } from '../core/errors.js';
import { parseDuration, type Settings } from '../config/schema.js';
import type { EventSink } from '../output/events.js';
import { knownSecrets, maskSecrets } from '../output/secrets.js';
import { remainingPath, Semaphore } from './pools.js';
import type { Facts, Pool, Step, StepOutcome } from './step.js';
import { topoOrder, validateGraph } from './validate.js';

export type RendererName = 'default' | 'simple' | 'verbose' | 'silent';

export interface RunnerOptions {
  settings: Settings;
  adapters: Adapters;
  /** Fires on Ctrl-C (reason AbortedError) or the overall deadline (reason ToolError). */
  signal: AbortSignal;
  events: EventSink;
  renderer: RendererName;
  facts?: Facts;
  now?: () => number;
  /** Pools shared with other graphs running at the same time (`lifesub class`); default: this run's own, sized by config.concurrency. */
  pools?: Record<Pool, Semaphore>;
}

export type ReportStatus = 'done' | 'skipped' | 'failed' | 'blocked' | 'cancelled';

export interface StepReport {
  name: string;
  title: string;
  status: ReportStatus;
  durationMs: number;
  message?: string;
}

export interface GraphResult {
  ok: boolean;
  reports: StepReport[];
  facts: Facts;
  /** The first real failure (not a cancellation). */
  failure?: StepFailure;
  interrupted: boolean;
}

/** Signal reason used for a step's own time limit. */
class StepTimeout extends ToolError {}

type Task = ListrTaskWrapper<unknown, never, never>;

export async function runGraph(steps: readonly Step[], opts: RunnerOptions): Promise<GraphResult> {
  validateGraph(steps, Object.keys(opts.facts ?? {}));
  const order = topoOrder(steps);
  const now = opts.now ?? Date.now;
  const facts: Facts = opts.facts ?? {};
  const stop = new AbortController();
  const runSignal = AbortSignal.any([opts.signal, stop.signal]);
  const { concurrency, timeouts } = opts.settings.config;
  const pools: Record<Pool, Semaphore> = opts.pools ?? {
    builds: new Semaphore(concurrency.builds),
    pushes: new Semaphore(concurrency.pushes),
    helm: new Semaphore(concurrency.helm),
    images: new Semaphore(concurrency.images),
  };
  const priority = remainingPath(steps);
  const finished = new Map<string, Promise<boolean>>();
  const settle = new Map<string, (ok: boolean) => void>();
  for (const s of order) finished.set(s.name, new Promise<boolean>((r) => settle.set(s.name, r)));
  const reports = new Map<string, StepReport>();
  let failure: StepFailure | undefined;
  const redact = (text: string): string => maskSecrets(text, knownSecrets(facts));

  const record = (step: Step, status: ReportStatus, durationMs: number, message?: string): void => {
    reports.set(step.name, { name: step.name, title: step.title, status, durationMs, ...(message ? { message } : {}) });
  };

  const execute = async (step: Step, task: Task): Promise<void> => {
    const depsOk = await Promise.all(step.needs.map((n) => finished.get(n) as Promise<boolean>));
    // A step that never starts still gets one closing event, so a consumer sees every step end.
    const notRun = (status: 'blocked' | 'cancelled', why: string): void => {
      record(step, status, 0);
      opts.events.emit({ type: 'step', step: step.name, status: 'skipped', ts: now(), durationMs: 0, message: why });
      task.skip(`${step.title} (${why})`);
    };
    if (!depsOk.every(Boolean)) {
      if (runSignal.aborted && !failure) notRun('cancelled', 'cancelled');
      else notRun('blocked', 'not run: a step it needs did not finish');
      return;
    }
    let release = (): void => {};
    if (step.pool) {
      try {
        release = await pools[step.pool].acquire(runSignal, priority.get(step.name));
      } catch {
        notRun('cancelled', 'cancelled');
        return;
      }
    }
    if (runSignal.aborted) {
      release();
      notRun('cancelled', 'cancelled');
      return;
    }
    const own = new AbortController();
    const forward = (): void => own.abort(runSignal.reason);
    runSignal.addEventListener('abort', forward, { once: true });
    const limit = step.timeout ? parseDuration(timeouts[step.timeout]) : undefined;
    const timer =
      limit === undefined
        ? undefined
        : setTimeout(
            () =>
              own.abort(
                new StepTimeout(
                  `timed out after ${timeouts[step.timeout!]}`,
                  `raise timeouts.${step.timeout} with --config, or see what it was waiting for above`,
                ),
              ),
            limit,
          );
    const started = now();
    opts.events.emit({ type: 'step', step: step.name, status: 'start', ts: started });
    try {
      const outcome: StepOutcome =
        (await step.run({
          settings: opts.settings,
          adapters: opts.adapters,
          facts,
          signal: own.signal,
          log: (line) => {
            const clean = redact(line);
            task.output = clean;
            opts.events.emit({ type: 'log', step: step.name, ts: now(), message: clean });
          },
        })) ?? {};
      const durationMs = now() - started;
      if (outcome.skipped !== undefined) {
        const msg = redact(outcome.skipped);
        record(step, 'skipped', durationMs, msg);
        opts.events.emit({ type: 'step', step: step.name, status: 'skipped', ts: now(), durationMs, message: msg });
        task.skip(`${step.title} (${msg})`);
      } else {
        const msg = outcome.message === undefined ? undefined : redact(outcome.message);
        record(step, 'done', durationMs, msg);
        opts.events.emit({ type: 'step', step: step.name, status: 'done', ts: now(), durationMs, ...(msg ? { message: msg } : {}) });
        if (msg) task.title = `${step.title}: ${msg}`;
      }
      settle.get(step.name)?.(true);
    } catch (err) {
      const durationMs = now() - started;
      const cause = classify(err, own.signal, opts.signal, stop.signal);
      if (cause === 'cancelled') {
        record(step, 'cancelled', durationMs);
        opts.events.emit({ type: 'step', step: step.name, status: 'skipped', ts: now(), durationMs, message: 'cancelled' });
        settle.get(step.name)?.(false);
        task.skip(`${step.title} (cancelled)`);
        return;
      }
      const f = new StepFailure(step.name, cause);
      failure ??= f;
      const msg = redact(messageOf(cause));
      record(step, 'failed', durationMs, msg);
      const hint = (cause as Hinted).hint;
      opts.events.emit({ type: 'step', step: step.name, status: 'failed', ts: now(), durationMs, message: msg, ...(hint ? { hint: redact(hint) } : {}) });
      settle.get(step.name)?.(false);
      stop.abort(new AbortedError(`stopped: step '${step.name}' failed`));
      throw new Error(`${step.title}: ${msg}`);
    } finally {
      if (timer) clearTimeout(timer);
      runSignal.removeEventListener('abort', forward);
      release();
    }
  };

  const listr = new Listr(
    order.map((step) => ({
      title: step.title,
      // Whatever way a step ends (done, failed, not run), it settles, so its dependents never hang;
      // the first settle wins, so a success recorded inside `execute` stays a success.
      task: (_: unknown, task: Task) => execute(step, task).finally(() => settle.get(step.name)?.(false)),
    })),
    {
      concurrent: true,
      exitOnError: false,
      registerSignalListeners: false,
      renderer: opts.renderer,
      fallbackRenderer: 'simple',
      fallbackRendererCondition: () => opts.renderer === 'default' && (!process.stdout.isTTY || !!process.env.CI),
      rendererOptions: { collapseErrors: false, collapseSkips: false, formatOutput: 'truncate' } as never,
    } as never,
  );
  await listr.run().catch(() => undefined); // failures are collected in `reports`, not thrown
  const list = order.map((s) => reports.get(s.name) ?? { name: s.name, title: s.title, status: 'cancelled' as const, durationMs: 0 });
  const interrupted = opts.signal.aborted && opts.signal.reason instanceof AbortedError;
  return { ok: !failure && !interrupted && list.every((r) => r.status === 'done' || r.status === 'skipped'), reports: list, facts, failure, interrupted };
}

/** What a thrown error means: a real failure (with the cause to report) or a cancellation. */
function classify(err: unknown, own: AbortSignal, overall: AbortSignal, stop: AbortSignal): unknown | 'cancelled' {
  if (own.reason instanceof StepTimeout && isAbort(err, own)) return own.reason;
  if (overall.aborted) {
    // The overall deadline is a failure of the step that was running; Ctrl-C is a cancellation.
    return overall.reason instanceof ToolError ? overall.reason : 'cancelled';
  }
  if (stop.aborted && isAbort(err, own)) return 'cancelled';
  return err;
}
