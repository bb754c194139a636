// How ingress-nginx picks a backend for a request: class `nginx` Ingresses of every namespace, host
// rules, regex paths (use-regex, or implied by rewrite-target) and the rewrite-target with $1, $2….
import type { Json, KObject } from '../apiserver/types.js';

export interface IngressMatch {
  namespace: string;
  service: string;
  port: number | string | undefined;
  /** The path (and query) the backend sees after rewriting. */
  path: string;
  ingress: string;
}

interface Candidate {
  ingress: KObject;
  path: string;
  pathType: string;
  backend: Json;
  regex: boolean;
}

export function isNginxClass(ing: KObject): boolean {
  return ing.spec?.ingressClassName === 'nginx' || ing.metadata.annotations?.['kubernetes.io/ingress.class'] === 'nginx';
}

function candidates(ingresses: KObject[], host: string): Candidate[] {
  const out: Candidate[] = [];
  for (const ing of ingresses.filter(isNginxClass)) {
    const ann = ing.metadata.annotations ?? {};
    const regex = ann['nginx.ingress.kubernetes.io/use-regex'] === 'true' || ann['nginx.ingress.kubernetes.io/rewrite-target'] !== undefined;
    for (const rule of ing.spec?.rules ?? []) {
      if (rule.host && rule.host.toLowerCase() !== host.toLowerCase()) continue;
      for (const p of rule.http?.paths ?? []) {
        out.push({ ingress: ing, path: p.path ?? '/', pathType: p.pathType ?? 'ImplementationSpecific', backend: p.backend, regex });
      }
    }
  }
  // nginx prefers the longest location; ties keep declaration order.
  return out.sort((a, b) => b.path.length - a.path.length);
}

/** The match and its capture groups ([whole, $1, $2, …]), or undefined. */
function matchPath(c: Candidate, path: string): string[] | undefined {
  if (c.regex) {
    try {
      const m = new RegExp(`^${c.path}`, 'i').exec(path);
      return m ? [...m].map((g) => g ?? '') : undefined;
    } catch {
      return undefined;
    }
  }
  const hit =
    c.pathType === 'Exact'
      ? path === c.path
      : c.pathType === 'Prefix'
        ? c.path === '/' || path === c.path.replace(/\/$/, '') || path.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)
        : path.startsWith(c.path);
  return hit ? [path] : undefined;
}

export function routeIngress(ingresses: KObject[], host: string, pathAndQuery: string): IngressMatch | undefined {
  const [path = '/', query] = pathAndQuery.split(/\?(.*)/s, 2);
  for (const c of candidates(ingresses, host)) {
    const m = matchPath(c, path);
    if (!m) continue;
    const target = c.ingress.metadata.annotations?.['nginx.ingress.kubernetes.io/rewrite-target'];
    let rewritten = target !== undefined ? target.replace(/\$(\d)/g, (_: string, n: string) => m[Number(n)] ?? '') : path;
    if (!rewritten.startsWith('/')) rewritten = `/${rewritten}`;
    return {
      namespace: c.ingress.metadata.namespace ?? 'default',
      service: c.backend?.service?.name,
      port: c.backend?.service?.port?.number ?? c.backend?.service?.port?.name,
      path: query !== undefined ? `${rewritten}?${query}` : rewritten,
      ingress: c.ingress.metadata.name,
    };
  }
  return undefined;
}
