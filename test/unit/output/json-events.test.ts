import { describe, expect, it } from 'vitest';
import type { LifesubEvent } from '../../../src/output/events.js';
import { silentProgress } from '../../../src/output/progress.js';
import { capture, ESCAPE, fakeSteps, NdjsonSink, runFake, SPINNER, steppingClock } from './harness.js';

describe('--output json', () => {
  it('stdout is NDJSON events only: no escape codes, no spinner, no step started before its needs ended', async () => {
    const out = capture(false);
    const now = steppingClock();
    // --verbose: log events too (tool lines included, cleaned of escape codes and \r progress).
    await runFake(silentProgress, { events: new NdjsonSink(out, true), now });
    const text = out.text();
    expect(text).not.toMatch(ESCAPE);
    expect(text).not.toMatch(/\\u001b/); // not even escaped inside a JSON string
    expect(text).not.toMatch(SPINNER);
    const events = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as LifesubEvent);
    expect(events).toMatchSnapshot();
    const at = (step: string, statuses: string[]) => events.findIndex((e) => e.type === 'step' && e.step === step && statuses.includes(e.status));
    for (const s of fakeSteps()) {
      const start = at(s.name, ['start']);
      for (const need of s.needs) expect(at(need, ['done', 'skipped']), `${need} before ${s.name}`).toBeLessThan(start);
    }
    expect(events.filter((e) => e.type === 'log' && e.step === 'jars').map((e) => (e as { message: string }).message)).toContain('BUILD SUCCESSFUL in 1s');
  });
});
