// `kubectl get` asks for meta.k8s.io Tables; we print the columns it would show for common kinds.
import { R } from './resources.js';
import type { Json, KObject } from './types.js';

type Column = [name: string, cell: (o: KObject) => string | number];

function age(o: KObject): string {
  return ageOf(o.metadata.creationTimestamp);
}

function ageOf(timestamp: string | undefined): string {
  const t = Date.parse(timestamp ?? '');
  if (Number.isNaN(t)) return '<unknown>';
  return humanDuration(Date.now() - t);
}

/** kubectl's HumanDuration: 45s, 3m20s, 25m, 5h, 3d. */
function humanDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return `${m}m${s % 60 ? `${s % 60}s` : ''}`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  return h < 48 ? `${h}h` : `${Math.floor(h / 24)}d`;
}

function podStatus(p: KObject): string {
  if (p.metadata.deletionTimestamp) return 'Terminating';
  for (const c of p.status?.containerStatuses ?? []) {
    if (c.state?.waiting?.reason) return c.state.waiting.reason;
    if (c.state?.terminated?.reason) return c.state.terminated.reason;
  }
  return p.status?.phase ?? 'Pending';
}

const ports = (s: KObject): string =>
  (s.spec?.ports ?? []).map((p: Json) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',') || '<none>';

const COLUMNS: Record<string, Column[]> = {
  [R.pods]: [
    ['Ready', (p) => `${(p.status?.containerStatuses ?? []).filter((c: Json) => c.ready).length}/${(p.spec?.containers ?? []).length}`],
    ['Status', podStatus],
    ['Restarts', (p) => (p.status?.containerStatuses ?? []).reduce((n: number, c: Json) => n + (c.restartCount ?? 0), 0)],
  ],
  [R.deployments]: [
    ['Ready', (d) => `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`],
    ['Up-to-date', (d) => d.status?.updatedReplicas ?? 0],
    ['Available', (d) => d.status?.availableReplicas ?? 0],
  ],
  [R.replicasets]: [
    ['Desired', (r) => r.spec?.replicas ?? 0],
    ['Current', (r) => r.status?.replicas ?? 0],
    ['Ready', (r) => r.status?.readyReplicas ?? 0],
  ],
  [R.statefulsets]: [['Ready', (s) => `${s.status?.readyReplicas ?? 0}/${s.spec?.replicas ?? 0}`]],
  [R.services]: [
    ['Type', (s) => s.spec?.type ?? 'ClusterIP'],
    ['Cluster-IP', (s) => s.spec?.clusterIP ?? '<none>'],
    [
      'External-IP',
      (s) => (s.status?.loadBalancer?.ingress ?? []).map((i: Json) => i.ip).join(',') || (s.spec?.type === 'LoadBalancer' ? '<pending>' : '<none>'),
    ],
    ['Port(s)', ports],
  ],
  [R.configmaps]: [['Data', (c) => Object.keys(c.data ?? {}).length + Object.keys(c.binaryData ?? {}).length]],
  [R.secrets]: [
    ['Type', (s) => s.type ?? 'Opaque'],
    ['Data', (s) => Object.keys(s.data ?? {}).length],
  ],
  [R.namespaces]: [['Status', (n) => n.status?.phase ?? 'Active']],
  [R.pvcs]: [
    ['Status', (p) => p.status?.phase ?? 'Pending'],
    ['Volume', (p) => p.spec?.volumeName ?? ''],
    ['Capacity', (p) => p.status?.capacity?.storage ?? ''],
    ['Access Modes', (p) => (p.spec?.accessModes ?? []).map((m: string) => m.replace(/[a-z]/g, '')).join(',')],
    ['StorageClass', (p) => p.spec?.storageClassName ?? ''],
  ],
  [R.ingresses]: [
    ['Class', (i) => i.spec?.ingressClassName ?? '<none>'],
    ['Hosts', (i) => (i.spec?.rules ?? []).map((r: Json) => r.host ?? '*').join(',') || '*'],
    ['Address', (i) => (i.status?.loadBalancer?.ingress ?? []).map((x: Json) => x.ip).join(',')],
    ['Ports', () => '80'],
  ],
  [R.jobs]: [
    ['Status', jobStatus],
    ['Completions', (j) => `${j.status?.succeeded ?? 0}/${j.spec?.completions ?? 1}`],
    ['Duration', (j) => since(j.status?.startTime, j.status?.completionTime)],
  ],
  [R.endpoints]: [['Endpoints', endpointsCell]],
  [R.endpointslices]: [
    ['AddressType', (s) => s.addressType ?? ''],
    ['Ports', (s) => (s.ports ?? []).map((p: Json) => p.port ?? '<unset>').join(',') || '<unset>'],
    ['Endpoints', (s) => (s.endpoints ?? []).flatMap((e: Json) => e.addresses ?? []).join(',') || '<unset>'],
  ],
  [R.serviceaccounts]: [['Secrets', (s) => (s.secrets ?? []).length]],
  ['clusterrolebindings.rbac.authorization.k8s.io']: [['Role', (b) => `${b.roleRef?.kind}/${b.roleRef?.name}`]],
  ['rolebindings.rbac.authorization.k8s.io']: [['Role', (b) => `${b.roleRef?.kind}/${b.roleRef?.name}`]],
  ['validatingwebhookconfigurations.admissionregistration.k8s.io']: [['Webhooks', (v) => (v.webhooks ?? []).length]],
  ['networkpolicies.networking.k8s.io']: [['Pod-Selector', (n) => selectorText(n.spec?.podSelector)]],
  ['poddisruptionbudgets.policy']: [
    ['Min Available', (p) => p.spec?.minAvailable ?? 'N/A'],
    ['Max Unavailable', (p) => p.spec?.maxUnavailable ?? 'N/A'],
    ['Allowed Disruptions', (p) => p.status?.disruptionsAllowed ?? 0],
  ],
};

const createdAt = (o: KObject): string => o.metadata.creationTimestamp ?? '';

/** Kinds whose whole row differs from Name + columns + Age (as kubectl's printers define them). */
const FULL_COLUMNS: Record<string, Column[]> = {
  [R.events]: [
    ['Last Seen', (e) => ageOf(e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp)],
    ['Type', (e) => e.type ?? ''],
    ['Reason', (e) => e.reason ?? ''],
    ['Object', (e) => `${String(e.involvedObject?.kind ?? '').toLowerCase()}/${e.involvedObject?.name ?? ''}`],
    ['Message', (e) => e.message ?? ''],
  ],
  'clusterroles.rbac.authorization.k8s.io': [
    ['Name', (o) => o.metadata.name],
    ['Created At', createdAt],
  ],
  'roles.rbac.authorization.k8s.io': [
    ['Name', (o) => o.metadata.name],
    ['Created At', createdAt],
  ],
};

function jobStatus(j: KObject): string {
  const conds: Json[] = j.status?.conditions ?? [];
  const has = (t: string): boolean => conds.some((c) => c.type === t && c.status === 'True');
  if (has('Failed')) return 'Failed';
  if (has('Complete')) return 'Complete';
  if (j.spec?.suspend) return 'Suspended';
  if (has('FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function since(from: string | undefined, to: string | undefined): string {
  const a = Date.parse(from ?? '');
  if (Number.isNaN(a)) return '';
  const b = to ? Date.parse(to) : Date.now();
  return humanDuration(b - a);
}

/** `10.244.1.5:8080,10.244.2.7:8080 + 3 more...` as kubectl prints Endpoints. */
function endpointsCell(e: KObject): string {
  const all: string[] = [];
  for (const s of e.subsets ?? []) for (const a of s.addresses ?? []) for (const p of s.ports ?? []) all.push(`${a.ip}:${p.port}`);
  if (all.length === 0) return '<none>';
  return all.length > 3 ? `${all.slice(0, 3).join(',')} + ${all.length - 3} more...` : all.join(',');
}

function selectorText(sel: Json): string {
  const parts = Object.entries(sel?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  return parts.length ? parts.join(',') : '<none>';
}

function partial(o: KObject, includeObject: string | null): unknown {
  if (includeObject === 'Object') return o;
  if (includeObject === 'None') return undefined;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata };
}

export function wantsTable(accept: string | undefined): boolean {
  return /as=Table/.test(accept ?? '');
}

export function toTable(resource: string, objects: KObject[], listRv: string, includeObject: string | null): unknown {
  const cols: Column[] = FULL_COLUMNS[resource] ?? [['Name', (o) => o.metadata.name], ...(COLUMNS[resource] ?? []), ['Age', age]];
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: listRv },
    columnDefinitions: cols.map(([name]) => ({
      name,
      type: name === 'Restarts' || name === 'Desired' || name === 'Current' ? 'integer' : 'string',
      format: name === 'Name' ? 'name' : '',
      description: name,
      priority: 0,
    })),
    rows: objects.map((o) => ({ cells: cols.map(([, cell]) => cell(o)), object: partial(o, includeObject) })),
  };
}
