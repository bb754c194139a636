// Ctrl-C, SIGTERM and a closed terminal (SIGHUP) all stop a run through one AbortSignal; a second one
// leaves at once.
import { afterEach, describe, expect, test } from 'vitest';
import { runSignal, type RunSignal } from '../../../src/cli/signals.js';
import { AbortedError } from '../../../src/core/errors.js';

let run: RunSignal | undefined;
afterEach(() => run?.dispose());

describe('runSignal', () => {
  test.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s aborts the run with AbortedError naming it; a second signal exits at once', (sig) => {
    let forced = 0;
    run = runSignal(undefined, undefined, () => forced++);
    process.emit(sig, sig);
    expect(run.signal.aborted).toBe(true);
    expect(run.signal.reason).toBeInstanceOf(AbortedError);
    expect((run.signal.reason as Error).message).toContain(`interrupted (${sig})`);
    expect(forced).toBe(0);
    process.emit('SIGINT', 'SIGINT');
    expect(forced).toBe(1);
  });

  test('dispose removes every handler it installed', () => {
    const counts = () => ['SIGINT', 'SIGTERM', 'SIGHUP'].map((s) => process.listenerCount(s));
    const before = counts();
    const r = runSignal(undefined, undefined, () => undefined);
    expect(counts()).toEqual(before.map((n) => n + 1));
    r.dispose();
    expect(counts()).toEqual(before);
  });
});
