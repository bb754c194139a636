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
