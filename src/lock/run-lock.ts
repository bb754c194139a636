// Taking, keeping and giving back the Lease of an ID (see lease.ts for where and why). Every write is
// guarded: a create fails if the Lease appeared meanwhile, a replace if its resourceVersion moved on,
// so two racing runs cannot both win — the loser re-reads and sees the winner.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kube, LineSink } from '../adapters/types.js';
import { AbortedError, ToolError } from '../core/errors.js';
import { sleep } from '../core/sleep.js';
import { describeHolder, heldLease, holderIdentity, LEASE_DURATION_SECONDS, leaseRef, leaseState, LOCK_NAMESPACE, releasedLease } from './lease.js';

export interface RunLockOptions {
  id: string;
  /** `up` or `down`: shown to a second run. */
  command: string;
  /** `--wait-lock`: wait for the holder instead of failing. */
  wait: boolean;
  signal: AbortSignal;
  /** Progress for the user ("waiting for …"). */
  log: LineSink;
  /** How often a waiting run looks again, ms. Default 2 s. */
  pollMs?: number;
  /** How often the holder renews, ms. Default a third of the lease duration. */
  renewMs?: number;
  /** For tests. */
  host?: string;
  pid?: number;
  now?: () => number;
  alive?: (pid: number) => boolean;
}

export interface RunLock {
  /** Fires when the Lease was lost (taken over after we failed to renew it): the run must stop. */
  lost: AbortSignal;
  /** Stops renewing and clears the holder (only if it is still us). Never throws. */
  release(): Promise<void>;
}

/**
 * Takes the ID's Lease, or waits for it (`wait`), or throws ToolError (exit 1) naming the holder.
 * Keeps renewing it in the background until release(). Throws AbortedError when `signal` fires while waiting.
 */
export async function acquireRunLock(kube: Kube, options: RunLockOptions): Promise<RunLock> {
  const now = options.now ?? Date.now;
  const host = options.host ?? hostname();
  const identity = holderIdentity(host, options.pid ?? process.pid, randomBytes(3).toString('hex'));
  const local = { host, alive: options.alive ?? isAlive };
  const ref = leaseRef(options.id);
  let waitingSaid = '';

  for (;;) {
    if (options.signal.aborted) throw new AbortedError('interrupted while waiting for the lock');
    const current = await kube.get(ref, options.signal);
    if (!current) {
      if (await kube.create(heldLease(options.id, identity, options.command, now()), options.signal)) break;
      continue; // another run created it first: look at theirs
    }
    // Ours already: a retried create/replace whose first try landed came back as a conflict.
    if ((current.spec as { holderIdentity?: string } | undefined)?.holderIdentity === identity) break;
    const judged = leaseState(current, now(), local);
    if (judged.state !== 'held') {
      if (judged.state === 'expired') options.log(`taking over the lock of id ${options.id}: ${describeHolder(judged.holder, now())} stopped renewing it`);
      if (await kube.replace(heldLease(options.id, identity, options.command, now(), current), options.signal)) break;
      continue; // someone else changed it first
    }
    const who = describeHolder(judged.holder, now());
    if (!options.wait) {
      throw new ToolError(
        `id ${options.id} is in use: ${who} holds its lock (Lease ${ref.namespace}/${ref.name})`,
        `wait for that run to finish, or run again with --wait-lock to wait for it; a lock whose process is gone expires ${LEASE_DURATION_SECONDS}s after its last renewal`,
      );
    }
    if (waitingSaid !== judged.holder.identity) {
      options.log(`waiting for the lock of id ${options.id}: held by ${who}`);
      waitingSaid = judged.holder.identity;
    }
    await sleep(options.pollMs ?? 2_000, options.signal);
  }
  return keep(kube, identity, options, now);
}

/** Renews in the background; `lost` fires when the Lease is no longer ours. */
function keep(kube: Kube, identity: string, options: RunLockOptions, now: () => number): RunLock {
  const ref = leaseRef(options.id);
  const lost = new AbortController();
  const stop = new AbortController();
  let lastRenewed = now();
  let renewing: Promise<void> = Promise.resolve();

  const renew = async (): Promise<void> => {
    try {
      const current = await kube.get(ref, stop.signal);
      if (!current || (current.spec as { holderIdentity?: string } | undefined)?.holderIdentity !== identity) {
        lost.abort(new ToolError(`lost the lock of id ${options.id}: another run took it over`, 'run again once the other run is done'));
        return;
      }
      if (await kube.replace(heldLease(options.id, identity, options.command, now(), current), stop.signal)) lastRenewed = now();
    } catch {
      // A failed renewal is retried at the next tick; only the Lease running out loses it.
      if (!stop.signal.aborted && now() - lastRenewed > LEASE_DURATION_SECONDS * 1000) {
        lost.abort(
          new ToolError(`lost the lock of id ${options.id}: could not renew it for ${LEASE_DURATION_SECONDS}s`, 'is the cluster reachable? run again'),
        );
      }
    }
  };
  const timer = setInterval(
    () => {
      renewing = renewing.then(renew);
    },
    options.renewMs ?? (LEASE_DURATION_SECONDS * 1000) / 3,
  );
  timer.unref();

  return {
    lost: lost.signal,
    async release() {
      clearInterval(timer);
      await renewing;
      stop.abort();
      // Its own short limit: release also runs after Ctrl-C, when the run's signal has fired.
      const signal = AbortSignal.timeout(3_000);
      try {
        for (let i = 0; i < 3; i++) {
          const current = await kube.get(ref, signal);
          if (!current || (current.spec as { holderIdentity?: string } | undefined)?.holderIdentity !== identity) return;
          if (await kube.replace(releasedLease(current, now()), signal)) return;
        }
      } catch {
        // Not released: it expires on its own after LEASE_DURATION_SECONDS.
      }
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export { LOCK_NAMESPACE };
