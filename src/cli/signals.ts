// Ctrl-C and the overall deadline flow through one AbortController. The first Ctrl-C asks every step
// to stop (child process groups are killed, waits end); a second one exits at once with 130.
import { killLiveProcessGroups } from '../adapters/exec/process-groups.js';
import { AbortedError, EXIT, ToolError } from '../core/errors.js';

export interface RunSignal {
  signal: AbortSignal;
  dispose(): void;
}

export function runSignal(timeoutMs: number | undefined, timeoutText: string | undefined, onSecondInterrupt: () => void): RunSignal {
  const ctl = new AbortController();
  let interrupts = 0;
  const onSignal = (sig: NodeJS.Signals): void => {
    interrupts++;
    if (interrupts > 1) onSecondInterrupt();
    else ctl.abort(new AbortedError(`interrupted (${sig}); stopping — press Ctrl-C again to quit at once`));
  };
  // process.on, not once: execa's signal-exit would otherwise end the process before we clean up.
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // A closed terminal (SIGHUP) stops the run like SIGTERM: cleanly, children included.
  process.on('SIGHUP', onSignal);
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(
          () => ctl.abort(new ToolError(`the overall time limit of ${timeoutText} was reached`, 'raise --timeout, or run again: finished work is not redone')),
          timeoutMs,
        );
  timer?.unref();
  return {
    signal: ctl.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.off('SIGHUP', onSignal);
      if (timer) clearTimeout(timer);
    },
  };
}

/** Second Ctrl-C: stop every tool process group we started, then leave at once. */
export function forceExit(): never {
  killLiveProcessGroups();
  process.exit(EXIT.interrupted);
}
