// How long a step may wait on the world. The runner aborts a step at its configured timeout; steps
// that wait (helm --timeout, LoadBalancer, rollout) give up a little earlier so they can still say
// *what* they were waiting for instead of being cut off by a bare "timed out".
import { parseDuration, type Settings, type TimeoutName } from '../config/schema.js';

export function budgetMs(settings: Settings, name: TimeoutName): number {
  const limit = parseDuration(settings.config.timeouts[name]);
  return Math.max(limit - 5_000, Math.floor(limit * 0.9));
}
