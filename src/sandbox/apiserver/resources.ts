// The resource types this server knows, as discovery advertises them and the router resolves them.

export interface ResourceDef {
  group: string;
  version: string;
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  /** Metadata.generation is kept (bumped when spec changes). */
  generation: boolean;
  /** Has a status subresource: writes to the main resource keep the stored status. */
  status: boolean;
  /** Extra subresources advertised by discovery (status is added from the flag above). */
  subresources?: string[];
}

const verbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function def(
  group: string,
  kind: string,
  plural: string,
  namespaced: boolean,
  shortNames: string[],
  opts: { generation?: boolean; status?: boolean; subresources?: string[] } = {},
): ResourceDef {
  return {
    group,
    version: 'v1',
    plural,
    singular: kind.toLowerCase(),
    kind,
    namespaced,
    shortNames,
    generation: opts.generation ?? false,
    status: opts.status ?? false,
    subresources: opts.subresources,
  };
}

export const RESOURCES: ResourceDef[] = [
  def('', 'Namespace', 'namespaces', false, ['ns'], { status: true }),
  def('', 'ConfigMap', 'configmaps', true, ['cm']),
  def('', 'Secret', 'secrets', true, []),
  def('', 'Service', 'services', true, ['svc'], { status: true }),
  def('', 'Pod', 'pods', true, ['po'], { status: true, subresources: ['log'] }),
  def('', 'Event', 'events', true, ['ev']),
  def('', 'PersistentVolumeClaim', 'persistentvolumeclaims', true, ['pvc'], { status: true }),
  def('', 'ServiceAccount', 'serviceaccounts', true, ['sa']),
  def('', 'Endpoints', 'endpoints', true, ['ep']),
  def('', 'ResourceQuota', 'resourcequotas', true, ['quota'], { status: true }),
  def('', 'LimitRange', 'limitranges', true, ['limits']),
  def('apps', 'Deployment', 'deployments', true, ['deploy'], { generation: true, status: true }),
  def('apps', 'ReplicaSet', 'replicasets', true, ['rs'], { generation: true, status: true }),
  def('apps', 'StatefulSet', 'statefulsets', true, ['sts'], { generation: true, status: true }),
  def('networking.k8s.io', 'Ingress', 'ingresses', true, ['ing'], { generation: true, status: true }),
  def('networking.k8s.io', 'IngressClass', 'ingressclasses', false, []),
  def('coordination.k8s.io', 'Lease', 'leases', true, []),
  def('discovery.k8s.io', 'EndpointSlice', 'endpointslices', true, []),
  def('batch', 'Job', 'jobs', true, [], { generation: true, status: true }),
  def('networking.k8s.io', 'NetworkPolicy', 'networkpolicies', true, ['netpol'], { generation: true }),
  def('policy', 'PodDisruptionBudget', 'poddisruptionbudgets', true, ['pdb'], { generation: true, status: true }),
  def('rbac.authorization.k8s.io', 'ClusterRole', 'clusterroles', false, []),
  def('rbac.authorization.k8s.io', 'ClusterRoleBinding', 'clusterrolebindings', false, []),
  def('rbac.authorization.k8s.io', 'Role', 'roles', true, []),
  def('rbac.authorization.k8s.io', 'RoleBinding', 'rolebindings', true, []),
  def('admissionregistration.k8s.io', 'ValidatingWebhookConfiguration', 'validatingwebhookconfigurations', false, [], { generation: true }),
];

export const VERBS = verbs;

export const GROUP_VERSIONS: Array<{ group: string; version: string }> = [
  ...new Map(RESOURCES.map((r) => [`${r.group}/${r.version}`, { group: r.group, version: r.version }])).values(),
];

/** Store key of a resource: "pods", "deployments.apps". */
export function resourceKey(r: ResourceDef): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

export function apiVersionOf(r: ResourceDef): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

export function findResource(group: string, version: string, plural: string): ResourceDef | undefined {
  return RESOURCES.find((r) => r.group === group && r.version === version && r.plural === plural);
}

export function resourceByKey(key: string): ResourceDef {
  const r = RESOURCES.find((x) => resourceKey(x) === key);
  if (!r) throw new Error(`unknown resource ${key}`);
  return r;
}

export function resourceByKind(apiVersion: string, kind: string): ResourceDef | undefined {
  return RESOURCES.find((r) => apiVersionOf(r) === apiVersion && r.kind === kind);
}

/** Well-known keys, so controllers do not spell them by hand. */
export const R = {
  namespaces: 'namespaces',
  configmaps: 'configmaps',
  secrets: 'secrets',
  services: 'services',
  pods: 'pods',
  events: 'events',
  pvcs: 'persistentvolumeclaims',
  endpoints: 'endpoints',
  deployments: 'deployments.apps',
  replicasets: 'replicasets.apps',
  statefulsets: 'statefulsets.apps',
  ingresses: 'ingresses.networking.k8s.io',
  serviceaccounts: 'serviceaccounts',
  endpointslices: 'endpointslices.discovery.k8s.io',
  jobs: 'jobs.batch',
} as const;
