// "Is this rollout finished?" with `kubectl rollout status` semantics, as pure functions of the
// object the API server returns (missing status counters mean 0, missing spec.replicas means 1).
import type { KubeObject } from '../adapters/types.js';

interface WorkloadStatus {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  availableReplicas?: number;
  readyReplicas?: number;
  currentRevision?: string;
  updateRevision?: string;
}

function parts(obj: KubeObject): { want: number; status: WorkloadStatus; observed: boolean } {
  const spec = (obj.spec ?? {}) as { replicas?: number };
  const status = (obj.status ?? {}) as WorkloadStatus;
  const observed = (status.observedGeneration ?? 0) >= (obj.metadata.generation ?? 0);
  return { want: spec.replicas ?? 1, status, observed };
}

/** Every replica runs the newest template, none of the old ones are left, all are available. */
export function deploymentRolledOut(obj: KubeObject): boolean {
  const { want, status, observed } = parts(obj);
  const updated = status.updatedReplicas ?? 0;
  return observed && updated === want && (status.replicas ?? 0) === updated && (status.availableReplicas ?? 0) === updated;
}

/** Every replica is ready and updated; the current revision has caught up with the update revision. */
export function statefulSetRolledOut(obj: KubeObject): boolean {
  const { want, status, observed } = parts(obj);
  const revisionsAgree = status.currentRevision === undefined || status.updateRevision === undefined || status.currentRevision === status.updateRevision;
  return observed && (status.readyReplicas ?? 0) === want && (status.updatedReplicas ?? 0) === want && revisionsAgree;
}

export function rolledOut(obj: KubeObject): boolean {
  return obj.kind === 'StatefulSet' ? statefulSetRolledOut(obj) : deploymentRolledOut(obj);
}

/** Ready replicas (a Deployment's available ones, as `kubectl rollout status` counts) and the replicas wanted. */
export function readyReplicas(obj: KubeObject): { ready: number; desired: number } {
  const { want, status } = parts(obj);
  const ready = obj.kind === 'StatefulSet' ? status.readyReplicas : status.availableReplicas;
  return { ready: ready ?? 0, desired: want };
}

/** "2/3 ready" for progress lines. */
export function readyCount(obj: KubeObject): string {
  const { ready, desired } = readyReplicas(obj);
  return `${ready}/${desired} ready`;
}
