// `lifesub sandbox serve`: own the sandbox until the signal fires, advertising the endpoints, profile
// and faults in serve.json so other lifesub commands attach instead of starting their own servers.
// In the foreground a person stops it with Ctrl-C; in the background (`--background`, started by
// src/sandbox/background.ts) `lifesub sandbox stop` sends SIGTERM.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { runningServe, serverFaults, writeServeInfo } from './attach.js';
import type { SandboxHandle, SandboxOptions } from './contract.js';
import { FAULTS_VAR } from './env.js';
import { loadFaults } from './faults.js';
import { sandboxPaths } from './home.js';
import { startOwnedSandbox, type StartDeps } from './start.js';

export interface ServeOptions {
  /** Started by a `--sandbox` command or `lifesub sandbox start` (recorded in serve.json as `mode`). */
  background?: boolean;
  /**
   * How often (ms) a background sandbox checks that its serve.json is still its own; gone (the sandbox
   * directory deleted, `sandbox reset`) → it exits at once, saving nothing into a directory that is gone.
   */
  watchdogMs?: number;
}

/**
 * Starts (owned), writes serve.json, calls `onReady` (the CLI prints the kubeconfig path), waits for
 * `signal`, then removes serve.json and stops the servers. Prints nothing itself.
 */
export async function serveSandbox(
  options: SandboxOptions,
  signal: AbortSignal,
  onReady?: (handle: SandboxHandle) => void,
  deps: StartDeps = {},
  serve: ServeOptions = {},
): Promise<void> {
  const handle = await startOwnedSandbox(options, deps);
  const paths = sandboxPaths(options.home);
  const faultsFile = process.env[FAULTS_VAR] ? path.resolve(process.env[FAULTS_VAR]) : undefined;
  let watchdog: NodeJS.Timeout | undefined;
  try {
    writeServeInfo(paths.serveFile, {
      pid: process.pid,
      startedAt: new Date().toISOString(),
      profile: handle.profile.name,
      ...handle.endpoints,
      kubeconfig: handle.kubeconfig,
      mode: serve.background ? 'background' : 'foreground',
      faults: serverFaults(loadFaults()),
      ...(faultsFile ? { faultsFile } : {}),
      ...(serve.background ? { log: paths.serveLogFile } : {}),
    });
    onReady?.(handle);
    if (serve.background) {
      watchdog = setInterval(() => {
        if (!existsSync(paths.dir)) process.exit(0);
        if (runningServe(paths.serveFile)?.pid !== process.pid) process.kill(process.pid, 'SIGTERM');
      }, serve.watchdogMs ?? 2000);
      watchdog.unref();
    }
    if (!signal.aborted) await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  } finally {
    if (watchdog) clearInterval(watchdog);
    if (runningServe(paths.serveFile)?.pid === process.pid) rmSync(paths.serveFile, { force: true });
    if (serve.background) rmSync(paths.servePidFile, { force: true });
    await handle.close();
  }
}
