// Creating pods from a template on behalf of a ReplicaSet or StatefulSet, and reading their readiness.
import { applyDefaults } from '../defaults.js';
import { clone } from '../merge.js';
import { admitPod } from '../quota.js';
import { R } from '../resources.js';
import type { Store } from '../store.js';
import type { Json, KObject, OwnerReference } from '../types.js';
import { ownedBy } from './context.js';

export function controllerRef(owner: KObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

export function podsOwnedBy(store: Store, owner: KObject): KObject[] {
  return clone(store.view(R.pods, owner.metadata.namespace).filter((p) => ownedBy(p, owner.metadata.uid)));
}

export function isPodReady(pod: KObject): boolean {
  return (pod.status?.conditions ?? []).some((c: Json) => c.type === 'Ready' && c.status === 'True');
}

export function createPodFromTemplate(
  store: Store,
  owner: KObject,
  name: string,
  extraLabels: Record<string, string>,
  extra: (spec: Json) => void = () => undefined,
): KObject {
  const template = clone(owner.spec?.template ?? {});
  const pod: KObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: owner.metadata.namespace,
      labels: { ...(template.metadata?.labels ?? {}), ...extraLabels },
      ...(template.metadata?.annotations ? { annotations: template.metadata.annotations } : {}),
      ownerReferences: [controllerRef(owner)],
    },
    spec: template.spec ?? {},
    status: { phase: 'Pending' },
  };
  extra(pod.spec);
  applyDefaults(R.pods, pod, () => '');
  // The controllers' creates pass the same admission as a client's (LimitRange, ResourceQuota): a refusal throws.
  admitPod(store, pod);
  return store.create(R.pods, pod);
}

/**
 * When (epoch ms) a ReplicaSet or StatefulSet whose pod creation was refused tries again. The real
 * controllers return the error to their workqueue, which requeues the object with client-go's
 * per-item exponential backoff (DefaultControllerRateLimiter: 5 ms · 2^failures, at most 1000 s;
 * from knowledge of client-go, not mirrored here), so a quota that is raised or freed heals without
 * any other change. The failures are counted from the object's own FailedCreate events. Real time,
 * not the profile's scaled durations: the backoff is not a simulated duration.
 */
export function failedCreateRetryAt(store: Store, owner: KObject, now: number): number {
  const failures = store
    .view(R.events, owner.metadata.namespace)
    .filter((e) => e.reason === 'FailedCreate' && e.involvedObject?.uid === owner.metadata.uid)
    .reduce((n, e) => n + Number(e.count ?? 1), 0);
  // No event recorded (its namespace is gone): no count to back off on; look again in a second, not in a busy loop.
  if (failures === 0) return now + 1_000;
  return now + Math.min(5 * 2 ** (failures - 1), 1_000_000);
}
