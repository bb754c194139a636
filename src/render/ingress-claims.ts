// Which host+path locations an Ingress claims on an ingress-nginx controller, and where two claim the
// same one. ingress-nginx builds one nginx server per host (host-less rules share the default server)
// and one location per path; for a host+path claimed twice it keeps the OLDEST Ingress and only logs
// "location … already configured" (walkthrough.md, "Sharing one ingress controller"), so the newer
// Ingress silently gets nothing. Pure: the step lists the Ingresses, this decides.
import type { KubeObject } from '../adapters/types.js';
import type { Settings } from '../config/schema.js';
import { ingressPath, type StudentRoutes } from './routes.js';
import { backendServices } from './services.js';

export interface IngressClaim {
  /** Lower-case host; '' for a rule without host. */
  host: string;
  path: string;
}

export interface ClaimConflict {
  claim: IngressClaim;
  namespace: string;
  ingress: string;
}

/** The locations the student's backend Ingress claims. */
export function studentClaims(settings: Settings, routes: StudentRoutes): IngressClaim[] {
  return backendServices(settings).map((s) => ({ host: (routes.host ?? '').toLowerCase(), path: ingressPath(settings, s.apiPath).path }));
}

/** Whether an Ingress is served by the controller of IngressClass `className`. */
export function servedByClass(ingress: KubeObject, className: string): boolean {
  const spec = ingress['spec'] as { ingressClassName?: string } | undefined;
  const legacy = ingress.metadata.annotations?.['kubernetes.io/ingress.class'];
  return (spec?.ingressClassName ?? legacy) === className;
}

/**
 * Every claim of `ours` that another Ingress of class `className` (any namespace) already makes.
 * The Ingress named `self` is ours (a re-run) and never conflicts with itself.
 */
export function findClaimConflicts(
  ours: IngressClaim[],
  ingresses: KubeObject[],
  className: string,
  self: { namespace: string; name: string },
): ClaimConflict[] {
  const wanted = new Set(ours.map(key));
  const conflicts: ClaimConflict[] = [];
  for (const ing of ingresses) {
    const namespace = ing.metadata.namespace ?? 'default';
    if ((namespace === self.namespace && ing.metadata.name === self.name) || !servedByClass(ing, className)) continue;
    const rules = (ing['spec'] as { rules?: Array<{ host?: string; http?: { paths?: Array<{ path?: string }> } }> })?.rules ?? [];
    for (const rule of rules) {
      for (const p of rule.http?.paths ?? []) {
        const claim = { host: (rule.host ?? '').toLowerCase(), path: p.path ?? '/' };
        if (wanted.has(key(claim))) conflicts.push({ claim, namespace, ingress: ing.metadata.name });
      }
    }
  }
  return conflicts;
}

function key(c: IngressClaim): string {
  return `${c.host} ${c.path}`;
}
