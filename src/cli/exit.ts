// The one place where errors become what the user sees: a message, a hint and an exit code.
// User mistakes never show a stack trace; bugs do (only with --verbose) and say they are bugs.
import { AbortedError, EXIT, StepFailure, ToolError, UserError, messageOf, type Hinted } from '../core/errors.js';

/** What the run changed in the world (src/adapters/write-log.ts): exit 2 is only allowed while nothing was. */
export interface WorldChanges {
  readonly changed: boolean;
  summary(): string;
}

export interface ExitReport {
  code: number;
  message: string;
  hint?: string;
  step?: string;
  details?: string;
}

/**
 * The exit report for an error. A user error means exit 2 ("nothing was changed") only while `writes`
 * records no change; after one it exits 1 and the message says what had already been changed.
 */
export function toExitReport(err: unknown, writes?: WorldChanges): ExitReport {
  const report = reportOf(err);
  if (report.code !== EXIT.usage || !writes?.changed) return report;
  return { ...report, code: EXIT.failed, message: `${report.message} (already changed before this error: ${writes.summary()})` };
}

function reportOf(err: unknown): ExitReport {
  if (err instanceof UserError) return { code: EXIT.usage, message: err.message, hint: err.hint };
  if (err instanceof AbortedError) return { code: EXIT.interrupted, message: err.message };
  if (err instanceof StepFailure) {
    const cause = err.cause;
    if (cause instanceof UserError) return { code: EXIT.usage, message: cause.message, hint: cause.hint, step: err.step, ...detailsOf(cause) };
    const details = cause instanceof ToolError ? cause.details : undefined;
    // A cause that is neither the world's fault nor the user's is a bug of ours: say so.
    const hint = err.hint ?? (cause instanceof ToolError || cause instanceof AbortedError ? undefined : BUG_HINT);
    return { code: EXIT.failed, message: err.message, hint, step: err.step, ...(details ? { details } : {}) };
  }
  if (err instanceof ToolError) return { code: EXIT.failed, message: err.message, hint: err.hint, ...(err.details ? { details: err.details } : {}) };
  return { code: EXIT.failed, message: `internal error: ${messageOf(err)}`, hint: BUG_HINT };
}

/** A UserError may carry lines too (preflight lists every problem with its fix). */
function detailsOf(err: UserError): { details?: string } {
  const details = (err as UserError & { details?: unknown }).details;
  return typeof details === 'string' && details ? { details } : {};
}

const BUG_HINT = 'this is a bug in lifesub; run again with --verbose (it prints the stack trace) and report the output';

/** The stack trace worth showing with --verbose: only for bugs, never for user or tool errors. */
export function bugStack(err: unknown): string | undefined {
  const cause = err instanceof StepFailure ? err.cause : err;
  if (cause instanceof UserError || cause instanceof ToolError || cause instanceof AbortedError) return undefined;
  return cause instanceof Error ? cause.stack : undefined;
}

/** Masks secrets in everything a report prints (the runner masks events; this covers the last lines). */
export function maskReport(r: ExitReport, mask: (text: string) => string): ExitReport {
  return {
    ...r,
    message: mask(r.message),
    ...(r.hint ? { hint: mask(r.hint) } : {}),
    ...(r.details ? { details: mask(r.details) } : {}),
  };
}

export function formatExitReport(r: ExitReport): string {
  const lines = [`error: ${r.message}`];
  if (r.details) lines.push(...r.details.split('\n').map((l) => `  | ${l}`));
  if ((r as Hinted).hint) lines.push(`hint: ${r.hint}`);
  return lines.join('\n');
}
