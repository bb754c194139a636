// Reads the simulated cluster the way any Kubernetes client would: @kubernetes/client-node with the
// kubeconfig `lifesub sandbox serve` prints. Used to check what `up` left behind.
import { ApiException, KubeConfig, KubernetesObjectApi, type KubernetesObject } from '@kubernetes/client-node';

export type Obj = KubernetesObject & {
  metadata: NonNullable<KubernetesObject['metadata']> & { name: string };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  status?: Record<string, unknown>;
};

export const LIFESUB_LABELS = (id: string): Record<string, string> => ({
  'app.kubernetes.io/managed-by': 'lifesub',
  'lifesub.io/id': id,
});

export function objectApi(kubeconfig: string): KubernetesObjectApi {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfig);
  return KubernetesObjectApi.makeApiClient(kc);
}

export async function list(api: KubernetesObjectApi, apiVersion: string, kind: string, namespace?: string): Promise<Obj[]> {
  const res = await api.list<Obj>(apiVersion, kind, namespace);
  return res.items;
}

/** The object, or undefined when the server says 404. */
export async function get(api: KubernetesObjectApi, apiVersion: string, kind: string, name: string, namespace?: string): Promise<Obj | undefined> {
  try {
    return (await api.read<Obj>({ apiVersion, kind, metadata: { name, ...(namespace ? { namespace } : {}) } })) as Obj;
  } catch (err) {
    if (err instanceof ApiException && err.code === 404) return undefined;
    throw err;
  }
}

/** Every namespaced kind whose objects a no-op `up` must leave untouched (Events and Leases are heartbeats). */
export const SNAPSHOT_KINDS: ReadonlyArray<[apiVersion: string, kind: string]> = [
  ['v1', 'ConfigMap'],
  ['v1', 'Secret'],
  ['v1', 'Service'],
  ['v1', 'Pod'],
  ['v1', 'PersistentVolumeClaim'],
  ['v1', 'ServiceAccount'],
  ['v1', 'Endpoints'],
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'ReplicaSet'],
  ['apps/v1', 'StatefulSet'],
  ['networking.k8s.io/v1', 'Ingress'],
];

/** "Kind namespace/name" → resourceVersion, for the given namespaces (and the Namespace objects themselves). */
export async function snapshot(api: KubernetesObjectApi, namespaces: readonly string[]): Promise<Map<string, string>> {
  const versions = new Map<string, string>();
  for (const ns of namespaces) {
    const nsObj = await get(api, 'v1', 'Namespace', ns);
    if (nsObj) versions.set(`Namespace ${ns}`, nsObj.metadata.resourceVersion ?? '');
    for (const [apiVersion, kind] of SNAPSHOT_KINDS) {
      for (const o of await list(api, apiVersion, kind, ns)) {
        versions.set(`${kind} ${ns}/${o.metadata.name}`, o.metadata.resourceVersion ?? '');
      }
    }
  }
  return versions;
}

/** Keys whose resourceVersion differs, appeared or disappeared between two snapshots. */
export function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [k, v] of before) {
    if (!after.has(k)) out.push(`${k}: deleted`);
    else if (after.get(k) !== v) out.push(`${k}: resourceVersion ${v} → ${after.get(k)}`);
  }
  for (const k of after.keys()) if (!before.has(k)) out.push(`${k}: created`);
  return out;
}

/** Polls until `check` returns true (for things a controller finishes asynchronously). */
export async function eventually(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
