// Runs a step graph: every step starts the moment all of its needs are done (bounded by its pool).
// The first failure stops the run: running steps are aborted (they are idempotent, so the next `up`
// picks up where this one stopped) and their dependents are reported as not run. Ctrl-C and the
// overall --timeout arrive through `signal`; a step's own timeout aborts only it. The runner draws
// nothing: it tells `progress` (src/output/progress.ts) and `events` (NDJSON) what happens.
import type { Adapters } from '../adapters/types.js';
import { AbortedError, StepFailure, ToolError, isAbort, messageOf, type Hinted } from '../core/errors.js';
import { parseDuration, type Settings } from '../config/schema.js';
import type { EventSink } from '../output/events.js';
import { cleanLine } from '../output/lines.js';
import { silentProgress, type Progress } from '../output/progress.js';
import { knownSecrets, maskSecrets } from '../output/secrets.js';
import { remainingPath, Semaphore } from './pools.js';
import type { Facts, Pool, Step, StepOutcome } from './step.js';
import { topoOrder, validateGraph } from './validate.js';

/** Kept for callers of the earlier API, where listr2 drew inside the runner; the view is now `progress`. */
export type RendererName = 'default' | 'simple' | 'verbose' | 'silent';

export interface RunnerOptions {
  settings: Settings;
  adapters: Adapters;
  /** Fires on Ctrl-C (reason AbortedError) or the overall deadline (reason ToolError). */
  signal: AbortSignal;
  events: EventSink;
  /** Who shows the run to a person (default: nobody). */
  progress?: Progress;
  /** Ignored (see RendererName). */
  renderer?: RendererName;
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

export async function runGraph(steps: readonly Step[], opts: RunnerOptions): Promise<GraphResult> {
  validateGraph(steps, Object.keys(opts.facts ?? {}));
  const order = topoOrder(steps);
  const now = opts.now ?? Date.now;
  const facts: Facts = opts.facts ?? {};
  const progress = opts.progress ?? silentProgress;
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
  const ended = new Set<string>();
  for (const s of order) finished.set(s.name, new Promise<boolean>((r) => settle.set(s.name, r)));
  const reports = new Map<string, StepReport>();
  let failure: StepFailure | undefined;
  const redact = (text: string): string => maskSecrets(text, knownSecrets(facts));
  const limitOf = (step: Step): number | undefined => (step.timeout ? parseDuration(timeouts[step.timeout]) : undefined);

  // Whatever way a step ends (done, failed, not run), it settles once, so its dependents never hang.
  const close = (step: Step, report: StepReport, ok: boolean): void => {
    reports.set(step.name, report);
    ended.add(step.name);
    settle.get(step.name)?.(ok);
    progress.ended(report);
  };
  const report = (step: Step, status: ReportStatus, durationMs: number, message?: string): StepReport => ({
    name: step.name,
    title: step.title,
    status,
    durationMs,
    ...(message ? { message } : {}),
  });

  // Until its needs are done a step only waits, and says for what (the list shrinks as they end).
  const awaitNeeds = (step: Step): Promise<boolean[]> => {
    const pending = (): string[] => step.needs.filter((n) => !ended.has(n));
    if (pending().length > 0) progress.waiting(step.name, { needs: pending() });
    return Promise.all(
      step.needs.map((n) =>
        (finished.get(n) as Promise<boolean>).then((ok) => {
          const left = pending();
          if (left.length > 0 && ok) progress.waiting(step.name, { needs: left });
          return ok;
        }),
      ),
    );
  };

  const execute = async (step: Step): Promise<void> => {
    const depsOk = await awaitNeeds(step);
    // A step that never starts still gets one closing event, so a consumer sees every step end.
    const notRun = (status: 'blocked' | 'cancelled', why: string): void => {
      opts.events.emit({ type: 'step', step: step.name, status: 'skipped', ts: now(), durationMs: 0, message: why });
      close(step, report(step, status, 0), false);
    };
    if (!depsOk.every(Boolean)) {
      if (runSignal.aborted && !failure) notRun('cancelled', 'cancelled');
      else notRun('blocked', 'not run: a step it needs did not finish');
      return;
    }
    let release = (): void => {};
    if (step.pool) {
      progress.waiting(step.name, { pool: step.pool });
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
    const limit = limitOf(step);
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
    progress.started(step.name, started);
    // Every line reaches the JSON log events as before; the views tell a step's own lines from its tools'.
    const line =
      (show: (step: string, text: string) => void) =>
      (text: string): void => {
        // Tools' colours, cursor moves and \r progress bars stay out of every view and of the JSON events.
        const clean = cleanLine(redact(text));
        if (clean === '') return;
        show(step.name, clean);
        opts.events.emit({ type: 'log', step: step.name, ts: now(), message: clean });
      };
    try {
      const outcome: StepOutcome =
        (await step.run({
          settings: opts.settings,
          adapters: opts.adapters,
          facts,
          signal: own.signal,
          log: line((s, t) => progress.log(s, t)),
          output: line((s, t) => progress.output(s, t)),
          status: (text) => progress.status(step.name, redact(text)),
        })) ?? {};
      const durationMs = now() - started;
      if (outcome.skipped !== undefined) {
        const msg = redact(outcome.skipped);
        opts.events.emit({ type: 'step', step: step.name, status: 'skipped', ts: now(), durationMs, message: msg });
        close(step, report(step, 'skipped', durationMs, msg), true);
      } else {
        const msg = outcome.message === undefined ? undefined : redact(outcome.message);
        opts.events.emit({ type: 'step', step: step.name, status: 'done', ts: now(), durationMs, ...(msg ? { message: msg } : {}) });
        close(step, report(step, 'done', durationMs, msg), true);
      }
    } catch (err) {
      const durationMs = now() - started;
      const cause = classify(err, own.signal, opts.signal, stop.signal);
      if (cause === 'cancelled') {
        opts.events.emit({ type: 'step', step: step.name, status: 'skipped', ts: now(), durationMs, message: 'cancelled' });
        close(step, report(step, 'cancelled', durationMs), false);
        return;
      }
      failure ??= new StepFailure(step.name, cause);
      const msg = redact(messageOf(cause));
      const hint = (cause as Hinted).hint;
      opts.events.emit({ type: 'step', step: step.name, status: 'failed', ts: now(), durationMs, message: msg, ...(hint ? { hint: redact(hint) } : {}) });
      close(step, report(step, 'failed', durationMs, msg), false);
      stop.abort(new AbortedError(`stopped: step '${step.name}' failed`));
    } finally {
      if (timer) clearTimeout(timer);
      runSignal.removeEventListener('abort', forward);
      release();
    }
  };

  await progress.begin(order.map((s) => ({ name: s.name, title: s.title, needs: s.needs, ...(limitOf(s) !== undefined ? { limitMs: limitOf(s) } : {}) })));
  try {
    await Promise.all(
      order.map((step) =>
        execute(step).catch((err: unknown) => {
          // A bug in the runner itself: still end the step, so nothing waits forever.
          if (!ended.has(step.name)) {
            failure ??= new StepFailure(step.name, err);
            close(step, report(step, 'failed', 0, messageOf(err)), false);
            stop.abort(new AbortedError(`stopped: step '${step.name}' failed`));
          }
        }),
      ),
    );
  } finally {
    await progress.end();
  }
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
