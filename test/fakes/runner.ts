// A scripted CommandRunner for tests: every call must match an expectation, anything else fails
// loudly with the full argv. Records every call (including stdin) so tests can assert that secrets
// travelled only on stdin.
import { describeCommand } from '../../src/adapters/exec/describe.js';
import type { CommandRunner, RunOptions, RunResult } from '../../src/adapters/types.js';
import { AbortedError, ToolError } from '../../src/core/errors.js';

export type ArgsMatcher = readonly string[] | ((args: readonly string[]) => boolean);

export interface Expectation {
  file: string;
  /** The exact argv, or a predicate over it. */
  args: ArgsMatcher;
  /** What the call returns (default: empty stdout/stderr). */
  result?: Partial<RunResult>;
  /** What the call rejects with instead (see `toolFailure`). */
  error?: Error;
  /** Lines sent to the caller's onLine before the call settles. */
  lines?: string[];
  /** Never settles on its own: rejects with AbortedError when the call's signal fires. */
  hang?: boolean;
}

export interface RecordedCall {
  file: string;
  args: string[];
  input?: string;
  cwd?: string;
  env?: Record<string, string>;
  secrets?: string[];
  timeoutMs?: number;
}

export class ScriptedRunner implements CommandRunner {
  readonly calls: RecordedCall[] = [];
  /** Calls that matched no expectation (also thrown at the caller). */
  readonly unexpected: RecordedCall[] = [];
  private readonly pending: Expectation[];

  /** `ordered` (default): calls must come in the listed order; otherwise any pending expectation may match. */
  constructor(
    expectations: Expectation[] = [],
    private readonly options: { ordered?: boolean } = {},
  ) {
    this.pending = [...expectations];
  }

  /** Adds expectations after construction. */
  expect(...expectations: Expectation[]): this {
    this.pending.push(...expectations);
    return this;
  }

  async run(file: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
    const call: RecordedCall = {
      file,
      args: [...args],
      input: options.input,
      cwd: options.cwd,
      env: options.env,
      secrets: options.secrets,
      timeoutMs: options.timeoutMs,
    };
    this.calls.push(call);
    if (options.signal.aborted) throw new AbortedError();

    const index = this.findMatch(file, args);
    if (index < 0) {
      this.unexpected.push(call);
      throw new Error(`ScriptedRunner: unexpected command: ${file} ${JSON.stringify(args)}\n${this.describePending()}`);
    }
    const [expectation] = this.pending.splice(index, 1) as [Expectation];
    for (const line of expectation.lines ?? []) options.onLine?.(line);
    if (expectation.hang) return hangUntilAborted(options.signal);
    if (expectation.error) throw expectation.error;
    return { stdout: expectation.result?.stdout ?? '', stderr: expectation.result?.stderr ?? '' };
  }

  /** Fails when expectations remain or an unexpected call was made. */
  assertDone(): void {
    if (this.unexpected.length > 0) {
      const list = this.unexpected.map((c) => `  ${c.file} ${JSON.stringify(c.args)}`).join('\n');
      throw new Error(`ScriptedRunner: unexpected commands were run:\n${list}`);
    }
    if (this.pending.length > 0) throw new Error(`ScriptedRunner: expected commands were not run.\n${this.describePending()}`);
  }

  private findMatch(file: string, args: readonly string[]): number {
    if (this.options.ordered === false) return this.pending.findIndex((e) => matches(e, file, args));
    const next = this.pending[0];
    return next && matches(next, file, args) ? 0 : -1;
  }

  private describePending(): string {
    if (this.pending.length === 0) return 'no expectations remain';
    const list = this.pending.map((e) => `  ${e.file} ${typeof e.args === 'function' ? '<predicate>' : JSON.stringify(e.args)}`);
    return `pending expectations${this.options.ordered === false ? '' : ' (in order)'}:\n${list.join('\n')}`;
  }
}

/** The ToolError the real runner produces for a non-zero exit, for scripting failures. */
export function toolFailure(file: string, args: readonly string[], stderr: string, exitCode = 1): ToolError {
  return new ToolError(`${describeCommand(file, args)} exited with code ${exitCode}`, undefined, { details: stderr });
}

function matches(e: Expectation, file: string, args: readonly string[]): boolean {
  if (e.file !== file) return false;
  if (typeof e.args === 'function') return e.args(args);
  return e.args.length === args.length && e.args.every((a, i) => a === args[i]);
}

function hangUntilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    signal.addEventListener('abort', () => reject(new AbortedError()), { once: true });
  });
}
