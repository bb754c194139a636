// Bounded concurrency per kind of heavy work (builds, pushes, helm): a step waits for a slot of its
// pool before it starts, so two Gradle/Docker builds never fight over a 2-core lab VM. When several
// steps wait, the one with the longest remaining path to the end of the run gets the next slot
// (critical path first): the 100 s frontend build does not queue behind 25 s backend image builds.
import { AbortedError } from '../core/errors.js';
import type { Step } from './step.js';

interface Waiter {
  priority: number;
  seq: number;
  grant(): void;
}

export class Semaphore {
  private free: number;
  private waiters: Waiter[] = [];
  private seq = 0;

  constructor(size: number) {
    this.free = size;
  }

  /**
   * Resolves with a release function once a slot is free; rejects if the signal fires first. Among
   * waiters the highest `priority` goes first, equal priorities first come, first served.
   */
  acquire(signal: AbortSignal, priority = 0): Promise<() => void> {
    if (signal.aborted) return Promise.reject(new AbortedError());
    if (this.free > 0) {
      this.free--;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        priority,
        seq: this.seq++,
        grant: () => {
          signal.removeEventListener('abort', onAbort);
          resolve(this.releaser());
        },
      };
      const onAbort = (): void => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new AbortedError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.next();
      if (next) next.grant();
      else this.free++;
    };
  }

  private next(): Waiter | undefined {
    if (this.waiters.length === 0) return undefined;
    let best = 0;
    this.waiters.forEach((w, i) => {
      const b = this.waiters[best] as Waiter;
      if (w.priority > b.priority || (w.priority === b.priority && w.seq < b.seq)) best = i;
    });
    return this.waiters.splice(best, 1)[0];
  }
}

/** Estimated seconds of a step whose declaration gives none (quick API calls and checks). */
const DEFAULT_COST_S = 1;

/**
 * For each step, the estimated seconds from its start to the end of the run along its longest chain
 * of dependents (its own `costS` included) — the pool priority. Throws nothing; unknown needs are ignored
 * (validateGraph reports them).
 */
export function remainingPath(steps: readonly Step[]): Map<string, number> {
  const dependents = new Map<string, string[]>(steps.map((s) => [s.name, []]));
  for (const s of steps) for (const n of s.needs) dependents.get(n)?.push(s.name);
  const byName = new Map(steps.map((s) => [s.name, s]));
  const memo = new Map<string, number>();
  const visit = (name: string): number => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    const tail = Math.max(0, ...(dependents.get(name) ?? []).map(visit));
    const total = (byName.get(name)?.costS ?? DEFAULT_COST_S) + tail;
    memo.set(name, total);
    return total;
  };
  for (const s of steps) visit(s.name);
  return memo;
}
