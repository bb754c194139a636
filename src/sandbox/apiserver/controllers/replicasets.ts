// ReplicaSets keep spec.replicas pods alive and report how many are ready.
import { R } from '../resources.js';
import { ApiError } from '../errors.js';
import type { KObject } from '../types.js';
import { ownerOf, type Controller } from './context.js';
import { randomSuffix } from './helpers.js';
import { createPodFromTemplate, failedCreateRetryAt, isPodReady, podsOwnedBy } from './workload-pods.js';

export const replicaSetController: Controller = {
  name: 'replicaset',
  resource: R.replicasets,
  triggers(ev) {
    const rs = ev.resource === R.pods ? ownerOf(ev.object, 'ReplicaSet') : undefined;
    return rs ? [{ namespace: ev.object.metadata.namespace, name: rs.name }] : [];
  },
  reconcile(ctx, key) {
    const rs = ctx.store.get(R.replicasets, key.namespace, key.name);
    if (!rs) return undefined;
    let pods = podsOwnedBy(ctx.store, rs);
    const want = Number(rs.spec?.replicas ?? 1);
    const hash = rs.metadata.labels?.['pod-template-hash'];
    let retryAt: number | undefined;
    for (let i = pods.length; i < want; i++) {
      const name = `${rs.metadata.name}-${randomSuffix()}`;
      try {
        pods.push(createPodFromTemplate(ctx.store, rs, name, hash ? { 'pod-template-hash': hash } : {}));
      } catch (err) {
        // Refused by admission (a ResourceQuota): the real controller records it and tries again later.
        if (!(err instanceof ApiError)) throw err;
        ctx.events.record(rs, 'Warning', 'FailedCreate', `Error creating: ${err.message}`, 'replicaset-controller');
        retryAt = failedCreateRetryAt(ctx.store, rs, ctx.now());
        break;
      }
      ctx.events.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`, 'replicaset-controller');
    }
    if (pods.length > want) {
      // Scale down the least useful first: not ready, then newest.
      const order = [...pods].sort(
        (a, b) => Number(isPodReady(a)) - Number(isPodReady(b)) || (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? ''),
      );
      for (const p of order.slice(0, pods.length - want)) {
        ctx.store.remove(R.pods, p.metadata.namespace, p.metadata.name);
        ctx.events.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, 'replicaset-controller');
      }
      pods = podsOwnedBy(ctx.store, rs);
    }
    const ready = pods.filter(isPodReady).length;
    const status = {
      replicas: pods.length,
      fullyLabeledReplicas: pods.length,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: rs.metadata.generation,
    };
    const latest = ctx.store.get(R.replicasets, key.namespace, key.name) as KObject;
    ctx.store.replace(R.replicasets, { ...latest, status });
    return retryAt;
  },
};
