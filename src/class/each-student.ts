// The class commands' fan-out: every student at most `concurrency` at once, each student's outcome
// reported through the progress view, never thrown, so one student's failure never stops the others.
import { Semaphore } from '../graph/pools.js';
import { ToolError } from '../core/errors.js';
import type { ClassProgress, StudentOutcome } from './progress.js';

/**
 * How a student stopped by the run's signal ends: Ctrl-C (AbortedError, any stop) → `interrupted`; the overall
 * --timeout (a ToolError naming the limit) → `failed` with that cause and hint, since waiting longer,
 * not running again, is what helps. Only call once `signal` is aborted.
 */
export function stoppedOutcome(signal: AbortSignal): Pick<StudentOutcome, 'phase' | 'cause' | 'hint'> {
  const reason: unknown = signal.reason;
  // runSignal (src/cli/signals.ts) aborts with a ToolError naming the limit; anything else is a stop.
  if (!(reason instanceof ToolError)) return { phase: 'interrupted' };
  return { phase: 'failed', cause: reason.message, ...(reason.hint ? { hint: reason.hint } : {}) };
}

/** True when the run was stopped by Ctrl-C (or a signal), not by its time limit: exit 130. */
export function interruptedByUser(signal: AbortSignal): boolean {
  return signal.aborted && !(signal.reason instanceof ToolError);
}

/**
 * Runs `work(student)` for every student, at most `concurrency` at once. A student still waiting for a
 * slot when `signal` aborts (Ctrl-C, the time limit) is marked interrupted, "not started".
 * `work` reports its own outcome through `progress` and should not throw; resolves when all have ended.
 */
export async function eachStudent<S extends { settings: { id: string } }>(
  students: readonly S[],
  concurrency: number,
  progress: ClassProgress,
  signal: AbortSignal,
  work: (student: S) => Promise<void>,
): Promise<void> {
  const slots = new Semaphore(concurrency);
  await Promise.all(
    students.map(async (student) => {
      let release: () => void;
      try {
        release = await slots.acquire(signal);
      } catch {
        const stopped = stoppedOutcome(signal);
        progress.update(
          student.settings.id,
          stopped.phase === 'interrupted' ? { phase: 'interrupted', cause: 'not started' } : { ...stopped, cause: `not started: ${stopped.cause}` },
        );
        return;
      }
      try {
        await work(student);
      } finally {
        release();
      }
    }),
  );
}
