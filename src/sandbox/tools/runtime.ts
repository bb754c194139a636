// What every tool shim shares: the sandbox environment, the latency profile, fault rules, prompt exit
// on SIGTERM/SIGINT, and turning failures into the real tool's style of stderr + exit code.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Faults, DurationName, Profile } from '../contract.js';
import { FAULTS_VAR, HOME_VAR, PROFILE_DATA_VAR, PROFILE_VAR } from '../env.js';
import { toolFault, type ToolName } from '../tool-faults.js';
import { pathsOfSandboxDir, type SandboxPaths } from '../home.js';
import { scaled } from '../profile-scale.js';

/** Ends the tool with this exit code after printing `stderr` (already in the real tool's words). */
export class ToolExit extends Error {
  constructor(
    public readonly exitCode: number,
    public readonly stderr: string,
  ) {
    super(stderr);
  }
}

export interface ToolContext {
  argv: string[];
  env: NodeJS.ProcessEnv;
  /** Fires on SIGTERM/SIGINT; long work must stop promptly. */
  signal: AbortSignal;
  faults: Faults;
  profile: Profile;
  /** Sandbox file locations; throws a clear error when the tool runs outside the sandbox. */
  paths(): SandboxPaths;
  /** Sleeps for the profile's duration (× scale × slow fault); rejects when the signal fires. */
  delay(name: DurationName, fraction?: number): Promise<void>;
  out(text: string): void;
  err(text: string): void;
}

/** Runs a shim's main function as the whole process. */
export function runTool(tool: ToolName, main: (ctx: ToolContext) => Promise<number | void>): void {
  const controller = new AbortController();
  const onSignal = (sig: NodeJS.Signals) => {
    controller.abort(new Error(`received ${sig}`));
    // Give the tool a moment to record "failed" (as helm does) but never linger.
    setTimeout(() => process.exit(sig === 'SIGINT' ? 130 : sig === 'SIGHUP' ? 129 : 143), 1500).unref();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  // A closed terminal: real git, docker and gradle clean up on SIGHUP as on SIGTERM.
  process.on('SIGHUP', onSignal);

  const argv = process.argv.slice(2);
  const finish = (code: number) => {
    process.exitCode = code;
    // Keep-alive sockets of fetch() must not hold the process open.
    setTimeout(() => process.exit(code), 50).unref();
  };
  start(tool, argv, controller.signal, main).then(finish, (err: unknown) => finish(report(err, controller.signal)));
}

async function start(tool: ToolName, argv: string[], signal: AbortSignal, main: (ctx: ToolContext) => Promise<number | void>): Promise<number> {
  recordArgv(tool, argv);
  // zod (for validating the fault file) is loaded only when there is a fault file.
  const faults: Faults = process.env[FAULTS_VAR] ? (await import('../faults.js')).loadFaults(process.env) : {};
  const fault = toolFault(faults, tool, argv);
  if (fault) {
    process.stderr.write(fault.stderr.endsWith('\n') ? fault.stderr : `${fault.stderr}\n`);
    return fault.exitCode;
  }
  // The profile lifesub already loaded (JSON in the environment); the YAML only when run by hand.
  const data = process.env[PROFILE_DATA_VAR];
  const profile: Profile = data ? (JSON.parse(data) as Profile) : (await import('../profile.js')).loadProfile(process.env[PROFILE_VAR] ?? 'fast');
  const ctx: ToolContext = {
    argv,
    env: process.env,
    signal,
    faults,
    profile,
    paths: () => {
      const dir = process.env[HOME_VAR];
      if (!dir) throw new ToolExit(1, `${tool}: ${HOME_VAR} is not set (this is the lifesub sandbox's ${tool}; run it through lifesub --sandbox)\n`);
      return pathsOfSandboxDir(dir);
    },
    delay: (name, fraction = 1) => sleep(scaled(profile, name, faults) * fraction, signal),
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
  };
  return (await main(ctx)) ?? 0;
}

function report(err: unknown, signal: AbortSignal): number {
  if (err instanceof ToolExit) {
    process.stderr.write(err.stderr.endsWith('\n') ? err.stderr : `${err.stderr}\n`);
    return err.exitCode;
  }
  if (signal.aborted) return 143;
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`Error: ${message}\n`);
  return 1;
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Reads all of stdin (values, passwords). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Appends this invocation to <sandbox>/argv.ndjson: what a process listing on the student's machine
 * would show. The tests scan it for secrets (nothing secret may travel in argv; stdin carries those).
 */
function recordArgv(tool: ToolName, argv: string[]): void {
  const dir = process.env[HOME_VAR];
  if (!dir) return;
  try {
    appendFileSync(join(dir, 'argv.ndjson'), `${JSON.stringify({ tool, argv, pid: process.pid })}\n`);
  } catch {
    // Only a record for the tests: a read-only or missing sandbox directory must not fail the tool.
  }
}
