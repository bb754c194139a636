import { describe, expect, it } from 'vitest';
import { remainingPath, Semaphore } from '../../../src/graph/pools.js';
import { runGraph } from '../../../src/graph/runner.js';
import type { Adapters } from '../../../src/adapters/types.js';
import type { Step } from '../../../src/graph/step.js';
import { upSteps } from '../../../src/graph/up.js';
import { testSettings } from '../../fakes/context.js';

const step = (name: string, needs: string[], extra: Partial<Step> = {}): Step => ({
  name,
  title: name,
  needs,
  plan: () => [],
  run: async () => undefined,
  ...extra,
});

describe('Semaphore', () => {
  it('gives a freed slot to the waiter with the highest priority, ties first come first served', async () => {
    const pool = new Semaphore(1);
    const signal = new AbortController().signal;
    const first = await pool.acquire(signal);
    const order: string[] = [];
    const wait = (name: string, priority: number) => pool.acquire(signal, priority).then((release) => (order.push(name), release()));
    const all = Promise.all([wait('low', 1), wait('high-a', 9), wait('mid', 5), wait('high-b', 9)]);
    first();
    await all;
    expect(order).toEqual(['high-a', 'high-b', 'mid', 'low']);
  });
});

describe('remainingPath', () => {
  it('is a step’s own cost plus its longest chain of dependents', () => {
    const path = remainingPath([
      step('a', [], { costS: 10 }),
      step('b', ['a'], { costS: 5 }),
      step('c', ['a'], { costS: 1 }),
      step('d', ['b', 'c'], { costS: 2 }),
    ]);
    expect(Object.fromEntries(path)).toEqual({ a: 17, b: 7, c: 3, d: 2 });
  });

  it('in the up graph, puts the frontend build ahead of the backend image builds', () => {
    const path = remainingPath(upSteps(testSettings(), { cleanLegacy: false }));
    for (const b of ['member', 'mysub', 'recommend']) expect(path.get('image:lifesub-web')).toBeGreaterThan(path.get(`image:${b}`) as number);
  });
});

describe('runGraph with a busy pool', () => {
  it('starts the waiting step with the longest remaining path first', async () => {
    const settings = testSettings();
    settings.config.concurrency.builds = 1;
    const started: string[] = [];
    let releaseGate = (): void => {};
    const gate = new Promise<void>((r) => (releaseGate = r));
    const build = (name: string, costS: number) => step(name, [], { pool: 'builds', costS, run: async () => void started.push(name) });
    const steps = [
      // Holds the only slot until the three builds are all waiting for it.
      step('blocker', [], { pool: 'builds', costS: 1000, run: async () => gate }),
      build('backend-1', 25),
      build('backend-2', 25),
      build('frontend', 100),
    ];
    const noAdapters = {} as Adapters;
    const run = runGraph(steps, {
      settings,
      adapters: noAdapters,
      signal: new AbortController().signal,
      events: { emit: () => undefined },
      renderer: 'silent',
    });
    await new Promise((r) => setTimeout(r, 20));
    releaseGate();
    const result = await run;
    expect(result.ok).toBe(true);
    expect(started).toEqual(['frontend', 'backend-1', 'backend-2']);
  });
});
