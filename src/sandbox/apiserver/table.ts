// `kubectl get` asks for meta.k8s.io Tables; we print the columns it would show for common kinds.
import { R } from './resources.js';
import type { Json, KObject } from './types.js';

type Column = [name: string, cell: (o: KObject) => string | number];

function age(o: KObject): string {
  const t = Date.parse(o.metadata.creationTimestamp ?? '');
  if (Number.isNaN(t)) return '<unknown>';
  const s = Math.max(0, Math.floor((Date.now() - t) / 1000));
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
    ['External-IP', (s) => (s.status?.loadBalancer?.ingress ?? []).map((i: Json) => i.ip).join(',') || (s.spec?.type === 'LoadBalancer' ? '<pending>' : '<none>')],
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
  [R.events]: [
    ['Type', (e) => e.type ?? ''],
    ['Reason', (e) => e.reason ?? ''],
    ['Object', (e) => `${String(e.involvedObject?.kind ?? '').toLowerCase()}/${e.involvedObject?.name ?? ''}`],
    ['Message', (e) => e.message ?? ''],
  ],
};

function partial(o: KObject, includeObject: string | null): unknown {
  if (includeObject === 'Object') return o;
  if (includeObject === 'None') return undefined;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata };
}

export function wantsTable(accept: string | undefined): boolean {
  return /as=Table/.test(accept ?? '');
}

export function toTable(resource: string, objects: KObject[], listRv: string, includeObject: string | null): unknown {
  const cols: Column[] = [['Name', (o) => o.metadata.name], ...(COLUMNS[resource] ?? []), ['Age', age]];
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: listRv },
    columnDefinitions: cols.map(([name], i) => ({
      name,
      type: name === 'Restarts' || name === 'Desired' || name === 'Current' ? 'integer' : 'string',
      format: i === 0 ? 'name' : '',
      description: name,
      priority: 0,
    })),
    rows: objects.map((o) => ({ cells: cols.map(([, cell]) => cell(o)), object: partial(o, includeObject) })),
  };
}
