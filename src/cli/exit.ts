// The one place where errors become what the user sees: a message, a hint and an exit code.
// User mistakes never show a stack trace; bugs do (only with --verbose) and say they are bugs.
import { AbortedError, EXIT, StepFailure, ToolError, UserError, messageOf, type Hinted } from '../core/errors.js';

export interface ExitReport {
  code: number;
  message: string;
  hint?: string;
  step?: string;
  details?: string;
}

export function toExitReport(err: unknown): ExitReport {
  if (err instanceof UserError) return { code: EXIT.usage, message: err.message, hint: err.hint };
  if (err instanceof AbortedError) return { code: EXIT.interrupted, message: err.message };
  if (err instanceof StepFailure) {
    const cause = err.cause;
    if (cause instanceof UserError) return { code: EXIT.usage, message: cause.message, hint: cause.hint, step: err.step };
    const details = cause instanceof ToolError ? cause.details : undefined;
    return { code: EXIT.failed, message: err.message, hint: err.hint, step: err.step, ...(details ? { details } : {}) };
  }
  if (err instanceof ToolError) return { code: EXIT.failed, message: err.message, hint: err.hint, ...(err.details ? { details: err.details } : {}) };
  return {
    code: EXIT.failed,
    message: `internal error: ${messageOf(err)}`,
    hint: 'this is a bug in lifesub; run again with --verbose and report the output',
  };
}

export function formatExitReport(r: ExitReport): string {
  const lines = [`error: ${r.message}`];
  if (r.details) lines.push(...r.details.split('\n').map((l) => `  | ${l}`));
  if ((r as Hinted).hint) lines.push(`hint: ${r.hint}`);
  return lines.join('\n');
}
