// How long a step may wait on the world. The runner aborts a step at its configured timeout; steps
// that wait (helm --timeout, LoadBalancer, rollout) give up a little earlier so they can still say
// *what* they were waiting for instead of being cut off by a bare "timed out".
import { parseDuration, type Settings, type TimeoutName } from '../config/schema.js';

/**
 * The step's own budget in ms for timeouts.<name>: 5 s under the limit, or 10 % under it for short
 * limits, but always at least 1.5 s under it when the limit allows: after giving up, a step still reads
 * the cluster to say why (a LoadBalancer's SyncLoadBalancerFailed event), and on a busy machine 10 % of
 * a 3 s limit was not enough time for that — the runner's bare "timed out" came first.
 */
export function budgetMs(settings: Settings, name: TimeoutName): number {
  const limit = parseDuration(settings.config.timeouts[name]);
  return Math.max(limit - 5_000, Math.min(Math.floor(limit * 0.9), limit - 1_500), Math.floor(limit / 2));
}
