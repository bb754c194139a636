// Structural checks of a step graph and its dependency order. A broken graph is a bug in lifesub,
// so these throw plain Errors; the tests run them over the real up/down graphs.
import type { FactRef, Step } from './step.js';

/** The step that checks the connection; when a graph has it, every step that changes anything comes after it. */
export const PREFLIGHT = 'preflight';

/**
 * Throws (an Error naming the step and what is wrong) when:
 * - a name repeats, a step needs itself, names a step twice or names an unknown step, or the needs form a cycle;
 * - a step reads a fact that none of its ancestors writes (it would run before the fact exists) and
 *   that is not among `given` (the facts a run starts with: `lifesub class` hands each student's graph
 *   what its shared graph found);
 * - a step writes a fact that another step may read or write at the same time (neither is the other's
 *   ancestor: which value wins would depend on timing);
 * - the graph has `preflight` and a step that is not `readOnly` does not come after it.
 */
export function validateGraph(steps: readonly Step[], given: readonly string[] = []): void {
  const byName = new Map<string, Step>();
  for (const s of steps) {
    if (byName.has(s.name)) throw new Error(`graph: step '${s.name}' is declared twice`);
    byName.set(s.name, s);
  }
  for (const s of steps) {
    for (const [i, n] of s.needs.entries()) {
      if (n === s.name) throw new Error(`graph: step '${s.name}' needs itself`);
      if (!byName.has(n)) throw new Error(`graph: step '${s.name}' needs unknown step '${n}'`);
      if (s.needs.indexOf(n) !== i) throw new Error(`graph: step '${s.name}' needs '${n}' twice`);
    }
  }
  const order = topoOrder(steps); // throws on a cycle
  const above = ancestorSets(order);
  const before = (a: string, b: string): boolean => above.get(b)?.has(a) ?? false;
  for (const s of steps) {
    for (const fact of s.reads ?? []) {
      if (given.some((g) => satisfies(g as FactRef, fact))) continue;
      if (!steps.some((w) => before(w.name, s.name) && (w.writes ?? []).some((written) => satisfies(written, fact)))) {
        throw new Error(`graph: step '${s.name}' reads fact '${fact}', which none of the steps it depends on writes`);
      }
    }
  }
  for (const w of steps) {
    for (const written of w.writes ?? []) {
      for (const other of steps) {
        if (other === w || before(w.name, other.name) || before(other.name, w.name)) continue;
        const clash = [...(other.writes ?? []), ...(other.reads ?? [])].find((f) => overlaps(f, written));
        if (clash !== undefined) {
          throw new Error(`graph: step '${w.name}' writes fact '${written}' while step '${other.name}' may use '${clash}' at the same time`);
        }
      }
    }
  }
  if (byName.has(PREFLIGHT)) {
    for (const s of steps) {
      if (s.name !== PREFLIGHT && !s.readOnly && !before(PREFLIGHT, s.name)) {
        throw new Error(`graph: step '${s.name}' changes the world but does not come after '${PREFLIGHT}'`);
      }
    }
  }
}

/** A write of `written` provides a read of `read`: the same fact, or the whole record of which `read` is an entry. */
function satisfies(written: FactRef, read: FactRef): boolean {
  return written === read || read.startsWith(`${written}.`);
}

/** Two declarations touch the same data: equal, or one is an entry of the other. */
function overlaps(a: FactRef, b: FactRef): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
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

/** For steps in dependency order: each step's ancestors. */
function ancestorSets(order: readonly Step[]): Map<string, Set<string>> {
  const sets = new Map<string, Set<string>>();
  for (const s of order) {
    const mine = new Set<string>();
    for (const n of s.needs) {
      mine.add(n);
      for (const a of sets.get(n) ?? []) mine.add(a);
    }
    sets.set(s.name, mine);
  }
  return sets;
}
