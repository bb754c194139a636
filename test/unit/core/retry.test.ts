import { describe, expect, test } from 'vitest';
import { AbortedError } from '../../../src/core/errors.js';
import { backoffMs, parseRetryAfter, retryTransient } from '../../../src/core/retry.js';

const policy = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1_000 };
const never = new AbortController().signal;

describe('backoffMs', () => {
  test('doubles per attempt, with half of it random, and is capped', () => {
    expect(backoffMs(1, policy, () => 0)).toBe(50);
    expect(backoffMs(1, policy, () => 0.999999)).toBe(100);
    expect(backoffMs(3, policy, () => 0)).toBe(200);
    expect(backoffMs(10, policy, () => 0.999999)).toBe(1_000);
  });

  test("waits at least the server's Retry-After, but never longer than the cap", () => {
    expect(backoffMs(1, policy, () => 0, 700)).toBe(700);
    expect(backoffMs(1, policy, () => 0, 60_000)).toBe(1_000);
  });
});

describe('parseRetryAfter', () => {
  test('seconds and HTTP dates', () => {
    expect(parseRetryAfter('2')).toBe(2_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:05 GMT', Date.parse('2015-10-21T07:28:00Z'))).toBe(5_000);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('retryTransient', () => {
  const transient = Object.assign(new Error('503'), { transient: true });
  const isTransient = (e: unknown) => (e as { transient?: boolean }).transient === true;

  test('repeats transient failures until success, waiting between attempts', async () => {
    let calls = 0;
    const waits: number[] = [];
    const result = await retryTransient(
      async () => {
        calls++;
        if (calls < 3) throw transient;
        return 'ok';
      },
      { signal: never, policy: { ...policy, baseDelayMs: 1 }, isTransient, onRetry: (_e, _a, d) => waits.push(d) },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(waits).toHaveLength(2);
  });

  test('a permanent failure is thrown at once', async () => {
    let calls = 0;
    const permanent = new Error('403 forbidden');
    await expect(
      retryTransient(
        async () => {
          calls++;
          throw permanent;
        },
        { signal: never, policy, isTransient },
      ),
    ).rejects.toBe(permanent);
    expect(calls).toBe(1);
  });

  test('gives up after the attempts, with the last error', async () => {
    let calls = 0;
    await expect(
      retryTransient(
        async () => {
          calls++;
          throw transient;
        },
        { signal: never, policy: { ...policy, baseDelayMs: 1 }, isTransient },
      ),
    ).rejects.toBe(transient);
    expect(calls).toBe(5);
  });

  test('does not start an attempt past the deadline', async () => {
    let calls = 0;
    const now = () => 1_000;
    await expect(
      retryTransient(
        async () => {
          calls++;
          throw transient;
        },
        { signal: never, policy, isTransient, deadline: 1_040, now, random: () => 0 },
      ),
    ).rejects.toBe(transient);
    expect(calls).toBe(1);
  });

  test('Ctrl-C during the wait ends it with AbortedError', async () => {
    const ctl = new AbortController();
    const p = retryTransient(
      async () => {
        throw transient;
      },
      { signal: ctl.signal, policy: { ...policy, baseDelayMs: 60_000, maxDelayMs: 60_000 }, isTransient, onRetry: () => ctl.abort() },
    );
    await expect(p).rejects.toBeInstanceOf(AbortedError);
  });
});
