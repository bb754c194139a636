// Maps a URL path to what it names: a discovery document or a resource (with namespace, name, subresource).
import { findResource, type ResourceDef } from './resources.js';

export type Route =
  | { type: 'discovery'; doc: 'version' | 'api' | 'apis' | 'openapi' | 'healthz' }
  | { type: 'group'; group: string }
  | { type: 'resourceList'; group: string; version: string }
  | { type: 'resource'; def: ResourceDef; namespace?: string; name?: string; subresource?: string }
  | { type: 'unknown' };

export function route(pathname: string): Route {
  const seg = pathname
    .split('/')
    .filter((s) => s !== '')
    .map(decodeURIComponent);
  if (seg[0] === 'version' && seg.length === 1) return { type: 'discovery', doc: 'version' };
  if (['healthz', 'livez', 'readyz'].includes(seg[0] ?? '')) return { type: 'discovery', doc: 'healthz' };
  if (seg[0] === 'openapi') return { type: 'discovery', doc: 'openapi' };
  let group: string;
  let version: string | undefined;
  let rest: string[];
  if (seg[0] === 'api') {
    if (seg.length === 1) return { type: 'discovery', doc: 'api' };
    group = '';
    version = seg[1];
    rest = seg.slice(2);
  } else if (seg[0] === 'apis') {
    if (seg.length === 1) return { type: 'discovery', doc: 'apis' };
    if (seg.length === 2) return { type: 'group', group: seg[1]! };
    group = seg[1]!;
    version = seg[2];
    rest = seg.slice(3);
  } else return { type: 'unknown' };
  if (!version) return { type: 'unknown' };
  if (rest.length === 0) return { type: 'resourceList', group, version };

  // /namespaces/<ns>/<plural>[/<name>[/<sub>]] — a namespaced resource inside a namespace.
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const def = findResource(group, version, rest[2]!);
    if (!def || !def.namespaced || rest.length > 5) return { type: 'unknown' };
    return { type: 'resource', def, namespace: rest[1], name: rest[3], subresource: rest[4] };
  }
  const def = findResource(group, version, rest[0]!);
  if (!def || rest.length > 3) return { type: 'unknown' };
  // A namespaced plural at the top level is a list/watch across all namespaces.
  if (def.namespaced && rest.length > 1) return { type: 'unknown' };
  return { type: 'resource', def, name: rest[1], subresource: rest[2] };
}
