// The background sandbox, like kind's or minikube's cluster: the first `--sandbox` command starts
// `lifesub sandbox serve --background` as a detached process (output in <sandbox>/serve.log, pid in
// serve.pid, then serve.json once it answers) and attaches to it; later commands attach too, so the
// app's URLs keep answering after `up` exits. `lifesub sandbox stop` ends it.
//
// Profile and API-server faults are fixed when it starts. A command asking for others (an explicit
// --profile, or LIFESUB_SANDBOX_FAULTS with other server-side faults) restarts it when no other command
// is attached, and fails with the fix when one is (start.ts). Tool faults, the lab variant and the
// Java version are read by the tool shims, which run under each command with its own environment.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/errors.js';
import { liveServe, runningServe, type ServeInfo } from './attach.js';
import { otherClients } from './clients.js';
import type { SandboxOptions } from './contract.js';
import { FAULTS_VAR } from './env.js';
import { loadFaults } from './faults.js';
import { sandboxPaths, type SandboxPaths } from './home.js';
import { packageRoot } from './package-root.js';
import { isRunning, pidIn, signal, waitForExit } from './processes.js';
import { loadProfile } from './profile.js';
import { lockHolder, tryLock, unlock } from './lock.js';
import { servedMismatch } from './start.js';

/** `0`, `false`, `no` or `off`: `--sandbox` commands serve the sandbox in their own process (gone when they exit). */
export const BACKGROUND_VAR = 'LIFESUB_SANDBOX_BACKGROUND';

/** Whether `--sandbox` commands use (and start) the background sandbox; default yes. */
export function backgroundWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return !['0', 'false', 'no', 'off'].includes((env[BACKGROUND_VAR] ?? '').trim().toLowerCase());
}

export interface EnsureOptions {
  /** How long the background process may take to answer (default 60 s: a busy 2-core CI machine). */
  startTimeoutMs?: number;
  /** SIGTERM → SIGKILL grace when a restart stops the old one (default 10 s). */
  graceMs?: number;
  /** One line for the person at the terminal (started, restarted). */
  notify?: (line: string) => void;
  signal?: AbortSignal;
}

/**
 * Makes sure the background sandbox of `options.home` runs with what the command asks for: starts it,
 * restarts it (other profile or server faults, nobody else attached), or leaves it (a compatible one,
 * or a foreground `sandbox serve`, which start.ts then attaches to or refuses). Returns what serves.
 * Throws UserError when it cannot start (the reason from its log) or another command is using it.
 */
export async function ensureBackground(options: SandboxOptions, opts: EnsureOptions = {}): Promise<ServeInfo> {
  loadProfile(options.profile ?? 'fast');
  const faults = process.env[FAULTS_VAR] ? loadFaults() : undefined;
  const paths = sandboxPaths(options.home);
  mkdirSync(paths.dir, { recursive: true });
  // One command at a time starts or restarts it; the others wait here and then attach.
  return withProcessLock(
    paths.backgroundLockFile,
    async () => {
      const served = await liveServe(paths.serveFile, opts.signal);
      // What the command leaves open (no --profile, no fault file) a restart keeps as it was.
      let keep: { profile?: string; faultsFile?: string } = {};
      if (served) {
        const mismatch = servedMismatch(served, options.profile, faults);
        if (!mismatch || served.mode !== 'background') return served;
        const others = otherClients(paths.clientsDir);
        if (others.length > 0) {
          throw new UserError(
            `the background sandbox (pid ${served.pid}) runs with ${mismatch.served}, this command asks for ${mismatch.wanted}, and lifesub process${others.length > 1 ? 'es' : ''} ${others.join(', ')} ${others.length > 1 ? 'are' : 'is'} using it`,
            'wait for them to finish (this command then restarts it as asked), or run this command without --profile/LIFESUB_SANDBOX_FAULTS to use it as it is',
          );
        }
        opts.notify?.(
          `SANDBOX: restarting the background sandbox (pid ${served.pid}): it ran with ${mismatch.served}, this command asks for ${mismatch.wanted}`,
        );
        keep = { profile: served.profile, faultsFile: served.faultsFile };
      }
      // Also a background leftover that runs but does not answer (hung, or its spawner was killed mid-start).
      await stopServed(paths, opts.graceMs ?? 10_000, true);
      const info = await startBackground({ ...options, profile: options.profile ?? keep.profile }, paths, opts, faults ? undefined : keep.faultsFile);
      opts.notify?.(
        `SANDBOX: started the background sandbox (pid ${info.pid}, ${info.profile} profile); it keeps running after this command — \`lifesub sandbox stop\` ends it`,
      );
      return info;
    },
    (opts.startTimeoutMs ?? 60_000) + 2 * (opts.graceMs ?? 10_000),
  );
}

/**
 * Runs `fn` holding a lock file that names this process; a lock whose process has died (a command
 * killed while starting the sandbox) is taken over at once instead of waited out.
 */
async function withProcessLock<T>(file: string, fn: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (!tryLock(file, 'background sandbox')) {
    if (Date.now() > deadline) {
      throw new UserError(
        `another lifesub process (pid ${lockHolder(file) ?? '?'}) has been starting or stopping the sandbox for ${Math.round(timeoutMs / 1000)} s`,
        `see ${path.join(path.dirname(file), 'serve.log')}; \`lifesub sandbox stop\` ends a sandbox that hangs`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  try {
    return await fn();
  } finally {
    unlock(file);
  }
}

/** Spawns `lifesub sandbox serve --background` detached and waits until its serve.json answers. */
async function startBackground(options: SandboxOptions, paths: SandboxPaths, opts: EnsureOptions, faultsFile?: string): Promise<ServeInfo> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (faultsFile) env[FAULTS_VAR] = faultsFile;
  if (env[FAULTS_VAR]) env[FAULTS_VAR] = path.resolve(env[FAULTS_VAR]);
  else delete env[FAULTS_VAR];
  const log = openSync(paths.serveLogFile, 'w', 0o600);
  let exited: string | undefined;
  const child = (() => {
    try {
      return spawn(process.execPath, [path.join(packageRoot, 'bin', 'lifesub'), 'sandbox', 'serve', '--background', '--profile', options.profile ?? 'fast'], {
        cwd: paths.dir,
        env,
        // Its own session: a terminal's Ctrl-C or a CI step's process-group kill does not reach it.
        detached: true,
        stdio: ['ignore', log, log],
      });
    } finally {
      closeSync(log);
    }
  })();
  child.on('exit', (code, sig) => (exited = sig ? `signal ${sig}` : `exit code ${code}`));
  child.on('error', (err) => (exited = err.message));
  child.unref();
  if (child.pid === undefined) throw new UserError(`could not start the background sandbox: ${exited ?? 'no pid'}`, 'check that node can run lifesub');
  writeFileSync(paths.servePidFile, `${child.pid}\n`);

  const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
  for (;;) {
    const info = await liveServe(paths.serveFile, opts.signal);
    if (info?.pid === child.pid) return info;
    if (exited !== undefined || !isRunning(child.pid)) {
      rmSync(paths.servePidFile, { force: true });
      throw startFailure(`it ended${exited ? ` (${exited})` : ''}`, paths);
    }
    if (opts.signal?.aborted || Date.now() > deadline) {
      signal(child.pid, 'SIGKILL');
      await waitForExit(child.pid, 5_000);
      rmSync(paths.servePidFile, { force: true });
      if (opts.signal?.aborted) throw opts.signal.reason;
      throw startFailure(`it did not answer within ${Math.round((opts.startTimeoutMs ?? 60_000) / 1000)} s`, paths);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function startFailure(what: string, paths: SandboxPaths): UserError {
  // The serve command reports its own failure as "error: …" and "hint: …" (e.g. the state is in use).
  const lines = logTail(paths.serveLogFile, 8);
  return new UserError(
    `the background sandbox did not start: ${what}${lines.length ? `; its log says:\n  ${lines.join('\n  ')}` : ''}`,
    `see ${paths.serveLogFile}; \`lifesub sandbox serve\` in a terminal shows it start`,
  );
}

function logTail(file: string, n: number): string[] {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').filter(Boolean).slice(-n);
  } catch {
    return [];
  }
}

export interface StopResult {
  pid: number;
  /** It did not end within the grace after SIGTERM and was killed with SIGKILL. */
  forced: boolean;
}

/** Stops whatever serves the sandbox of `home` (background or foreground): SIGTERM, SIGKILL after `graceMs`; waits until gone. */
export async function stopSandbox(home: string, graceMs = 10_000): Promise<StopResult[]> {
  const paths = sandboxPaths(home);
  if (!existsSync(paths.dir)) return [];
  return withProcessLock(paths.backgroundLockFile, () => stopServed(paths, graceMs), 2 * graceMs + 10_000);
}

async function stopServed(paths: SandboxPaths, graceMs: number, backgroundOnly = false): Promise<StopResult[]> {
  const pids = new Set<number>();
  const served = runningServe(paths.serveFile);
  if (served && (!backgroundOnly || served.mode === 'background')) pids.add(served.pid);
  const spawned = pidIn(paths.servePidFile);
  if (spawned !== undefined && isRunning(spawned)) pids.add(spawned);
  const results: StopResult[] = [];
  for (const pid of pids) {
    signal(pid, 'SIGTERM');
    let forced = false;
    if (!(await waitForExit(pid, graceMs))) {
      forced = true;
      signal(pid, 'SIGKILL');
      await waitForExit(pid, 5_000);
    }
    results.push({ pid, forced });
  }
  // A process that was killed hard (or died) cleaned nothing up: its files must not be read as live.
  if (!runningServe(paths.serveFile)) rmSync(paths.serveFile, { force: true });
  const left = pidIn(paths.servePidFile);
  if (left === undefined || !isRunning(left)) rmSync(paths.servePidFile, { force: true });
  return results;
}

export interface SandboxStatus {
  running: boolean;
  /** serve.json of the running sandbox. */
  info?: ServeInfo;
  /** Its endpoints answer. */
  answering?: boolean;
  uptimeMs?: number;
}

/** What serves the sandbox of `home`, if anything. */
export async function sandboxStatus(home: string): Promise<SandboxStatus> {
  const paths = sandboxPaths(home);
  const info = runningServe(paths.serveFile);
  if (!info) return { running: false };
  const answering = (await liveServe(paths.serveFile)) !== undefined;
  return { running: true, info, answering, uptimeMs: Math.max(0, Date.now() - Date.parse(info.startedAt)) };
}
