import { describe, expect, it } from 'vitest';
import type { Adapters } from '../../../src/adapters/types.js';
import { AbortedError, StepFailure, ToolError } from '../../../src/core/errors.js';
import { runGraph, type RunnerOptions } from '../../../src/graph/runner.js';
import type { Step, StepContext } from '../../../src/graph/step.js';
import type { LifesubEvent } from '../../../src/output/events.js';
import { testSettings } from '../../fakes/context.js';

const noAdapters = new Proxy(
  {},
  {
    get: (_t, p) => {
      throw new Error(`unexpected adapter use: ${String(p)}`);
    },
  },
) as Adapters;

function step(name: string, needs: string[], run: (ctx: StepContext) => Promise<unknown> = async () => undefined, extra: Partial<Step> = {}): Step {
  return { name, title: name, needs, plan: () => [], run: run as Step['run'], ...extra };
}

function options(events: LifesubEvent[] = [], signal = new AbortController().signal): RunnerOptions {
  return { settings: testSettings(), adapters: noAdapters, signal, events: { emit: (e) => events.push(e) }, renderer: 'silent' };
}

describe('runGraph', () => {
  it('starts a step only after all its needs are done, and independent steps concurrently', async () => {
    const log: string[] = [];
    const slow = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`end ${name}`);
    };
    const result = await runGraph([step('a', [], slow('a', 40)), step('b', [], slow('b', 10)), step('c', ['a', 'b'], slow('c', 1))], options());
    expect(result.ok).toBe(true);
    // a and b overlap; c only after both ended
    expect(log.slice(0, 2).sort()).toEqual(['start a', 'start b']);
    expect(log.indexOf('start c')).toBeGreaterThan(log.indexOf('end a'));
    expect(log.indexOf('start c')).toBeGreaterThan(log.indexOf('end b'));
  });

  it('passes facts from one step to the next and reports skipped steps', async () => {
    const result = await runGraph(
      [
        step('addr', [], async (ctx) => {
          ctx.facts.webAddress = '1.2.3.4';
          return { skipped: 'already there' };
        }),
        step('use', ['addr'], async (ctx) => ({ message: `web at ${ctx.facts.webAddress}` })),
      ],
      options(),
    );
    expect(result.reports.map((r) => [r.name, r.status, r.message])).toEqual([
      ['addr', 'skipped', 'already there'],
      ['use', 'done', 'web at 1.2.3.4'],
    ]);
  });

  it('turns a failure into a named StepFailure, aborts running steps and does not run dependents', async () => {
    const events: LifesubEvent[] = [];
    let sawAbort = false;
    const result = await runGraph(
      [
        step('boom', [], async () => {
          throw new ToolError('helm exited with code 1', 'check the chart');
        }),
        step(
          'waiter',
          [],
          (ctx) =>
            new Promise((_r, reject) =>
              ctx.signal.addEventListener('abort', () => {
                sawAbort = true;
                reject(new AbortedError());
              }),
            ),
        ),
        step('after', ['boom'], async () => {
          throw new Error('must not run');
        }),
      ],
      options(events),
    );
    expect(result.ok).toBe(false);
    expect(result.failure).toBeInstanceOf(StepFailure);
    expect(result.failure?.step).toBe('boom');
    expect(result.failure?.hint).toBe('check the chart');
    expect(sawAbort).toBe(true);
    const status = Object.fromEntries(result.reports.map((r) => [r.name, r.status]));
    expect(status).toEqual({ boom: 'failed', waiter: 'cancelled', after: 'blocked' });
    // Only the real failure is a failed event; the cancelled and the not-run steps end skipped, saying why.
    const last = (step: string) => events.filter((e) => e.type === 'step' && e.step === step).at(-1);
    expect(last('waiter')).toMatchObject({ status: 'skipped', message: 'cancelled' });
    expect(last('after')).toMatchObject({ status: 'skipped', message: 'not run: a step it needs did not finish' });
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'step', step: 'boom', status: 'failed', message: 'helm exited with code 1', hint: 'check the chart' }),
    );
  });

  it('fails a step that exceeds its own time limit, naming the limit', async () => {
    const settings = testSettings();
    settings.config.timeouts.smoke = '50ms';
    const result = await runGraph(
      [step('smoke', [], (ctx) => new Promise((_r, reject) => ctx.signal.addEventListener('abort', () => reject(new AbortedError()))), { timeout: 'smoke' })],
      { ...options(), settings },
    );
    expect(result.failure?.step).toBe('smoke');
    expect(result.failure?.message).toContain('timed out after 50ms');
  });

  it('reports Ctrl-C as interrupted, not as a failure', async () => {
    const ctl = new AbortController();
    const pending = runGraph(
      [step('wait', [], (ctx) => new Promise((_r, reject) => ctx.signal.addEventListener('abort', () => reject(new AbortedError()))))],
      options([], ctl.signal),
    );
    setTimeout(() => ctl.abort(new AbortedError('interrupted')), 20);
    const result = await pending;
    expect(result.interrupted).toBe(true);
    expect(result.failure).toBeUndefined();
    expect(result.reports[0]?.status).toBe('cancelled');
  });

  it('bounds concurrency per pool', async () => {
    const settings = testSettings();
    settings.config.concurrency.builds = 1;
    let running = 0;
    let peak = 0;
    const build = async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 15));
      running--;
    };
    const result = await runGraph(
      ['x', 'y', 'z'].map((n) => step(n, [], build, { pool: 'builds' })),
      { ...options(), settings },
    );
    expect(result.ok).toBe(true);
    expect(peak).toBe(1);
  });

  it('masks known secrets in messages and log events', async () => {
    const events: LifesubEvent[] = [];
    const result = await runGraph(
      [
        step('login', [], async (ctx) => {
          ctx.facts.registryPassword = 'hunter2-secret';
          ctx.log('logging in with hunter2-secret');
          return { message: 'used hunter2-secret' };
        }),
      ],
      options(events),
    );
    expect(result.reports[0]?.message).toBe('used ***');
    expect(JSON.stringify(events)).not.toContain('hunter2-secret');
  });

  it('rejects a graph with a missing need or a cycle before running anything', async () => {
    await expect(runGraph([step('a', ['nope'])], options())).rejects.toThrow(/unknown step 'nope'/);
    await expect(runGraph([step('a', ['b']), step('b', ['a'])], options())).rejects.toThrow(/cycle/);
  });
});

describe('runGraph after a failure', () => {
  it('settles every step, so dependents of not-run steps do not wait forever', async () => {
    const result = await runGraph(
      [
        step('a', [], async () => {
          throw new ToolError('a broke');
        }),
        step('b', ['a']),
        step('c', ['b']),
        step('d', ['c', 'b']),
      ],
      options(),
    );
    expect(result.reports.map((r) => r.status)).toEqual(['failed', 'blocked', 'blocked', 'blocked']);
  });
});
