// A CommandRunner that runs idempotent tool commands again when they fail transiently (an API
// server's 503/429, a reset connection, a registry's 5xx) — read from the tool's stderr, since helm
// and docker do not tell us otherwise. Commands that change a Helm release are not retried here: an
// interrupted `helm upgrade` can leave its release pending, and only the step knows how to repair
// that (see src/steps/helm-release.ts).
import { ToolError } from '../../core/errors.js';
import { retryTransient, type RetryPolicy } from '../../core/retry.js';
import type { CommandRunner, RunOptions, RunResult } from '../types.js';
import { describeCommand } from './describe.js';
import { isTransientToolError } from './transient.js';

/** Which commands are safe to repeat: the same argv twice leaves the world as once. */
export type RetryableCommand = (file: string, args: readonly string[]) => boolean;

/**
 * helm's reads, `repo add/update`, `uninstall` (a second uninstall of a half-removed release finishes
 * it) and docker's `push`/`login`/`pull`. Not `helm upgrade/install/rollback` (step-level repair), not
 * `docker build`, gradle or git (long, local, and their failures are rarely the network's).
 */
export const IDEMPOTENT_TOOL_COMMANDS: RetryableCommand = (file, args) => {
  const words = describeCommand(file, args).split(' ');
  const [tool, sub] = [words[0], words[1]];
  if (tool === 'helm') return sub !== undefined && !['upgrade', 'install', 'rollback', 'test', 'plugin'].includes(sub);
  if (tool === 'docker') return sub === 'push' || sub === 'login' || sub === 'pull';
  return false;
};

export interface RetryingRunnerOptions {
  retryable?: RetryableCommand;
  policy?: Partial<RetryPolicy>;
  random?: () => number;
}

export class RetryingRunner implements CommandRunner {
  constructor(
    private readonly inner: CommandRunner,
    private readonly options: RetryingRunnerOptions = {},
  ) {}

  run(file: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
    const retryable = this.options.retryable ?? IDEMPOTENT_TOOL_COMMANDS;
    if (!retryable(file, args)) return this.inner.run(file, args, options).catch(markTransient);
    return retryTransient(() => this.inner.run(file, args, options), {
      signal: options.signal,
      policy: this.options.policy,
      random: this.options.random,
      isTransient: isTransientToolError,
      onRetry: (err, attempt, delayMs) =>
        options.onLine?.(
          `${describeCommand(file, args)} failed transiently (attempt ${attempt}); retrying in ${(delayMs / 1000).toFixed(1)}s: ${firstLine(err)}`,
        ),
    }).catch(markTransient);
  }
}

/** Flags a transient failure for the caller that may repeat the larger unit of work (a step's helm upgrade). */
function markTransient(err: unknown): never {
  if (err instanceof ToolError && isTransientToolError(err)) err.transient = true;
  throw err;
}

function firstLine(err: unknown): string {
  const e = err as { details?: string; message?: string };
  const lines = (e.details ?? e.message ?? '').split('\n').filter((l) => l.trim());
  return (lines[lines.length - 1] ?? '').slice(0, 200);
}
