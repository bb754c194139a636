// What a re-run does with a Helm release it finds, by the release's state. Shared by the ingress and
// database steps. helm refuses any operation on a release in a pending state ("another operation is in
// progress") and a plain `helm list` does not even show it, so a Ctrl-C during an install would
// otherwise wedge every later run.
import type { HelmRelease } from '../adapters/types.js';
import { ToolError, messageOf } from '../core/errors.js';
import { retryTransient } from '../core/retry.js';
import type { StepContext } from '../graph/step.js';

/**
 * - `install`: nothing there (or only the history of an uninstalled one): upgrade --install.
 * - `done`: deployed; leave it alone.
 * - `upgrade`: failed (or another settled state): `helm upgrade --install` repairs it in place.
 * - `reinstall`: stuck in pending-install/-upgrade/-rollback or uninstalling (an interrupted helm):
 *   helm will not touch it until it is uninstalled.
 */
export type ReleaseAction = 'install' | 'done' | 'upgrade' | 'reinstall' | 'busy';

/**
 * `ownAttempt`: this process itself started the last operation on the release (see attemptRelease).
 * `busy`: pending, but changed less than `busyForMs` ago — most likely another run (a classmate on
 * the shared ingress, or a second terminal) is installing it right now; uninstalling would break that.
 */
export function releaseAction(release: HelmRelease | undefined, now = Date.now(), busyForMs = 10 * 60_000, ownAttempt = false): ReleaseAction {
  if (!release || release.status === 'uninstalled') return 'install';
  if (release.status === 'deployed') return 'done';
  if (isStuck(release.status)) {
    // Our own attempt in this process was interrupted (a transient failure): nobody else is at work.
    if (ownAttempt) return 'reinstall';
    const age = release.updatedMs === undefined ? Infinity : now - release.updatedMs;
    return age < busyForMs ? 'busy' : 'reinstall';
  }
  return 'upgrade';
}

/** The error for a release another run is still working on. */
export function busyError(release: HelmRelease): ToolError {
  const since = release.updatedMs === undefined ? '' : ` since ${Math.round((Date.now() - release.updatedMs) / 1000)}s ago`;
  const err = new ToolError(
    `release ${release.name} in ${release.namespace} is ${release.status}${since}: another helm run is probably installing it right now`,
    `wait for it to finish and run again; if nothing is running, it is repaired automatically once it is older than timeouts.helm`,
  );
  // Worth another look in a moment (retryReleaseStep): a classmate's install of the shared controller
  // finishes, and then there is nothing left to do. Different IDs must not fail each other.
  err.transient = true;
  return err;
}

export function isStuck(status: string): boolean {
  return status.startsWith('pending-') || status === 'uninstalling';
}

/** The hint for a failed helm call on one release. */
export function helmHint(release: string, namespace: string): string {
  return `see helm's message above; \`helm status ${release} -n ${namespace}\``;
}

// Releases this run has itself tried to install or upgrade ("namespace/release"), per run (keyed by the
// run's Facts object). A pending state on one of these after our own attempt failed is ours to repair,
// not another run's to wait for.
const ownAttempts = new WeakMap<object, Set<string>>();

/**
 * Runs `helm upgrade --install` of a release (`install`) as this run's own attempt: if it is interrupted
 * and leaves the release pending, the next attempt of this run repairs it (reinstall) instead of waiting.
 * When helm refused because another operation was in progress, the pending state is someone else's
 * (a classmate installing the shared controller at the same moment) and is not ours to uninstall:
 * both runs taking it for their own made them uninstall each other's install in turn, forever.
 * Rethrows whatever `install` throws.
 */
export async function attemptRelease<T>(ctx: Pick<StepContext, 'facts'>, namespace: string, release: string, install: () => Promise<T>): Promise<T> {
  const key = `${namespace}/${release}`;
  const set = ownAttempts.get(ctx.facts) ?? new Set<string>();
  ownAttempts.set(ctx.facts, set);
  set.add(key);
  try {
    return await install();
  } catch (err) {
    if (err instanceof ToolError && ANOTHER_OPERATION.test(`${err.details ?? ''}\n${err.message}`)) set.delete(key);
    throw err;
  }
}

export function isOwnAttempt(ctx: Pick<StepContext, 'facts'>, namespace: string, release: string): boolean {
  return ownAttempts.get(ctx.facts)?.has(`${namespace}/${release}`) ?? false;
}

/**
 * Runs a release step's whole body (status → decide → repair → upgrade) again when it failed
 * transiently (the API server's 503/429 or a dropped connection seen by helm), within the step's own
 * time limit (its signal). The next attempt finds what the failed one left — `failed`, repaired by
 * upgrade --install, or `pending-*`, which releaseAction(…, ownAttempt) turns into a reinstall.
 */
export function retryReleaseStep<T>(ctx: Pick<StepContext, 'signal' | 'log'>, release: string, body: () => Promise<T>): Promise<T> {
  return retryTransient(body, {
    signal: ctx.signal,
    // Bounded by the step's time limit (its signal) more than by the count: one helm install makes
    // dozens of API calls, so under a flaky API server most attempts meet at least one failure.
    policy: RELEASE_RETRY,
    isTransient: (err) => err instanceof ToolError && (err.transient === true || ANOTHER_OPERATION.test(`${err.details ?? ''}\n${err.message}`)),
    onRetry: (err, attempt, delayMs) =>
      ctx.log(`release ${release}: attempt ${attempt} failed transiently (${lastLine(err)}); trying again in ${(delayMs / 1000).toFixed(1)}s`),
  });
}

/**
 * helm's refusal while a release is pending: someone started an operation between our status and our
 * upgrade (two IDs installing the shared controller at once). The next attempt reads the state again:
 * another run's → waited for (busy); our own interrupted one → reinstalled.
 */
const ANOTHER_OPERATION =
  /another operation \(install\/upgrade\/rollback\) is in progress|cannot re-use a name that is still in use|release: already exists|failed to create: secrets "sh\.helm\.release\.v1\.[^"]*" already exists|failed to delete release: /;
// The last three are the same race seen at other moments, and helm's uninstall, which words every
// failure to delete its release record as "failed to delete release: <name>" without the API's cause
// (a 503 included): the next attempt reads the release's state again and decides anew.

/** Retries of a whole release step: many, short-capped waits; the step's time limit is the real bound. */
export const RELEASE_RETRY = { attempts: 100, baseDelayMs: 200, maxDelayMs: 1_000 };

function lastLine(err: unknown): string {
  const details = err instanceof ToolError ? err.details : undefined;
  const lines = (details ?? messageOf(err)).split('\n').filter((l) => l.trim());
  return (lines[lines.length - 1] ?? '').slice(0, 200);
}
