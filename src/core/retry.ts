// One retry loop for every transient failure (Kubernetes API calls, helm, docker push, helm repo):
// capped exponential backoff with jitter, a server's Retry-After honoured, abortable, and never past
// the caller's deadline — a step's own time limit stays the limit.
import { sleep } from './sleep.js';

export interface RetryPolicy {
  /** Attempts in all (1 = no retry). */
  attempts: number;
  /** Delay before the 2nd attempt, ms; doubled per attempt. */
  baseDelayMs: number;
  /** No single wait is longer than this, ms (Retry-After included). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 250, maxDelayMs: 8_000 };

export interface RetryOptions {
  signal: AbortSignal;
  policy?: Partial<RetryPolicy>;
  /** True when another attempt may succeed (429, 5xx, a reset connection); false fails at once. */
  isTransient(err: unknown): boolean;
  /** The wait the server asked for (Retry-After), ms, if any. */
  retryAfterMs?(err: unknown): number | undefined;
  /** Absolute time (ms since epoch) after which no new attempt starts; the last error is thrown instead. */
  deadline?: number;
  /** Called before each wait, e.g. to log "retrying in 1.2s: HTTP 503". */
  onRetry?(err: unknown, attempt: number, delayMs: number): void;
  /** For tests: a number in [0, 1). */
  random?: () => number;
  now?: () => number;
}

/**
 * The wait before attempt `attempt + 1`: base·2^(attempt-1), capped at maxDelayMs, with "equal
 * jitter" (half fixed, half random) so that racing clients spread out; at least the server's
 * Retry-After (itself capped at maxDelayMs).
 */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number, retryAfterMs?: number): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exp / 2 + (random() * exp) / 2;
  const asked = retryAfterMs === undefined ? 0 : Math.min(policy.maxDelayMs, Math.max(0, retryAfterMs));
  return Math.round(Math.max(jittered, asked));
}

/**
 * Runs `fn` until it succeeds, fails permanently, runs out of attempts, would pass the deadline, or
 * the signal fires (then AbortedError from the sleep). Rethrows the last error unchanged.
 */
export async function retryTransient<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.policy };
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (options.signal.aborted || attempt >= policy.attempts || !options.isTransient(err)) throw err;
      const delay = backoffMs(attempt, policy, random, options.retryAfterMs?.(err));
      if (options.deadline !== undefined && now() + delay >= options.deadline) throw err;
      options.onRetry?.(err, attempt, delay);
      await sleep(delay, options.signal);
    }
  }
}

/** `Retry-After` as seconds or an HTTP date → ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined | null, now = Date.now()): number | undefined {
  if (value === undefined || value === null || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
