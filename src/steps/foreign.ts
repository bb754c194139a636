// Which objects in the student's namespace lifesub did NOT make: deleting the namespace would take
// them along, so `down` names them and stops (unless --force). Pure: objects in, foreign objects out.
//
// Made by lifesub, or by Kubernetes/Helm on its behalf:
//  - anything with our labels (managed-by lifesub, lifesub.io/id=<id>);
//  - objects of our Helm releases: annotation meta.helm.sh/release-name (+ -namespace), which Helm 3+
//    puts on every object it creates, or the chart convention app.kubernetes.io/managed-by=Helm with
//    app.kubernetes.io/instance=<release>; Helm's release records `sh.helm.release.v1.<release>.v<n>`
//    (labels owner=helm, name=<release>);
//  - PVCs of those releases' StatefulSets: the StatefulSet controller labels each claim with the
//    StatefulSet's selector, which carries app.kubernetes.io/instance=<release> (they outlive an uninstall);
//  - what Kubernetes adds to every namespace: ServiceAccount `default`, ConfigMap `kube-root-ca.crt`,
//    service-account token Secrets of such accounts (Events, Endpoints, EndpointSlices are never listed);
//  - anything whose ownerReferences lead to one of the above (Pods of ReplicaSets of our Deployments,
//    Pods of our StatefulSets, ControllerRevisions).
import type { KubeObject } from '../adapters/types.js';
import { ID_LABEL, MANAGED_BY } from './ownership.js';

/** The kinds `down` looks at before deleting a namespace (what a student plausibly adds by hand). */
export const SCANNED_KINDS: ReadonlyArray<[apiVersion: string, kind: string]> = [
  ['v1', 'ConfigMap'],
  ['v1', 'Secret'],
  ['v1', 'Service'],
  ['v1', 'Pod'],
  ['v1', 'PersistentVolumeClaim'],
  ['v1', 'ServiceAccount'],
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'ReplicaSet'],
  ['apps/v1', 'StatefulSet'],
  ['networking.k8s.io/v1', 'Ingress'],
  ['coordination.k8s.io/v1', 'Lease'],
];

export interface Ours {
  id: string;
  namespace: string;
  /** lifesub's Helm releases in the namespace (the databases). */
  releases: readonly string[];
}

/** The objects of `objects` (all in `ours.namespace`) that neither lifesub nor Kubernetes made for it. */
export function foreignObjects(objects: readonly KubeObject[], ours: Ours): KubeObject[] {
  const mine = new Set<KubeObject>(objects.filter((o) => madeForUs(o, ours)));
  // Ownership through ownerReferences, to a fixpoint (Pod → ReplicaSet → Deployment).
  const byUid = new Map(objects.filter((o) => o.metadata.uid).map((o) => [o.metadata.uid!, o]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const o of objects) {
      if (mine.has(o)) continue;
      const owners = (o.metadata.ownerReferences ?? []) as Array<{ uid?: string }>;
      if (owners.some((r) => r.uid !== undefined && byUid.has(r.uid) && mine.has(byUid.get(r.uid)!))) {
        mine.add(o);
        changed = true;
      }
    }
  }
  return objects.filter((o) => !mine.has(o));
}

function madeForUs(o: KubeObject, ours: Ours): boolean {
  const labels = o.metadata.labels ?? {};
  const annotations = o.metadata.annotations ?? {};
  if (labels[MANAGED_BY] === 'lifesub' && labels[ID_LABEL] === ours.id) return true;
  const release = annotations['meta.helm.sh/release-name'];
  if (release !== undefined && ours.releases.includes(release) && (annotations['meta.helm.sh/release-namespace'] ?? ours.namespace) === ours.namespace)
    return true;
  const instance = labels['app.kubernetes.io/instance'];
  if (instance !== undefined && ours.releases.includes(instance) && (labels[MANAGED_BY] === 'Helm' || o.kind === 'PersistentVolumeClaim')) return true;
  if (o.kind === 'Secret' && labels.owner === 'helm' && ours.releases.includes(labels.name ?? '') && o.metadata.name.startsWith('sh.helm.release.v1.'))
    return true;
  return kubernetesDefault(o);
}

function kubernetesDefault(o: KubeObject): boolean {
  if (o.kind === 'ServiceAccount' && o.metadata.name === 'default') return true;
  if (o.kind === 'ConfigMap' && o.metadata.name === 'kube-root-ca.crt') return true;
  // Legacy token Secrets the token controller made for the default account.
  return (
    o.kind === 'Secret' &&
    (o as { type?: string }).type === 'kubernetes.io/service-account-token' &&
    o.metadata.annotations?.['kubernetes.io/service-account.name'] === 'default'
  );
}
