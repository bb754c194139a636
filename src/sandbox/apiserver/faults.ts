// Injected API failures (Faults.api): a fraction of requests answer 500/503/429 or lose their connection.
// Discovery is never failed twice in a row, so clients that retry discovery once still start.
// Kind 403 is RBAC saying no: only resource requests are refused (discovery stays open, as with real
// RBAC's system:discovery role), worded like the real API server with the verb and the resource.
import type { Faults } from '../contract.js';
import { ApiError, errors } from './errors.js';
import type { ResourceDef } from './resources.js';

/** The resource a request names, for a 403's wording. */
export interface FaultRequest {
  method: string;
  def: ResourceDef;
  namespace?: string;
  name?: string;
  watch?: boolean;
}

/** The user the sandbox kubeconfig authenticates as. */
export const SANDBOX_USER = 'lifesub-sandbox';

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

  decide(path: string, isDiscovery: boolean, request?: FaultRequest): FaultDecision {
    const spec = this.spec;
    if (!spec || spec.rate <= 0) return { kind: 'none' };
    if (this.pathFilter && !this.pathFilter.test(path)) return { kind: 'none' };
    if (spec.kind === '403') {
      if (!request || this.random() >= spec.rate) return { kind: 'none' };
      return { kind: 'status', error: forbidden(request) };
    }
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

/** `secrets "x" is forbidden: User "u" cannot get resource "secrets" in API group "" in the namespace "ns"`. */
function forbidden(r: FaultRequest): ApiError {
  const verb = verbOf(r);
  const where = r.namespace ? ` in the namespace "${r.namespace}"` : '';
  const why = `User "${SANDBOX_USER}" cannot ${verb} resource "${r.def.plural}" in API group "${r.def.group}"${where}`;
  if (r.name) return errors.forbidden(r.def.plural, r.def.group, r.name, why);
  const qualified = r.def.group ? `${r.def.plural}.${r.def.group}` : r.def.plural;
  return new ApiError(403, 'Forbidden', `${qualified} is forbidden: ${why}`, { ...(r.def.group ? { group: r.def.group } : {}), kind: r.def.plural });
}

function verbOf(r: FaultRequest): string {
  switch (r.method) {
    case 'GET':
      return r.watch ? 'watch' : r.name ? 'get' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return r.name ? 'delete' : 'deletecollection';
    default:
      return r.method.toLowerCase();
  }
}
