// `lifesub sandbox serve`: own the sandbox in the foreground until the signal fires, advertising the
// endpoints in serve.json so other lifesub commands attach instead of starting their own servers.
import { rmSync } from 'node:fs';
import { writeServeInfo } from './attach.js';
import type { SandboxHandle, SandboxOptions } from './contract.js';
import { sandboxPaths } from './home.js';
import { startOwnedSandbox, type StartDeps } from './start.js';

/**
 * Starts (owned), writes serve.json, calls `onReady` (the CLI prints the kubeconfig path), waits for
 * `signal`, then removes serve.json and stops the servers. Prints nothing itself.
 */
export async function serveSandbox(
  options: SandboxOptions,
  signal: AbortSignal,
  onReady?: (handle: SandboxHandle) => void,
  deps: StartDeps = {},
): Promise<void> {
  const handle = await startOwnedSandbox(options, deps);
  const { serveFile } = sandboxPaths(options.home);
  try {
    writeServeInfo(serveFile, {
      pid: process.pid,
      startedAt: new Date().toISOString(),
      profile: handle.profile.name,
      ...handle.endpoints,
      kubeconfig: handle.kubeconfig,
    });
    onReady?.(handle);
    if (!signal.aborted) await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  } finally {
    rmSync(serveFile, { force: true });
    await handle.close();
  }
}
