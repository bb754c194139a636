import { describe, expect, test } from 'vitest';
import { ScriptedRunner } from '../../fakes/runner.js';

const signal = new AbortController().signal;

describe('ScriptedRunner (the fake others reuse)', () => {
  test('an unexpected call throws with the argv and is reported by assertDone', async () => {
    const runner = new ScriptedRunner([{ file: 'helm', args: ['list'] }]);
    await expect(runner.run('helm', ['lint'], { signal })).rejects.toThrow(/unexpected command: helm \["lint"\]/);
    expect(() => runner.assertDone()).toThrow(/unexpected commands were run/);
  });

  test('ordered by default; unordered on request', async () => {
    const exps = [
      { file: 'a', args: ['1'], result: { stdout: 'one' } },
      { file: 'b', args: ['2'], result: { stdout: 'two' } },
    ];
    await expect(new ScriptedRunner(exps).run('b', ['2'], { signal })).rejects.toThrow(/unexpected/);
    const unordered = new ScriptedRunner(exps, { ordered: false });
    expect((await unordered.run('b', ['2'], { signal })).stdout).toBe('two');
    expect((await unordered.run('a', ['1'], { signal })).stdout).toBe('one');
    unordered.assertDone();
  });

  test('assertDone fails while expectations remain; records input and emits lines', async () => {
    const runner = new ScriptedRunner([
      { file: 'docker', args: (a) => a[0] === 'login', lines: ['Login Succeeded'] },
      { file: 'x', args: [] },
    ]);
    const lines: string[] = [];
    await runner.run('docker', ['login'], { signal, input: 'pw', onLine: (l) => lines.push(l) });
    expect(lines).toEqual(['Login Succeeded']);
    expect(runner.calls[0]!.input).toBe('pw');
    expect(() => runner.assertDone()).toThrow(/were not run/);
  });

  test('scripted errors are thrown', async () => {
    const runner = new ScriptedRunner([{ file: 'git', args: [], error: new Error('boom') }]);
    await expect(runner.run('git', [], { signal })).rejects.toThrow('boom');
  });
});
