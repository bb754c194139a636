// `--dry-run`: the steps in dependency order with what each would run or apply. Pure.
import type { Settings } from '../config/schema.js';
import type { Step } from '../graph/step.js';
import { topoOrder } from '../graph/validate.js';

export interface PlannedStep {
  step: string;
  title: string;
  needs: string[];
  actions: string[];
}

export function planOf(steps: readonly Step[], settings: Settings): PlannedStep[] {
  return topoOrder(steps).map((s) => ({ step: s.name, title: s.title, needs: s.needs, actions: s.plan(settings) }));
}

export function formatPlan(plan: readonly PlannedStep[], header: string): string {
  const lines = [header, ''];
  plan.forEach((p, i) => {
    const needs = p.needs.length > 0 ? `  (after ${p.needs.join(', ')})` : '';
    lines.push(`${String(i + 1).padStart(2)}. ${p.step} — ${p.title}${needs}`);
    for (const a of p.actions) lines.push(`      ${a}`);
  });
  lines.push('', 'Dry run: nothing was changed.');
  return lines.join('\n');
}
