// The real CommandRunner: execa with argument arrays (never a shell), stdin for secrets, and
// process-group kills so that abort and timeout take grandchildren down with the tool.
import { existsSync } from 'node:fs';
import { execa } from 'execa';
import { AbortedError, ToolError } from '../core/errors.js';
import type { CommandRunner, LineSink, RunOptions, RunResult } from './types.js';
import { describeCommand, formatDuration, installHint, toolName } from './exec/describe.js';
import { killGroup, trackGroup, untrackGroup } from './exec/process-groups.js';
import { redactor } from './redact.js';

export interface ExecaRunnerOptions {
  /** Merged into every child's environment (e.g. the sandbox puts its shim directory first on PATH). */
  env?: Record<string, string>;
  /** Tool name → executable path ('helm' → '/opt/helm/helm'). Unlisted tools are looked up on PATH. */
  toolPaths?: Partial<Record<string, string>>;
  /** Time between SIGTERM and SIGKILL on abort/timeout. */
  killGraceMs?: number;
}

/** How many trailing output lines go into ToolError.details. */
const TAIL_LINES = 20;

export class ExecaRunner implements CommandRunner {
  constructor(private readonly options: ExecaRunnerOptions = {}) {}

  async run(file: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
    const tool = toolName(file);
    const command = describeCommand(file, args);
    const clean = redactor(options.secrets);
    if (options.signal.aborted) throw new AbortedError(`${command} interrupted`);

    const executable = this.options.toolPaths?.[file] ?? file;
    const sink = options.onLine;
    const errSink = options.onStderr ?? sink;
    const child = execa(executable, [...args], {
      cwd: options.cwd,
      env: { ...this.options.env, ...options.env },
      ...(options.input === undefined ? { stdin: 'ignore' as const } : { input: options.input }),
      stdout: sink ? [lineTransform(sink, clean), 'pipe'] : 'pipe',
      stderr: errSink ? [lineTransform(errSink, clean), 'pipe'] : 'pipe',
      detached: true,
      reject: false,
      stripFinalNewline: true,
    });

    let stopped: 'abort' | 'timeout' | undefined;
    const stop = (why: 'abort' | 'timeout') => {
      if (stopped || child.pid === undefined) return;
      stopped = why;
      killGroup(child.pid, this.options.killGraceMs);
    };
    const onAbort = () => stop('abort');
    options.signal.addEventListener('abort', onAbort, { once: true });
    const timer = options.timeoutMs ? setTimeout(() => stop('timeout'), options.timeoutMs) : undefined;
    if (child.pid !== undefined) trackGroup(child.pid);

    try {
      const result = await child;
      const stdout = String(result.stdout ?? '');
      const stderr = String(result.stderr ?? '');
      if (stopped === 'abort') throw new AbortedError(`${command} interrupted`);
      const details = tail(stderr.trim() ? stderr : stdout, clean);
      if (stopped === 'timeout') {
        throw new ToolError(
          clean(`${command} timed out after ${formatDuration(options.timeoutMs ?? 0)}`),
          'the tool did not finish in time: check its output, then retry or raise the timeout',
          { details },
        );
      }
      if (result.failed) {
        if (result.exitCode === undefined && result.signal === undefined) {
          throw spawnError(tool, executable, result.code, options.cwd, clean);
        }
        const how = result.exitCode !== undefined ? `exited with code ${result.exitCode}` : `was killed by ${result.signal}`;
        throw new ToolError(clean(`${command} ${how}`), undefined, { details });
      }
      return { stdout, stderr };
    } finally {
      options.signal.removeEventListener('abort', onAbort);
      if (timer) clearTimeout(timer);
      if (child.pid !== undefined) untrackGroup(child.pid);
    }
  }
}

/** An execa line transform that reports each (redacted) line and passes it through unchanged. */
function lineTransform(sink: LineSink, clean: (s: string) => string) {
  return function* (line: unknown) {
    const text = String(line);
    if (text.trim()) sink(clean(text));
    yield line;
  };
}

function tail(output: string, clean: (s: string) => string): string | undefined {
  const lines = output.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return undefined;
  return clean(lines.slice(-TAIL_LINES).join('\n'));
}

function spawnError(tool: string, executable: string, code: string | undefined, cwd: string | undefined, clean: (s: string) => string): ToolError {
  // No `cause`: execa's errors carry the full argv and output, which we never pass on.
  if (cwd !== undefined && !existsSync(cwd)) {
    return new ToolError(clean(`${tool}: working directory ${cwd} does not exist`), undefined);
  }
  if (code === 'ENOENT') {
    const where = executable === tool ? '' : ` at ${executable}`;
    return new ToolError(clean(`${tool} not found${where}`), installHint(tool));
  }
  if (code === 'EACCES') {
    return new ToolError(clean(`${tool} is not executable (${executable})`), `chmod +x ${executable}`);
  }
  return new ToolError(clean(`${tool} could not be started (${code ?? 'unknown error'})`), undefined);
}
