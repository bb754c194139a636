// The class commands' fan-out: every student at most `concurrency` at once, each student's outcome
// reported through the progress view, never thrown, so one student's failure never stops the others.
import { Semaphore } from '../graph/pools.js';
import type { ClassProgress } from './progress.js';

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
        progress.update(student.settings.id, { phase: 'interrupted', cause: 'not started' });
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
