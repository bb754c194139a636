import { describe, expect, it } from 'vitest';
import { PlainProgress } from '../../../src/output/plain-progress.js';
import { capture, ESCAPE, fakeSteps, runFake, SPINNER, steppingClock } from './harness.js';

/** `HH:MM:SS step status message` → [step, status] per line. */
function events(text: string): Array<{ step: string; status: string; line: string }> {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => {
      const m = /^\d\d:\d\d:\d\d (\S+) +(already done|not run|\S+)/.exec(line);
      if (!m) throw new Error(`not a plain progress line: ${JSON.stringify(line)}`);
      return { step: m[1]!, status: m[2]!, line };
    });
}

describe('plain progress (pipes, CI)', () => {
  it('one line per event, HH:MM:SS step status message, and nothing else', async () => {
    const out = capture(false);
    const now = steppingClock();
    const result = await runFake(new PlainProgress(out, { now }), { now });
    expect(result.ok).toBe(true);
    const text = out.text();
    expect(text).not.toMatch(ESCAPE);
    expect(text).not.toMatch(SPINNER);
    expect(text).toMatchSnapshot();
    // Tool output stays out of a successful run without --verbose; the steps' own lines do not.
    expect(text).not.toContain('Task :member');
    expect(text).toContain('deployment member is ready');
    // A step done before reads "already done", once.
    expect(text.match(/repos +already done/g)).toHaveLength(1);
  });

  it('no step starts before every step it needs has ended', async () => {
    const out = capture(false);
    await runFake(new PlainProgress(out));
    const lines = events(out.text());
    const endedAt = (step: string) => lines.findIndex((l) => l.step === step && ['done', 'already done'].includes(l.status));
    for (const s of fakeSteps()) {
      const start = lines.findIndex((l) => l.step === s.name && l.status === 'start');
      expect(start, `${s.name} started`).toBeGreaterThanOrEqual(0);
      for (const need of s.needs) expect(endedAt(need), `${need} ended before ${s.name} started`).toBeLessThan(start);
    }
  });

  it('with --verbose every tool line, prefixed with its step, escape codes and \\r progress removed', async () => {
    const out = capture(false);
    await runFake(new PlainProgress(out, { verbose: true }));
    const text = out.text();
    expect(text).toMatch(/^\d\d:\d\d:\d\d jars +output +> Task :member:bootJar$/m);
    expect(text).toMatch(/^\d\d:\d\d:\d\d jars +output +BUILD SUCCESSFUL in 1s$/m);
    expect(text).toMatch(/^\d\d:\d\d:\d\d image:member +output +#2 DONE 0\.4s$/m);
    expect(text).not.toMatch(ESCAPE);
  });

  it('a failed step shows its whole tool output, prefixed, and its dependents as not run', async () => {
    const out = capture(false);
    const now = steppingClock();
    const result = await runFake(new PlainProgress(out, { now }), { failImage: true, now });
    expect(result.ok).toBe(false);
    const text = out.text();
    expect(text).toMatchSnapshot();
    expect(text).toMatch(
      /image:member +output +#1 \[internal\] load build definition from Dockerfile\n.*image:member +output +#2 DONE 0\.4s\n.*image:member +output +#3 exporting to image\n.*image:member +failed +\d/,
    );
    expect(text).toMatch(/readiness +not run/);
    expect(text).not.toContain('Task :member'); // the other steps' tool output stays hidden
  });
});
