// Discovery documents (/version, /api, /apis, APIResourceLists) in the legacy (non-aggregated) form:
// kubectl and client-node fall back to it when the response is plain application/json.
import { GROUP_VERSIONS, RESOURCES, VERBS } from './resources.js';

/** What `kubectl get all` lists. */
const IN_ALL = new Set(['pods', 'services', 'deployments', 'replicasets', 'statefulsets', 'jobs']);

export const SERVER_VERSION = {
  major: '1',
  minor: '33',
  gitVersion: 'v1.33.2-lifesub-sandbox',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2025-06-17T00:00:00Z',
  goVersion: 'go1.24.4',
  compiler: 'gc',
  platform: 'linux/amd64',
};

export function apiVersions(serverAddress: string): unknown {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groupDoc(name: string): unknown {
  const versions = GROUP_VERSIONS.filter((g) => g.group === name).map((g) => ({ groupVersion: `${g.group}/${g.version}`, version: g.version }));
  return { name, versions, preferredVersion: versions[0] };
}

export function apiGroupList(): unknown {
  const names = [...new Set(GROUP_VERSIONS.map((g) => g.group).filter((g) => g !== ''))];
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: names.map(groupDoc) };
}

/** `/apis/<group>`, or undefined when the group is unknown. */
export function apiGroup(name: string): unknown {
  if (!GROUP_VERSIONS.some((g) => g.group === name)) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...(groupDoc(name) as object) };
}

/** `/api/v1` or `/apis/<group>/<version>`, or undefined when unknown. */
export function apiResourceList(group: string, version: string): unknown {
  const defs = RESOURCES.filter((r) => r.group === group && r.version === version);
  if (defs.length === 0) return undefined;
  const resources = defs.flatMap((r) => [
    {
      name: r.plural,
      singularName: r.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: r.plural === 'namespaces' ? VERBS.filter((v) => v !== 'deletecollection') : VERBS,
      ...(r.shortNames.length > 0 ? { shortNames: r.shortNames } : {}),
      ...(IN_ALL.has(r.plural) ? { categories: ['all'] } : {}),
    },
    ...(r.status ? [{ name: `${r.plural}/status`, singularName: '', namespaced: r.namespaced, kind: r.kind, verbs: ['get', 'patch', 'update'] }] : []),
    ...(['deployments', 'replicasets', 'statefulsets'].includes(r.plural)
      ? [
          {
            name: `${r.plural}/scale`,
            singularName: '',
            namespaced: true,
            group: 'autoscaling',
            version: 'v1',
            kind: 'Scale',
            verbs: ['get', 'patch', 'update'],
          },
        ]
      : []),
    ...(r.subresources ?? []).map((s) => ({ name: `${r.plural}/${s}`, singularName: '', namespaced: r.namespaced, kind: r.kind, verbs: ['get'] })),
  ]);
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}
