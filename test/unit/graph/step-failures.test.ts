// Every step of the real up and down graphs: when it fails, the run ends as a failure named after
// that step, with exit code 1, and nothing that needs it runs.
import { describe, expect, it } from 'vitest';
import type { Adapters } from '../../../src/adapters/types.js';
import { toExitReport } from '../../../src/cli/exit.js';
import { ToolError } from '../../../src/core/errors.js';
import { downSteps } from '../../../src/graph/down.js';
import { runGraph } from '../../../src/graph/runner.js';
import type { Step } from '../../../src/graph/step.js';
import { ancestors } from '../../../src/graph/validate.js';
import { upSteps } from '../../../src/graph/up.js';
import type { LifesubEvent } from '../../../src/output/events.js';
import { testSettings } from '../../fakes/context.js';

const settings = testSettings();
const noAdapters = new Proxy(
  {},
  {
    get: (_t, p) => {
      throw new Error(`unexpected adapter use: ${String(p)}`);
    },
  },
) as Adapters;

/** The real graph with every step's work replaced: `target` fails, the others succeed. */
function withFailing(steps: Step[], target: string): Step[] {
  return steps.map((s) => ({
    ...s,
    run: async () => {
      if (s.name === target) throw new ToolError(`${target} broke`, `fix ${target}`);
      return undefined;
    },
  }));
}

const graphs: Array<[string, Step[]]> = [
  ['up', upSteps(settings, { cleanLegacy: true })],
  ['down', downSteps(settings, { keepData: false, includeIngress: true })],
];

describe.each(graphs)('a failing step of %s', (_name, steps) => {
  it.each(steps.map((s) => s.name))('%s → named step failure, exit 1, dependents not run', async (target) => {
    const events: LifesubEvent[] = [];
    const result = await runGraph(withFailing(steps, target), {
      settings,
      adapters: noAdapters,
      signal: new AbortController().signal,
      events: { emit: (e) => events.push(e) },
      renderer: 'silent',
    });
    expect(result.ok).toBe(false);
    expect(result.failure?.step).toBe(target);
    const report = toExitReport(result.failure);
    expect(report.code).toBe(1);
    expect(report.message).toContain(`step '${target}' failed: ${target} broke`);
    expect(report.hint).toBe(`fix ${target}`);
    const dependents = steps.filter((s) => ancestors(steps, s.name).has(target)).map((s) => s.name);
    for (const d of dependents) {
      expect(result.reports.find((r) => r.name === d)?.status).toBe('blocked');
      expect(events.filter((e) => e.type === 'step' && e.step === d).map((e) => (e as { status: string }).status)).toEqual(['skipped']);
    }
  });
});
