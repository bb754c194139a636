// The class fan-out: never more students at once than the concurrency; Ctrl-C marks the ones still
// waiting as not started, while those already running finish their own way.
import { Writable } from 'node:stream';
import { expect, test } from 'vitest';
import { eachStudent, interruptedByUser, stoppedOutcome } from '../../../src/class/each-student.js';
import { AbortedError, ToolError } from '../../../src/core/errors.js';
import { ClassProgress } from '../../../src/class/progress.js';

const quiet = () => new Writable({ write: (_c, _e, done) => done() });
const students = ['alice', 'bob', 'carol', 'dave'].map((id) => ({ settings: { id } }));

function progressOf(): ClassProgress {
  const p = new ClassProgress(quiet(), 'json');
  for (const s of students) p.add(s.settings.id, `${s.settings.id}-lifesub-ns`);
  return p;
}

test('runs every student, at most `concurrency` at once', async () => {
  const progress = progressOf();
  let running = 0;
  let most = 0;
  await eachStudent(students, 2, progress, new AbortController().signal, async (s) => {
    most = Math.max(most, ++running);
    await new Promise((r) => setTimeout(r, 5));
    running--;
    progress.update(s.settings.id, { phase: 'ready' });
  });
  expect(most).toBe(2);
  expect(progress.outcomes().map((o) => o.phase)).toEqual(['ready', 'ready', 'ready', 'ready']);
});

test('an abort marks the students still waiting for a slot as not started; the running ones end as they report', async () => {
  const progress = progressOf();
  const abort = new AbortController();
  await eachStudent(students, 1, progress, abort.signal, async (s) => {
    abort.abort();
    progress.update(s.settings.id, { phase: 'failed', cause: 'interrupted' });
  });
  expect(progress.outcomes().map((o) => [o.id, o.phase, o.cause])).toEqual([
    ['alice', 'failed', 'interrupted'],
    ['bob', 'interrupted', 'not started'],
    ['carol', 'interrupted', 'not started'],
    ['dave', 'interrupted', 'not started'],
  ]);
});

test('the overall time limit fails the students still waiting, naming the limit (not an interruption: exit 1, not 130)', async () => {
  const progress = progressOf();
  const limit = new AbortController();
  const timeLimit = new ToolError('the overall time limit of 2s was reached', 'raise --timeout, or run again: finished work is not redone');
  await eachStudent(students, 1, progress, limit.signal, async (s) => {
    limit.abort(timeLimit);
    progress.update(s.settings.id, stoppedOutcome(limit.signal));
  });
  expect(progress.outcomes().map((o) => [o.phase, o.cause])).toEqual([
    ['failed', 'the overall time limit of 2s was reached'],
    ['failed', 'not started: the overall time limit of 2s was reached'],
    ['failed', 'not started: the overall time limit of 2s was reached'],
    ['failed', 'not started: the overall time limit of 2s was reached'],
  ]);
  expect(progress.outcomes()[1]!.hint).toMatch(/raise --timeout/);
  expect(interruptedByUser(limit.signal)).toBe(false);
  const ctrlC = new AbortController();
  ctrlC.abort(new AbortedError());
  expect(interruptedByUser(ctrlC.signal)).toBe(true);
});
