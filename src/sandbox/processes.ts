// Whether a process is still running, and waiting for it to end. A zombie (dead, not yet reaped by a
// parent that may itself be gone) counts as ended: `kill(pid, 0)` alone would call it alive forever.
import { readFileSync } from 'node:fs';
import { isAlive } from './lock.js';

/** True while `pid` runs (not a zombie). Linux reads /proc; elsewhere a signal-0 probe decides. */
export function isRunning(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    // /proc/<pid>/stat: "<pid> (<comm>) <state> …"; comm may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (macOS) or not readable: the probe said alive
  }
}

/** Polls until `pid` has ended or `ms` passed; true when it ended. */
export async function waitForExit(pid: number, ms: number, pollMs = 50): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (!isRunning(pid)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** Sends `signal`, ignoring a process that is already gone. */
export function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

/** The process ID written in `file` (a pid file: one number), or undefined when absent or not a pid. */
export function pidIn(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
