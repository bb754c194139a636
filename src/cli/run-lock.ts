// The CLI side of "one run per ID": take the ID's Lease before the graph runs, and when that fails
// report it like a failed step (exit 1 naming the holder; 130 when Ctrl-C ends the wait).
import type { Kube } from '../adapters/types.js';
import { AbortedError, EXIT } from '../core/errors.js';
import { acquireRunLock, type RunLock } from '../lock/run-lock.js';
import type { EventSink } from '../output/events.js';
import { formatExitReport, toExitReport } from './exit.js';

export interface TakeRunLock {
  command: 'up' | 'down';
  id: string;
  namespace: string;
  wait: boolean;
  kube: Kube;
  signal: AbortSignal;
  io: { stderr: NodeJS.WritableStream };
  events: EventSink;
}

/** The lock, or the exit code to end the command with. */
export async function takeRunLock(t: TakeRunLock): Promise<RunLock | number> {
  const started = Date.now();
  try {
    return await acquireRunLock(t.kube, { id: t.id, command: t.command, wait: t.wait, signal: t.signal, log: (line) => t.io.stderr.write(`${line}\n`) });
  } catch (err) {
    const interrupted = err instanceof AbortedError || t.signal.aborted;
    const report = interrupted ? { code: EXIT.interrupted, message: 'interrupted while waiting for the lock' } : { ...toExitReport(err), step: 'lock' };
    t.events.emit({
      type: 'summary',
      ok: false,
      command: t.command,
      id: t.id,
      namespace: t.namespace,
      urls: {},
      durationMs: Date.now() - started,
      steps: [],
      error: { step: 'lock', message: report.message, hint: 'hint' in report ? report.hint : undefined, exitCode: report.code },
    });
    t.io.stderr.write(`${interrupted ? 'interrupted while waiting for the lock; nothing was changed.' : formatExitReport(report)}\n`);
    return report.code;
  }
}
