// Runs checks concurrently, each under its own time limit and the caller's signal, and turns whatever
// happens into findings: a check that times out or throws becomes a problem, never a crash of doctor.
import { AbortedError, messageOf, ToolError, UserError } from '../core/errors.js';
import { DEFAULT_CHECK_TIMEOUT_MS, type Check, type CheckContext, type DoctorReport, type Finding, type Problem, type Reported } from './check.js';

/**
 * Runs every check at once. Resolves with one finding per check, in the order given. Throws
 * AbortedError only when `ctx.signal` fired (Ctrl-C); a check's own timeout is a problem of that check.
 */
export async function runChecks(checks: readonly Check[], ctx: CheckContext): Promise<DoctorReport> {
  const findings = await Promise.all(checks.map((check) => runOne(check, ctx)));
  if (ctx.signal.aborted) throw new AbortedError();
  return { findings };
}

async function runOne(check: Check, ctx: CheckContext): Promise<Finding> {
  const limitMs = check.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(limitMs);
  const signal = AbortSignal.any([ctx.signal, timeout]);
  try {
    // The race makes a check that ignores its signal still end on time.
    const outcome = await Promise.race([check.run({ ...ctx, signal }), aborted(signal)]);
    const problems = (outcome.problems ?? []).map(complete);
    return {
      check: check.name,
      title: check.title,
      status: problems.some((p) => p.blocking) ? 'fail' : problems.length > 0 ? 'warn' : outcome.skipped !== undefined ? 'skipped' : 'ok',
      ...(outcome.message !== undefined ? { message: outcome.message } : {}),
      ...(outcome.skipped !== undefined ? { skipped: outcome.skipped } : {}),
      problems,
    };
  } catch (err) {
    if (ctx.signal.aborted) return { check: check.name, title: check.title, status: 'skipped', skipped: 'interrupted', problems: [] };
    const problem: Problem = timeout.aborted
      ? {
          what: `${check.title}: no answer within ${limitMs < 1000 ? `${limitMs}ms` : `${Math.round(limitMs / 1000)}s`}`,
          why: check.why,
          fix: 'check that it is reachable, then run `lifesub doctor` again',
          origin: 'world',
        }
      : unexpected(check, err);
    return { check: check.name, title: check.title, status: 'fail', problems: [complete(problem)] };
  }
}

/** An error a check did not turn into a problem itself: typed ones keep their words and hint; others are bugs. */
function unexpected(check: Check, err: unknown): Problem {
  if (err instanceof UserError || err instanceof ToolError) {
    return { what: err.message, why: check.why, fix: err.hint ?? 'see the message', origin: err instanceof UserError ? 'input' : 'world' };
  }
  return {
    what: `the ${check.name} check failed unexpectedly: ${messageOf(err)}`,
    why: check.why,
    fix: 'this is a bug in lifesub; report it with the output of `lifesub doctor --verbose`',
    origin: 'world',
  };
}

function complete(p: Problem): Reported {
  return { ...p, blocking: p.blocking ?? true };
}

function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const fail = () => reject(new AbortedError());
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}
