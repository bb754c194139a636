// What a re-run does with a Helm release it finds, by the release's state. Shared by the ingress and
// database steps. helm refuses any operation on a release in a pending state ("another operation is in
// progress") and a plain `helm list` does not even show it, so a Ctrl-C during an install would
// otherwise wedge every later run.
import type { HelmRelease } from '../adapters/types.js';
import { ToolError } from '../core/errors.js';

/**
 * - `install`: nothing there (or only the history of an uninstalled one): upgrade --install.
 * - `done`: deployed; leave it alone.
 * - `upgrade`: failed (or another settled state): `helm upgrade --install` repairs it in place.
 * - `reinstall`: stuck in pending-install/-upgrade/-rollback or uninstalling (an interrupted helm):
 *   helm will not touch it until it is uninstalled.
 */
export type ReleaseAction = 'install' | 'done' | 'upgrade' | 'reinstall' | 'busy';

/**
 * `busy`: pending, but changed less than `busyForMs` ago — most likely another run (a classmate on
 * the shared ingress, or a second terminal) is installing it right now; uninstalling would break that.
 */
export function releaseAction(release: HelmRelease | undefined, now = Date.now(), busyForMs = 10 * 60_000): ReleaseAction {
  if (!release || release.status === 'uninstalled') return 'install';
  if (release.status === 'deployed') return 'done';
  if (isStuck(release.status)) {
    const age = release.updatedMs === undefined ? Infinity : now - release.updatedMs;
    return age < busyForMs ? 'busy' : 'reinstall';
  }
  return 'upgrade';
}

/** The error for a release another run is still working on. */
export function busyError(release: HelmRelease): ToolError {
  const since = release.updatedMs === undefined ? '' : ` since ${Math.round((Date.now() - release.updatedMs) / 1000)}s ago`;
  return new ToolError(
    `release ${release.name} in ${release.namespace} is ${release.status}${since}: another helm run is probably installing it right now`,
    `wait for it to finish and run again; if nothing is running, it is repaired automatically once it is older than timeouts.helm`,
  );
}

export function isStuck(status: string): boolean {
  return status.startsWith('pending-') || status === 'uninstalling';
}

/** The hint for a failed helm call on one release. */
export function helmHint(release: string, namespace: string): string {
  return `see helm's message above; \`helm status ${release} -n ${namespace}\``;
}
