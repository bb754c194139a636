// Assertions about one CLI run that every e2e file needs, with the run's output in the failure message.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect } from 'vitest';
import {
  explain,
  finalStatuses,
  runCli,
  stepEvents,
  summaryOf,
  type CliResult,
  type RunOptions,
  type StepEvent,
  type SummaryEvent,
} from '../../support/cli.js';

/** Every step name of `up` / `down` with the default configuration, derived from src/graph (one list for all tests). */
export { DOWN_STEPS, UP_STEPS } from '../../support/step-names.js';

export function upArgs(id: string, ...extra: string[]): string[] {
  return ['up', '--id', id, '--sandbox', '--profile', 'fast', '--output', 'json', '--yes', ...extra];
}

/** Runs `up --sandbox --output json` and checks the event stream is well formed (whatever the outcome). */
export async function runUp(id: string, options: RunOptions, ...extra: string[]): Promise<CliResult> {
  const r = await runCli(upArgs(id, ...extra), options);
  expectWellFormed(r, 'up', id);
  return r;
}

/** NDJSON shape: step events with a known status and a timestamp, one summary last, matching the steps. */
export function expectWellFormed(r: CliResult, command: string, id: string): SummaryEvent {
  const summary = summaryOf(r);
  expect(summary.command, explain(r)).toBe(command);
  expect(summary.id).toBe(id);
  expect(summary.namespace).toBe(`${id}-lifesub-ns`);
  expect(summary.sandbox).toBe(true);
  expect(summary.ok).toBe(r.code === 0);
  for (const e of stepEvents(r.events)) {
    expect(['start', 'done', 'skipped', 'failed'], JSON.stringify(e)).toContain(e.status);
    expect(typeof e.ts, JSON.stringify(e)).toBe('number');
    if (e.status !== 'start') expect(typeof e.durationMs, JSON.stringify(e)).toBe('number');
  }
  // The summary's step list agrees with the last event of each step that ran (steps that never started
  // are "blocked"/"cancelled" in the summary and end with a "skipped" event whose message says why).
  const last = finalStatuses(r.events);
  for (const s of summary.steps) {
    if (s.status === 'done' || s.status === 'skipped' || s.status === 'failed') {
      expect(last.get(s.step)?.status, `summary step ${s.step}\n${explain(r)}`).toBe(s.status);
    }
  }
  return summary;
}

/** The failed step events that are real failures (a cancelled step ends "skipped" with message "cancelled"; kept defensive). */
export function realFailures(r: CliResult): StepEvent[] {
  return stepEvents(r.events).filter((e) => e.status === 'failed' && e.message !== 'cancelled');
}

/** Step name → final status, as a plain object (readable in assertion diffs). */
export function statusTable(r: CliResult): Record<string, string> {
  return Object.fromEntries([...finalStatuses(r.events)].map(([k, v]) => [k, v.status]));
}

/** Kind/name of every object `lifesub render --out dir` wrote into dir/manifests. */
export function renderedObjects(dir: string): Array<{ apiVersion: string; kind: string; name: string; file: string }> {
  const manifests = join(dir, 'manifests');
  return readdirSync(manifests)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const o = parse(readFileSync(join(manifests, f), 'utf8')) as { apiVersion: string; kind: string; metadata: { name: string } };
      return { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, file: join(manifests, f) };
    });
}
