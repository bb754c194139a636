// Runs the BUILT CLI (`node bin/lifesub …`) as a child process, the way a user or CI does, and reads
// its NDJSON events. Shared by the end-to-end and fidelity tests in test/e2e.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StepEvent as ProductStepEvent, SummaryEvent as ProductSummaryEvent } from '../../src/output/events.js';
import { TEST_RUN_VAR, killSandboxOf, trackHome } from './background-sandboxes.js';
import { e2eHelm } from './helm.js';
import { filesOf, scanHome, secretsOfHome } from './secret-scan.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const binPath = join(repoRoot, 'bin', 'lifesub');
export const builtMain = join(repoRoot, 'dist', 'cli', 'main.js');

/** One NDJSON object printed by `--output json` (step, log, summary, status, plan, render). */
export interface CliEvent {
  type: string;
  [key: string]: unknown;
}

// The event shapes are the product's own (src/output/events.ts), so the tests cannot drift from them;
// as parsed from stdout they are also plain CliEvents.
export type StepEvent = CliEvent & ProductStepEvent;
export type SummaryEvent = CliEvent & ProductSummaryEvent;

export interface CliResult {
  /** Exit code; null when the process died of a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Parsed stdout lines (only in json mode, else empty). */
  events: CliEvent[];
  durationMs: number;
}

export interface RunOptions {
  /** Added to a clean environment (LIFESUB_HOME belongs here). */
  env?: Record<string, string | undefined>;
  /** Kill the whole process group and fail after this long (default 60 s). */
  timeoutMs?: number;
  cwd?: string;
}

/** Fails fast with the fix when the CLI has not been built (npm test builds first). */
export function assertBuilt(): void {
  if (!existsSync(builtMain)) {
    throw new Error(`${builtMain} does not exist: run \`npm run build\` first (\`npm test\` does it before vitest)`);
  }
}

/** A fresh $LIFESUB_HOME; remove it with removeHome. */
export function freshHome(label: string): string {
  return mkdtempSync(join(tmpdir(), `lifesub-e2e-${label}-`));
}

/**
 * Removes a home after scanning it (issue 8, item 7): every capture of the CLI runs that used it, every
 * file in it and the sandbox tools' argv log must be free of the secrets in play. Throws naming where a
 * secret was found (the home is removed all the same); LIFESUB_SKIP_SECRET_SCAN=1 turns the scan off.
 */
export function removeHome(home: string | undefined): void {
  if (!home) return;
  const hits = process.env.LIFESUB_SKIP_SECRET_SCAN ? [] : scanHome(home, captures.get(home) ?? []);
  if (process.env.LIFESUB_SECRET_SCAN_REPORT) {
    const files = filesOf(home);
    const argv = files.includes(join('sandbox', 'argv.ndjson'))
      ? readFileSync(join(home, 'sandbox', 'argv.ndjson'), 'utf8')
          .split('\n')
          .filter(Boolean).length
      : 0;
    process.stderr.write(
      `secret scan of ${home}: ${secretsOfHome(home).length} secrets, ${captures.get(home)?.length ?? 0} captures, ${files.length} files, ${argv} tool argv records, ${hits.length} hits\n`,
    );
  }
  captures.delete(home);
  killSandboxOf(home);
  rmSync(home, { recursive: true, force: true });
  if (hits.length > 0) {
    throw new Error(`secret values found outside the cluster:\n${hits.map((h) => `  ${h.secret} in ${h.where}`).join('\n')}`);
  }
}

/** stdout/stderr of every CLI run, by its LIFESUB_HOME, for removeHome's secret scan. */
const captures = new Map<string, Array<{ where: string; text: string }>>();

function capture(home: string | undefined, what: string, stdout: string, stderr: string): void {
  if (!home) return;
  const list = captures.get(home) ?? [];
  list.push({ where: `stdout of ${what}`, text: stdout }, { where: `stderr of ${what}`, text: stderr });
  captures.set(home, list);
}

/** Writes a `--config` override file (YAML text) into `dir` and returns its path. */
export function writeFile(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/**
 * The environment the CLI sees: the test runner's, without anything that could point it at a real
 * cluster or another sandbox, plus `extra`. `--sandbox` commands serve the sandbox in their own
 * process (LIFESUB_SANDBOX_BACKGROUND=0) unless `extra` says otherwise: the suite's commands each
 * want their own profile and faults, and a test that wants the background sandbox says so.
 */
export function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const run = process.env[TEST_RUN_VAR];
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) {
    if (k.startsWith('LIFESUB_') || k === 'KUBECONFIG' || k === 'DOCKER_CONFIG' || k.startsWith('AZURE_')) delete env[k];
  }
  env.LIFESUB_SANDBOX_BACKGROUND = '0';
  // The marker the global teardown finds this run's background sandboxes by.
  if (run) env[TEST_RUN_VAR] = run;
  trackHome(extra.LIFESUB_HOME);
  delete env.NODE_OPTIONS; // vitest's loader flags must not leak into the CLI
  // The real helm of this e2e project (Helm 3.17 or 4.1); `extra` may still override it.
  const helm = e2eHelm();
  if (helm) env.LIFESUB_HELM = helm;
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

function isJsonMode(args: readonly string[]): boolean {
  return args.some((a, i) => ((a === '--output' || a === '-o') && args[i + 1] === 'json') || a === '--output=json' || a === '-ojson');
}

/** Parses NDJSON; a stdout line that is not a JSON object is a bug of `--output json`, so say which. */
export function parseEvents(stdout: string, context: string): CliEvent[] {
  const events: CliEvent[] = [];
  for (const line of stdout.split('\n')) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`${context}: stdout line is not JSON (json mode must print only NDJSON):\n  ${line}\n--- whole stdout ---\n${stdout}`);
    }
    if (!value || typeof value !== 'object' || typeof (value as CliEvent).type !== 'string') {
      throw new Error(`${context}: stdout line is not an event object with a "type":\n  ${line}`);
    }
    events.push(value as CliEvent);
  }
  return events;
}

export interface RunningCli {
  child: ChildProcess;
  /** Resolves when the process has exited and its output is closed. */
  done: Promise<CliResult>;
}

const running = new Set<ChildProcess>();

/** Starts `node bin/lifesub …args` in its own process group (so a timeout can kill everything it spawned). */
export function spawnCli(args: string[], options: RunOptions = {}): RunningCli {
  const started = Date.now();
  const what = `lifesub ${args.join(' ')}`;
  const child = spawn(process.execPath, [binPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: cliEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const timeoutMs = options.timeoutMs ?? 60_000;
  const done = new Promise<CliResult>((resolveDone, reject) => {
    let timedOut = false;
    // SIGTERM first: the CLI then stops its own tools (helm, docker…), which live in process groups of
    // their own that a SIGKILL of the CLI's group would leave running into the next test.
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child, 'SIGTERM');
      setTimeout(() => killGroup(child, 'SIGKILL'), 5_000).unref();
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      running.delete(child);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      capture(options.env?.LIFESUB_HOME, what, stdout, stderr);
      if (timedOut) {
        reject(new Error(`${what} did not finish within ${timeoutMs} ms\n--- stdout ---\n${tail(stdout)}\n--- stderr ---\n${tail(stderr)}`));
        return;
      }
      try {
        const events = isJsonMode(args) ? parseEvents(stdout, what) : [];
        resolveDone({ code, signal, stdout, stderr, events, durationMs: Date.now() - started });
      } catch (err) {
        reject(err);
      }
    });
  });
  return { child, done };
}

/** Runs the CLI to completion. */
export function runCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  return spawnCli(args, options).done;
}

export interface Serve {
  kubeconfig: string;
  child: ChildProcess;
  /** Sends SIGTERM and waits for the exit (SIGKILL after 10 s); resolves with the exit code. */
  stop(): Promise<number | null>;
  output(): { stdout: string; stderr: string };
}

/** Starts `lifesub sandbox serve` and waits for its first line, `kubeconfig: <path>`. */
export function startServe(env: Record<string, string | undefined>, options: { timeoutMs?: number; args?: string[] } = {}): Promise<Serve> {
  const child = spawn(process.execPath, [binPath, 'sandbox', 'serve', ...(options.args ?? [])], {
    cwd: repoRoot,
    env: cliEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((r) =>
    child.on('close', (code) => {
      running.delete(child);
      r(code);
    }),
  );
  const stop = async (): Promise<number | null> => {
    if (child.exitCode !== null || child.signalCode !== null) return exited;
    child.kill('SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 10_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };
  return new Promise<Serve>((resolveServe, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(
        new Error(
          `lifesub sandbox serve printed no "kubeconfig:" line within ${options.timeoutMs ?? 20_000} ms\n--- stdout ---\n${tail(stdout)}\n--- stderr ---\n${tail(stderr)}`,
        ),
      );
    }, options.timeoutMs ?? 20_000);
    child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.stdout!.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
      const m = /^kubeconfig: (.+)$/m.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolveServe({ kubeconfig: m[1]!.trim(), child, stop, output: () => ({ stdout, stderr }) });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(
        new Error(
          `lifesub sandbox serve exited (code ${code}) before printing "kubeconfig:"\n--- stdout ---\n${tail(stdout)}\n--- stderr ---\n${tail(stderr)}`,
        ),
      );
    });
  });
}

/** Kills every CLI process a test left running (use in afterAll). */
export function killAllCli(): void {
  for (const child of running) killGroup(child, 'SIGKILL');
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

function tail(text: string, lines = 40): string {
  return text.split('\n').slice(-lines).join('\n');
}

// ---- reading events --------------------------------------------------------------------------

export function stepEvents(events: readonly CliEvent[]): StepEvent[] {
  return events.filter((e): e is StepEvent => e.type === 'step');
}

export function summaryOf(result: CliResult): SummaryEvent {
  const summaries = result.events.filter((e): e is SummaryEvent => e.type === 'summary');
  if (summaries.length !== 1) throw new Error(`expected exactly one summary event, got ${summaries.length}\n${explain(result)}`);
  const last = result.events[result.events.length - 1];
  if (last !== summaries[0]) throw new Error(`the summary must be the last event\n${explain(result)}`);
  return summaries[0]!;
}

/** The last status each step reached ("done", "skipped", "failed"), by step name. */
export function finalStatuses(events: readonly CliEvent[]): Map<string, StepEvent> {
  const last = new Map<string, StepEvent>();
  for (const e of stepEvents(events)) last.set(e.step, e);
  return last;
}

/** The failed step's event (throws, describing the run, when none failed). */
export function failedStep(result: CliResult): StepEvent {
  const failed = stepEvents(result.events).filter((e) => e.status === 'failed');
  if (failed.length === 0) throw new Error(`no step failed\n${explain(result)}`);
  return failed[0]!;
}

/** Everything worth printing when an assertion about a run fails. */
export function explain(result: CliResult): string {
  return `exit ${result.code}${result.signal ? ` (signal ${result.signal})` : ''} after ${result.durationMs} ms\n--- stdout ---\n${tail(result.stdout, 80)}\n--- stderr ---\n${tail(result.stderr, 40)}`;
}
