// What the instructor sees: the shared part as it runs (a `class` row, or `up`'s step lines), NDJSON events
// tagged with the student's ID, and a final table with failures first and interruptions named as such.
import { Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import type { Adapters } from '../../../src/adapters/types.js';
import { ClassProgress, classProgressMode, formatClassTable, classUpLine, lineOf } from '../../../src/class/progress.js';
import { runGraph } from '../../../src/graph/runner.js';
import type { Step, StepContext } from '../../../src/graph/step.js';
import { testSettings } from '../../fakes/context.js';

function sink(): { out: Writable; text: () => string } {
  let text = '';
  const out = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { out, text: () => text };
}

const noAdapters = new Proxy({}, { get: (_t, p) => expect.fail(`unexpected adapter use: ${String(p)}`) }) as Adapters;

function step(name: string, needs: string[], run: (ctx: StepContext) => Promise<unknown> = async () => undefined): Step {
  return { name, title: name, needs, plan: () => [], run: run as Step['run'] };
}

/**
 * A small shared graph through the real runner: preflight, then two image builds at once; member logs,
 * prints a tool line and calls `during` while both run (mysub waits for it), then fails if told to.
 */
async function runShared(p: ClassProgress, now: () => number, verbose: boolean, during: () => void = () => undefined, fail = false) {
  let release = (): void => undefined;
  const released = new Promise<void>((r) => (release = r));
  const steps = [
    step('preflight', []),
    step('image:member', ['preflight'], async (ctx) => {
      ctx.log('building member');
      ctx.output('Step 1/5 : FROM eclipse-temurin:21-jre');
      await new Promise((r) => setImmediate(r));
      during();
      release();
      if (fail) throw new Error('docker build exited with 1');
    }),
    step('image:mysub', ['preflight'], () => released),
  ];
  return runGraph(steps, {
    settings: testSettings(),
    adapters: noAdapters,
    signal: new AbortController().signal,
    events: p.sink('class'),
    progress: p.sharedView(verbose),
    now,
  });
}

describe('class progress', () => {
  test('plain: the shared part prints each step as `up` does, tool lines only with --verbose, then a closing class line', async () => {
    for (const verbose of [false, true]) {
      const { out, text } = sink();
      const clock = () => Date.UTC(2026, 10, 30, 11, 0, 0);
      const p = new ClassProgress(out, 'plain', clock);
      p.add('alice', 'alice-lifesub-ns');
      const result = await runShared(p, clock, verbose);
      expect(result.ok).toBe(true);
      const lines = text().trimEnd().split('\n');
      expect(lines).toContain('11:00:00 preflight    start');
      expect(lines).toContain('11:00:00 image:member start');
      expect(lines).toContain('11:00:00 image:member log          building member');
      expect(lines.some((l) => /^11:00:00 image:member done\s+0ms$/.test(l))).toBe(true);
      expect(lines.includes('11:00:00 image:member output       Step 1/5 : FROM eclipse-temurin:21-jre'), `verbose ${verbose}`).toBe(verbose);
      expect(lines.at(-1)).toMatch(/^✔ class\s+ready\s+0s$/);
    }
  });

  test("terminal: a class row like a student's, with the steps running now, then ready (or the failed step and cause)", async () => {
    const { out, text } = sink();
    let now = 0;
    const p = new ClassProgress(out, 'tty', () => now);
    p.add('alice', 'alice-lifesub-ns');
    const seen: string[][] = [];
    const result = await runShared(
      p,
      () => now,
      false,
      () => {
        now += 12_000;
        seen.push(p.frame());
      },
    );
    expect(result.ok).toBe(true);
    expect(seen[0]![0]).toMatch(/^… class\s+running\s+12s\s+image:member, image:mysub$/);
    expect(seen[0]![1]).toMatch(/^· alice\s+waiting$/);
    expect(p.frame()[0]).toMatch(/^✔ class\s+ready\s+12s$/);
    expect(text(), 'nothing is drawn before start()').toBe('');

    const failing = new ClassProgress(sink().out, 'tty', () => 0);
    expect(
      (
        await runShared(
          failing,
          () => 0,
          false,
          () => undefined,
          true,
        )
      ).ok,
    ).toBe(false);
    expect(failing.frame()[0]).toMatch(/^✖ class\s+failed\s+0s\s+image:member: docker build exited with 1$/);
  });

  test('json: the shared part writes only its NDJSON step events, tagged `class`', async () => {
    const { out, text } = sink();
    const p = new ClassProgress(out, 'json', () => 0);
    await runShared(p, () => 0, true);
    const events = text()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; id: string });
    expect(events.length).toBe(6);
    expect(events.every((e) => e.type === 'step' && e.id === 'class')).toBe(true);
  });

  test('an interrupted student reads as interrupted, with the step it was in, and is counted apart from failures', () => {
    const { out, text } = sink();
    let now = 0;
    const p = new ClassProgress(out, 'plain', () => now);
    for (const id of ['alice', 'bob', 'carol']) p.add(id, `${id}-lifesub-ns`);
    p.update('alice', { phase: 'running', step: 'lock' });
    p.sink('alice').emit({ type: 'step', step: 'database:member', status: 'start', ts: 0 });
    now = 3000;
    p.update('alice', { phase: 'interrupted' });
    p.update('bob', { phase: 'interrupted', cause: 'not started' });
    p.update('carol', { phase: 'failed', cause: 'the run lock is held by up' });
    expect(text().trimEnd().split('\n').slice(1)).toEqual([
      expect.stringMatching(/^■ alice\s+interrupted\s+3s  during database:member$/),
      expect.stringMatching(/^■ bob\s+interrupted\s+not started$/),
      expect.stringMatching(/^✖ carol\s+failed\s+the run lock is held by up$/),
    ]);
    const table = formatClassTable(p.outcomes()).split('\n');
    expect(table[1]).toMatch(/^carol\s+carol-lifesub-ns\s+failed\s+the run lock is held by up$/);
    expect(table[2]).toMatch(/^alice\s+alice-lifesub-ns\s+interrupted\s+3s\s+during database:member$/);
    expect(table.at(-1)).toBe('0 of 3 ready, 1 failed, 2 interrupted');
    expect(lineOf({ id: 'dave', namespace: 'd', phase: 'failed', cause: 'x' }, 0)).not.toContain(': x');
  });

  test("one student is singular; `class down` has no WEB column; the view follows `up`'s rules", () => {
    expect([classUpLine(1, 'cr'), classUpLine(3, 'cr')]).toEqual([
      'lifesub class up: 1 student; building the images once into cr',
      'lifesub class up: 3 students; building the images once into cr',
    ]);
    const down = formatClassTable([{ id: 'alice', namespace: 'alice-lifesub-ns', phase: 'removed', durationMs: 2_000 }], { done: 'removed', web: false });
    expect(down.split('\n')).toEqual([
      expect.stringMatching(/^ID\s+NAMESPACE\s+STATE\s+TIME\s+PROBLEM$/),
      expect.stringMatching(/^alice\s+alice-lifesub-ns\s+removed\s+2s$/),
      '1 of 1 removed',
    ]);
    const tty = { isTTY: true };
    expect(classProgressMode(false, false, tty, {})).toBe('tty');
    expect(classProgressMode(false, true, tty, {})).toBe('plain');
    expect(classProgressMode(false, false, tty, { CI: 'true' })).toBe('plain');
    expect(classProgressMode(false, false, {}, {})).toBe('plain');
    expect(classProgressMode(true, true, tty, {})).toBe('json');
  });

  test('json: every step event carries the student id; each student ends with one student event', () => {
    const { out, text } = sink();
    let now = 1000;
    const p = new ClassProgress(out, 'json', () => now);
    p.add('alice', 'alice-lifesub-ns');
    p.update('alice', { phase: 'running' });
    p.sink('alice').emit({ type: 'step', step: 'namespace', status: 'start', ts: 1 });
    p.sink('alice').emit({ type: 'log', step: 'namespace', ts: 1, message: 'noise' });
    now = 4000;
    p.update('alice', { phase: 'failed', step: 'import:member', cause: 'refused', hint: 'get the role' });
    const lines = text()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      { type: 'step', step: 'namespace', status: 'start', ts: 1, id: 'alice' },
      expect.objectContaining({ type: 'student', id: 'alice', phase: 'failed', step: 'import:member', cause: 'refused', durationMs: 3000 }),
    ]);
  });

  test('the final table lists failures first with step, cause and hint, then the count', () => {
    const table = formatClassTable([
      { id: 'alice', namespace: 'alice-lifesub-ns', phase: 'ready', durationMs: 42_000, web: 'http://1.2.3.4' },
      { id: 'bob', namespace: 'bob-lifesub-ns', phase: 'failed', step: 'import:member', cause: 'HTTP 403', hint: 'get the role on bobcr', durationMs: 3_000 },
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAMESPACE\s+STATE\s+TIME\s+WEB\s+PROBLEM$/);
    expect(lines[1]).toMatch(/^bob\s+bob-lifesub-ns\s+failed\s+3s\s+import:member: HTTP 403$/);
    expect(lines[2]).toMatch(/^alice\s+alice-lifesub-ns\s+ready\s+42s\s+http:\/\/1\.2\.3\.4$/);
    expect(lines).toContain('hint for bob: get the role on bobcr');
    expect(lines.at(-1)).toBe('1 of 2 ready, 1 failed');
  });
});
