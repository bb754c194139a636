// How ingress-nginx turns Ingresses into nginx servers and locations, and which location answers a
// request. Behaviour read from kubernetes/ingress-nginx (controller v1.12):
// - store.GetIngressClass: `spec.ingressClassName` must name an IngressClass whose spec.controller is
//   the controller's (k8s.io/ingress-nginx); else the legacy annotation `kubernetes.io/ingress.class`
//   must equal "nginx"; Ingresses with neither are ignored (--watch-ingress-without-class=false).
// - store.sortIngressSlice: oldest creationTimestamp first; equal times → "namespace/name" descending.
// - controller.getBackendServers: a rule without host goes to the catch-all server "_"; for one server,
//   a location (path + pathType) already configured by an older Ingress is kept ("Location … already
//   configured"), the newer Ingress's duplicate is ignored. Every server starts with a "/" location
//   to the default backend, which an Ingress's Prefix "/" replaces.
// - location.updateServerLocations: a Prefix path without rewrite/regex becomes "path/" plus an Exact "path".
// - template.enforceRegexModifier/buildLocation: if ANY location of a server uses use-regex or a
//   rewrite-target (≠ its path), every location of that server is `~* "^path"`; locations are ordered by
//   path (descending), then length (longest first); nginx takes the first regex that matches.
// - template.buildProxyPass: `rewrite "(?i)path" target break;` replaces the whole URI; the query is kept.
import type { KObject } from '../apiserver/types.js';

/** Store key of IngressClass objects (cluster-scoped). */
const INGRESS_CLASSES = 'ingressclasses.networking.k8s.io';
export const CONTROLLER_CLASS = 'k8s.io/ingress-nginx';
export const ANNOTATION_CLASS = 'nginx';
const ANN = 'nginx.ingress.kubernetes.io/';

/** Reads IngressClasses (and nothing else) from the cluster. */
export interface ClassReader {
  get(resource: string, namespace: string | undefined, name: string): KObject | undefined;
}

export interface Location {
  path: string;
  pathType: string;
  /** The Ingress that configured it; undefined for the default backend. */
  ingress?: KObject;
  backend?: { service: string; port: number | string | undefined };
  rewriteTarget?: string;
  useRegex: boolean;
}

export interface Server {
  host: string;
  locations: Location[];
  /** Every location is a case-insensitive regex anchored at the start. */
  regex: boolean;
}

export interface IngressMatch {
  namespace: string;
  service: string;
  port: number | string | undefined;
  /** The path (and query) the backend sees after rewriting. */
  path: string;
  ingress: string;
}

/** The legacy check (ingressClassName or annotation "nginx"), for callers without cluster access. */
export function isNginxClass(ing: KObject): boolean {
  return ing.spec?.ingressClassName === 'nginx' || ing.metadata.annotations?.['kubernetes.io/ingress.class'] === 'nginx';
}

/** Whether the ingress-nginx controller takes this Ingress (store.GetIngressClass). */
export function classAccepted(cluster: ClassReader, ing: KObject): boolean {
  const name = ing.spec?.ingressClassName;
  if (typeof name === 'string') return cluster.get(INGRESS_CLASSES, undefined, name)?.spec?.controller === CONTROLLER_CLASS;
  const ann = ing.metadata.annotations?.['kubernetes.io/ingress.class'];
  return ann === ANNOTATION_CLASS;
}

/** store.sortIngressSlice: oldest first; identical timestamps → namespace/name in descending order. */
export function sortIngresses(ingresses: KObject[]): KObject[] {
  const key = (i: KObject): string => `${i.metadata.namespace ?? ''}/${i.metadata.name}`;
  return [...ingresses].sort((a, b) => {
    const ta = Date.parse(a.metadata.creationTimestamp ?? '') || 0;
    const tb = Date.parse(b.metadata.creationTimestamp ?? '') || 0;
    if (ta !== tb) return ta - tb;
    return key(a) > key(b) ? -1 : key(a) < key(b) ? 1 : 0;
  });
}

const defaultRoot = (): Location => ({ path: '/', pathType: 'Prefix', useRegex: false });

/** The nginx servers the controller would render from these Ingresses (all namespaces). */
export function buildServers(cluster: ClassReader, ingresses: KObject[]): Map<string, Server> {
  const servers = new Map<string, Server>([['_', { host: '_', locations: [defaultRoot()], regex: false }]]);
  for (const ing of sortIngresses(ingresses.filter((i) => !i.metadata.deletionTimestamp && classAccepted(cluster, i)))) {
    const ann = ing.metadata.annotations ?? {};
    const rewriteTarget = ann[`${ANN}rewrite-target`];
    const useRegex = ann[`${ANN}use-regex`] === 'true';
    for (const rule of ing.spec?.rules ?? []) {
      const host = String(rule.host || '_').toLowerCase();
      let server = servers.get(host);
      if (!server) servers.set(host, (server = { host, locations: [defaultRoot()], regex: false }));
      for (const p of rule.http?.paths ?? []) {
        const path = p.path || '/';
        const pathType = p.pathType ?? 'ImplementationSpecific';
        const existing = server.locations.find((l) => l.path === path && l.pathType === pathType);
        const loc: Location = {
          path,
          pathType,
          ingress: ing,
          backend: { service: p.backend?.service?.name, port: p.backend?.service?.port?.number ?? p.backend?.service?.port?.name },
          useRegex,
          ...(rewriteTarget !== undefined ? { rewriteTarget } : {}),
        };
        if (existing?.ingress) continue; // already configured by an older Ingress
        if (existing) server.locations[server.locations.indexOf(existing)] = loc;
        else server.locations.push(loc);
      }
    }
  }
  for (const server of servers.values()) finishServer(server);
  return servers;
}

const needsRewrite = (l: Location): boolean => l.rewriteTarget !== undefined && l.rewriteTarget !== '' && l.rewriteTarget !== l.path;

function finishServer(server: Server): void {
  const exact = new Set(server.locations.filter((l) => l.pathType === 'Exact').map((l) => l.path));
  const out: Location[] = [];
  for (const l of server.locations) {
    if (l.path === '/' || l.pathType !== 'Prefix' || needsRewrite(l) || l.useRegex) {
      out.push(l);
      continue;
    }
    const normalized = { ...l, path: l.path.endsWith('/') ? l.path : `${l.path}/` };
    out.push(normalized);
    if (!exact.has(l.path)) out.push({ ...l, pathType: 'Exact' });
  }
  out.sort((a, b) => (a.path > b.path ? -1 : a.path < b.path ? 1 : 0));
  out.sort((a, b) => b.path.length - a.path.length);
  server.locations = out;
  server.regex = out.some((l) => needsRewrite(l) || l.useRegex);
}

function serverFor(servers: Map<string, Server>, host: string): Server {
  const h = host.toLowerCase();
  const exact = servers.get(h);
  if (exact) return exact;
  for (const [name, s] of servers) if (name.startsWith('*.') && h.endsWith(name.slice(1)) && h.length > name.length - 1) return s;
  return servers.get('_')!;
}

function regexOf(path: string, flags = 'i'): RegExp | undefined {
  try {
    // PCRE and JavaScript agree on the constructs Ingress paths use; nginx anchors with "^".
    return new RegExp(path, flags);
  } catch {
    return undefined;
  }
}

/** nginx location selection for one server: regex locations in order, or exact, then longest prefix. */
export function selectLocation(server: Server, uri: string): Location | undefined {
  if (server.regex) return server.locations.find((l) => regexOf(`^${l.path}`)?.test(uri));
  const exact = server.locations.find((l) => l.pathType === 'Exact' && l.path === uri);
  if (exact) return exact;
  let best: Location | undefined;
  for (const l of server.locations) {
    if (l.pathType !== 'Exact' && uri.startsWith(l.path) && (!best || l.path.length > best.path.length)) best = l;
  }
  return best;
}

/** `rewrite "(?i)path" target break;` — the whole URI becomes the target with $n from the match. */
function rewrite(l: Location, uri: string): string {
  if (!needsRewrite(l)) return uri;
  const m = regexOf(l.path)?.exec(uri);
  if (!m) return uri;
  return l.rewriteTarget!.replace(/\$(\d)/g, (_: string, n: string) => m[Number(n)] ?? '');
}

/** Decoded, slash-merged URI as nginx's $uri. */
function normalizeUri(raw: string): string {
  let uri = raw;
  try {
    uri = decodeURIComponent(raw);
  } catch {
    /* keep it raw, as nginx would answer 400 — close enough for the sandbox */
  }
  return uri.replace(/\/{2,}/g, '/') || '/';
}

/**
 * Routes a request as ingress-nginx does. Undefined means the default backend answers (404).
 */
export function routeIngress(cluster: ClassReader, ingresses: KObject[], host: string, pathAndQuery: string): IngressMatch | undefined {
  const [rawPath = '/', query] = pathAndQuery.split(/\?(.*)/s, 2);
  const uri = normalizeUri(rawPath);
  const loc = selectLocation(serverFor(buildServers(cluster, ingresses), host), uri);
  if (!loc?.ingress || !loc.backend?.service) return undefined;
  const rewritten = rewrite(loc, uri);
  return {
    namespace: loc.ingress.metadata.namespace ?? 'default',
    service: loc.backend.service,
    port: loc.backend.port,
    path: query !== undefined ? `${rewritten}?${query}` : rewritten,
    ingress: loc.ingress.metadata.name,
  };
}
