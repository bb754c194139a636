// Labels by which lifesub recognises what it created, so it never adopts or deletes anyone else's work.
import type { KubeObject, ObjectRef } from '../adapters/types.js';

export const MANAGED_BY = 'app.kubernetes.io/managed-by';
export const ID_LABEL = 'lifesub.io/id';
/** On shared, cluster-wide things (the ingress controller) that lifesub installed for somebody. */
export const INSTALLED_BY = 'lifesub.io/installed-by';

export function namespaceRef(name: string): ObjectRef {
  return { apiVersion: 'v1', kind: 'Namespace', name };
}

/** True when the object carries both lifesub labels for this ID. */
export function ownedBy(obj: KubeObject, id: string): boolean {
  const labels = obj.metadata.labels ?? {};
  return labels[MANAGED_BY] === 'lifesub' && labels[ID_LABEL] === id;
}

export function isTerminating(obj: KubeObject): boolean {
  const phase = (obj.status as { phase?: string } | undefined)?.phase;
  return obj.metadata.deletionTimestamp !== undefined || phase === 'Terminating';
}

/** `kubectl`-style short name for messages: "Deployment member". */
export function describeObject(obj: Pick<KubeObject, 'kind' | 'metadata'>): string {
  return `${obj.kind} ${obj.metadata.name}`;
}
