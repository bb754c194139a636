// What the instructor sees: NDJSON events tagged with the student's ID, and a final table with failures first.
import { Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { ClassProgress, formatClassTable } from '../../../src/class/progress.js';

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

describe('class progress', () => {
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
