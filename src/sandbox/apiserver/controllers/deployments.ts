// Deployments roll pod templates out through ReplicaSets (one per template hash) and report the
// status fields `kubectl rollout status` reads: observedGeneration, updated/ready/available replicas,
// and the Available / Progressing conditions.
import { clone } from '../merge.js';
import { R } from '../resources.js';
import type { Json, KObject } from '../types.js';
import { ownedBy, ownerOf, type Controller, type ControllerContext } from './context.js';
import { intOrPercent, setCondition, templateHash, type Condition } from './helpers.js';
import { controllerRef } from './workload-pods.js';

function ensureReplicaSet(ctx: ControllerContext, d: KObject, hash: string, owned: KObject[], want: number): KObject {
  const existing = owned.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
  const revision = Math.max(0, ...owned.map((rs) => Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0)));
  if (existing) {
    if (existing.spec?.replicas === want) return existing;
    ctx.events.record(
      d,
      'Normal',
      'ScalingReplicaSet',
      `Scaled ${want > existing.spec.replicas ? 'up' : 'down'} replica set ${existing.metadata.name} from ${existing.spec.replicas} to ${want}`,
      'deployment-controller',
    );
    return ctx.store.replace(R.replicasets, { ...existing, spec: { ...existing.spec, replicas: want } });
  }
  const template = structuredClone(d.spec.template ?? {});
  template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, 'pod-template-hash': hash } };
  const name = `${d.metadata.name}-${hash}`;
  ctx.events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} from 0 to ${want}`, 'deployment-controller');
  return ctx.store.create(R.replicasets, {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: d.metadata.namespace,
      labels: template.metadata.labels,
      annotations: { 'deployment.kubernetes.io/desired-replicas': String(want), 'deployment.kubernetes.io/revision': String(revision + 1) },
      ownerReferences: [controllerRef(d)],
    },
    spec: {
      replicas: want,
      selector: { ...d.spec.selector, matchLabels: { ...d.spec.selector?.matchLabels, 'pod-template-hash': hash } },
      template,
    },
  });
}

export const deploymentController: Controller = {
  name: 'deployment',
  resource: R.deployments,
  triggers(ev) {
    if (ev.resource !== R.replicasets) return [];
    const d = ownerOf(ev.object, 'Deployment');
    return d ? [{ namespace: ev.object.metadata.namespace, name: d.name }] : [];
  },
  reconcile(ctx, key) {
    const d = ctx.store.get(R.deployments, key.namespace, key.name);
    if (!d) return undefined;
    const want = Number(d.spec?.replicas ?? 1);
    const hash = templateHash(d.spec?.template);
    let owned = clone(ctx.store.view(R.replicasets, key.namespace).filter((rs) => ownedBy(rs, d.metadata.uid)));
    const newRs = ensureReplicaSet(ctx, d, hash, owned, want);
    const newReady = Number(newRs.status?.readyReplicas ?? 0);
    // Old ReplicaSets go away once the new one can carry the load (Recreate: at once).
    const recreate = d.spec?.strategy?.type === 'Recreate';
    for (const old of owned) {
      if (old.metadata.uid === newRs.metadata.uid || old.spec?.replicas === 0) continue;
      if (recreate || newReady >= want) {
        ctx.events.record(
          d,
          'Normal',
          'ScalingReplicaSet',
          `Scaled down replica set ${old.metadata.name} from ${old.spec.replicas} to 0`,
          'deployment-controller',
        );
        ctx.store.replace(R.replicasets, { ...old, spec: { ...old.spec, replicas: 0 } });
      }
    }
    owned = clone(ctx.store.view(R.replicasets, key.namespace).filter((rs) => ownedBy(rs, d.metadata.uid)));
    const fresh = owned.find((rs) => rs.metadata.uid === newRs.metadata.uid) ?? newRs;
    const sum = (f: (s: Json) => number): number => owned.reduce((n, rs) => n + f(rs), 0);
    const replicas = sum((rs) => Number(rs.status?.replicas ?? 0));
    const ready = sum((rs) => Number(rs.status?.readyReplicas ?? 0));
    const available = sum((rs) => Number(rs.status?.availableReplicas ?? 0));
    const updated = Number(fresh.status?.replicas ?? 0);
    const maxUnavailable = intOrPercent(d.spec?.strategy?.rollingUpdate?.maxUnavailable ?? '25%', want, false);
    const now = ctx.now();
    let conds: Condition[] = d.status?.conditions ?? [];
    conds = setCondition(
      conds,
      available >= want - maxUnavailable
        ? { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }
        : { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' },
      now,
      true,
    );
    const complete = updated === want && replicas === want && available === want && fresh.status?.observedGeneration === fresh.metadata.generation;
    const rsName = fresh.metadata.name;
    const progressing = conds.find((c) => c.type === 'Progressing');
    const deadlineMs = Number(d.spec?.progressDeadlineSeconds ?? 600) * 1000;
    const sinceMs = progressing?.lastUpdateTime && progressing.reason === 'ReplicaSetUpdated' ? Date.parse(progressing.lastUpdateTime) : now;
    let wake: number | undefined;
    if (complete) {
      conds = setCondition(
        conds,
        { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rsName}" has successfully progressed.` },
        now,
        true,
      );
    } else if ((progressing?.reason === 'ProgressDeadlineExceeded' && progressing.message?.includes(`"${rsName}"`)) || now - sinceMs > deadlineMs) {
      conds = setCondition(
        conds,
        { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${rsName}" has timed out progressing.` },
        now,
        true,
      );
    } else {
      conds = setCondition(
        conds,
        { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${rsName}" is progressing.` },
        now,
        true,
      );
      wake = sinceMs + deadlineMs + 1;
    }
    const status = {
      observedGeneration: d.metadata.generation,
      replicas,
      updatedReplicas: updated,
      readyReplicas: ready,
      availableReplicas: available,
      ...(want - available > 0 ? { unavailableReplicas: want - available } : {}),
      conditions: conds,
    };
    const latest = ctx.store.get(R.deployments, key.namespace, key.name) as KObject;
    ctx.store.replace(R.deployments, { ...latest, status });
    return wake;
  },
};
