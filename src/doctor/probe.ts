// The shape most checks share: call one adapter probe; a typed failure becomes a problem with the
// adapter's own hint as the fix; Ctrl-C and timeouts pass through to the runner.
import { isAbort, messageOf, ToolError, UserError } from '../core/errors.js';
import type { CheckOutcome, Origin, Problem } from './check.js';

/** The first line of a tool's stderr tail ("Cannot connect to the Docker daemon at …"), when there is one. */
export function detailOf(err: unknown): string | undefined {
  const details = err instanceof ToolError ? err.details : undefined;
  return details
    ?.split('\n')
    .find((l) => l.trim() !== '')
    ?.trim();
}

/** The problem a failed probe means: its message (and stderr's first line), its hint or `fix`, and `origin`. */
export function problemOf(err: unknown, p: { why: string; fix: string; origin: Origin }): Problem {
  const detail = detailOf(err);
  const what = detail ? `${messageOf(err)}: ${detail}` : messageOf(err);
  const hint = err instanceof UserError || err instanceof ToolError ? err.hint : undefined;
  const details = err instanceof ToolError && err.details?.includes('\n') ? { details: err.details } : {};
  return { what, why: p.why, fix: hint ?? p.fix, origin: p.origin, ...details };
}

/**
 * Runs `probe`; its result becomes the message, a ToolError/UserError a problem (`describe` picks the
 * fix and origin), anything else is rethrown (the runner reports it as a bug), as is an abort.
 */
export async function probing<T>(
  signal: AbortSignal,
  probe: () => Promise<T>,
  ok: (value: T) => string,
  describe: (err: ToolError | UserError) => { why: string; fix: string; origin: Origin },
): Promise<CheckOutcome> {
  try {
    return { message: ok(await probe()) };
  } catch (err) {
    if (isAbort(err, signal)) throw err;
    if (!(err instanceof ToolError || err instanceof UserError)) throw err;
    return { problems: [problemOf(err, describe(err))] };
  }
}

/** The outcome of a check whose adapter cannot answer it (a fake, an older adapter). */
export const NOT_AVAILABLE: CheckOutcome = { skipped: 'not checked with these adapters' };
