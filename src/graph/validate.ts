// Structural checks of a step graph and its dependency order. A broken graph is a bug in lifesub,
// so these throw plain Errors; the tests run them over the real up/down graphs.
import type { Step } from './step.js';

/** Throws when names repeat, a need names no step, or the needs form a cycle. */
export function validateGraph(steps: readonly Step[]): void {
  const byName = new Map<string, Step>();
  for (const s of steps) {
    if (byName.has(s.name)) throw new Error(`graph: step '${s.name}' is declared twice`);
    byName.set(s.name, s);
  }
  for (const s of steps) {
    for (const n of s.needs) {
      if (!byName.has(n)) throw new Error(`graph: step '${s.name}' needs unknown step '${n}'`);
    }
  }
  topoOrder(steps); // throws on a cycle
}

/**
 * Dependency order, stable: among the steps that are ready, the one declared first comes first.
 * This is the order `--dry-run` prints and the order of the summary.
 */
export function topoOrder(steps: readonly Step[]): Step[] {
  const done = new Set<string>();
  const order: Step[] = [];
  const pending = [...steps];
  while (pending.length > 0) {
    const i = pending.findIndex((s) => s.needs.every((n) => done.has(n)));
    if (i < 0) {
      throw new Error(`graph: cycle among ${pending.map((s) => s.name).join(', ')}`);
    }
    const [next] = pending.splice(i, 1) as [Step];
    done.add(next.name);
    order.push(next);
  }
  return order;
}

/** Every step that `name` depends on, directly or not. */
export function ancestors(steps: readonly Step[], name: string): Set<string> {
  const byName = new Map(steps.map((s) => [s.name, s]));
  const seen = new Set<string>();
  const visit = (n: string): void => {
    for (const d of byName.get(n)?.needs ?? []) {
      if (!seen.has(d)) {
        seen.add(d);
        visit(d);
      }
    }
  };
  visit(name);
  return seen;
}
