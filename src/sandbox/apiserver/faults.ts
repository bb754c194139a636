// Injected API failures (Faults.api): a fraction of requests answer 500/503/429 or lose their connection.
// Discovery is never failed twice in a row, so clients that retry discovery once still start.
import type { Faults } from '../contract.js';
import { ApiError } from './errors.js';

export type FaultDecision = { kind: 'none' } | { kind: 'reset' } | { kind: 'status'; error: ApiError };

export class FaultInjector {
  private lastDiscoveryFailed = false;
  private pathFilter: RegExp | undefined;

  constructor(
    private spec: Faults['api'],
    private random: () => number = Math.random,
  ) {
    if (spec?.paths) {
      try {
        this.pathFilter = new RegExp(spec.paths);
      } catch {
        this.pathFilter = new RegExp(spec.paths.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      }
    }
  }

  decide(path: string, isDiscovery: boolean): FaultDecision {
    const spec = this.spec;
    if (!spec || spec.rate <= 0) return { kind: 'none' };
    if (this.pathFilter && !this.pathFilter.test(path)) return { kind: 'none' };
    if (isDiscovery && this.lastDiscoveryFailed) {
      this.lastDiscoveryFailed = false;
      return { kind: 'none' };
    }
    const fail = this.random() < spec.rate;
    if (isDiscovery) this.lastDiscoveryFailed = fail;
    if (!fail) return { kind: 'none' };
    switch (spec.kind) {
      case 'reset':
        return { kind: 'reset' };
      case '429':
        return {
          kind: 'status',
          error: new ApiError(429, 'TooManyRequests', 'Too many requests, please try again later.', { retryAfterSeconds: 1 }),
        };
      case '503':
        return { kind: 'status', error: new ApiError(503, 'ServiceUnavailable', 'The server is currently unable to handle the request (injected fault)') };
      default:
        return { kind: 'status', error: new ApiError(500, 'InternalError', 'Internal error occurred: injected fault') };
    }
  }
}
