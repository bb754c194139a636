// Typed errors. One place (src/cli/exit.ts) maps them to a message, a hint and an exit code:
//   UserError     → exit 2: bad input or configuration; nothing was changed.
//   ToolError     → a step failed because an external tool/API failed (exit 1 via StepFailure).
//   StepFailure   → exit 1: a named step failed; carries the step name and the cause.
//   AbortedError  → exit 130: interrupted (Ctrl-C) or cancelled.
// Anything else is a bug and is reported as such (still without dumping secrets).

import { toolOutputCause } from '../diagnosis/tool-output.js';

export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

export interface Hinted {
  /** One line telling the user what to do about it. */
  hint?: string;
}

export class UserError extends Error implements Hinted {
  override name = 'UserError';
  constructor(
    message: string,
    public hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A failure of the outside world (tool exit code, API error, timeout) with a user-facing message. */
export class ToolError extends Error implements Hinted {
  override name = 'ToolError';
  constructor(
    message: string,
    public hint?: string,
    options?: { cause?: unknown; details?: string },
  ) {
    super(message, { cause: options?.cause });
    this.details = options?.details;
  }
  /** Extra lines (already redacted) such as the tail of a tool's stderr or a pod's last log lines. */
  details?: string;
  /** The failure reads as transient (429, 5xx, a dropped connection): the same work may succeed if repeated. */
  transient?: boolean;
}

export class StepFailure extends Error implements Hinted {
  override name = 'StepFailure';
  constructor(
    public step: string,
    public override cause: unknown,
  ) {
    super(`step '${step}' failed: ${messageOf(cause)}`, { cause });
  }
  get hint(): string | undefined {
    return (this.cause as Hinted | undefined)?.hint;
  }
}

export class AbortedError extends Error {
  override name = 'AbortedError';
  constructor(message = 'interrupted') {
    super(message);
  }
}

export function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

export function isAbort(err: unknown, signal?: AbortSignal): boolean {
  if (err instanceof AbortedError) return true;
  if (signal?.aborted) return true;
  return err instanceof Error && err.name === 'AbortError';
}

/** Throws AbortedError when the signal has fired; call between units of work. */
export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new AbortedError(reasonOf(signal));
}

function reasonOf(signal: AbortSignal): string {
  const r: unknown = signal.reason;
  if (r instanceof Error) return r.message;
  return typeof r === 'string' ? r : 'interrupted';
}

/**
 * The error a step re-throws after a tool call failed: a ToolError/UserError gets `hint` when it has
 * none (an adapter's own, more precise hint wins; a cause the tool's own output states — see
 * src/diagnosis/tool-output.ts — wins over both) and is returned as is; anything else is wrapped in a
 * ToolError keeping it as `cause`. Interruptions pass through untouched so they still exit 130.
 */
export function withHint(err: unknown, hint: string): Error {
  if (err instanceof AbortedError || (err instanceof Error && err.name === 'AbortError')) return err;
  // A cause the tool itself stated (a full disk, another release owning an object, RBAC, a webhook)
  // beats both the step's generic hint and the adapter's.
  const known = err instanceof UserError ? undefined : toolOutputCause(`${messageOf(err)}\n${(err as ToolError).details ?? ''}`);
  if (err instanceof ToolError || err instanceof UserError) {
    if (known) {
      err.hint = known.hint;
      // "helm … exited with code 1" says nothing; the first line must name the cause the tool stated.
      const said = known.summary ?? known.quote;
      if (!err.message.includes(said)) err.message = `${err.message}: ${said}`;
    } else if (!err.hint) err.hint = hint;
    return err;
  }
  return new ToolError(messageOf(err), known?.hint ?? hint, { cause: err });
}

/** For `promise.catch(…)`: re-throws through withHint, e.g. `await helm.uninstall(…).catch(rethrowWithHint(hint))`. */
export function rethrowWithHint(hint: string): (err: unknown) => never {
  return (err) => {
    throw withHint(err, hint);
  };
}
