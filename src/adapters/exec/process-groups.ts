// Children are spawned detached (their own process group) so that abort/timeout can kill the whole
// tree: docker, gradle and helm start grandchildren that would otherwise keep running and keep our
// pipes open (measured: `await` blocked 77 s). Detached children are not cleaned up by execa when
// we exit, so we track the live groups and kill them ourselves.

const live = new Set<number>();
let exitHookInstalled = false;

/** Default time between SIGTERM and SIGKILL. */
export const KILL_GRACE_MS = 3_000;

export function trackGroup(pid: number): void {
  installExitHook();
  live.add(pid);
}

export function untrackGroup(pid: number): void {
  live.delete(pid);
}

/** SIGTERM the group now, SIGKILL whatever is left after the grace period. */
export function killGroup(pid: number, graceMs = KILL_GRACE_MS): void {
  if (!signalGroup(pid, 'SIGTERM')) return;
  // unref: a pending SIGKILL must not keep lifesub alive.
  setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs).unref();
}

/** Kills every live child group immediately (for a CLI signal handler that is about to exit). */
export function killLiveProcessGroups(): void {
  for (const pid of live) signalGroup(pid, 'SIGKILL');
  live.clear();
}

/** Number of child groups still running (for diagnostics and tests). */
export function liveProcessGroupCount(): number {
  return live.size;
}

function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    // ESRCH: the group is already gone.
    return false;
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' handlers must be synchronous: no grace period is possible here, so SIGKILL.
  process.on('exit', killLiveProcessGroups);
}
