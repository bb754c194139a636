// StatefulSets: pods <name>-0, -1, … created in order (each once the previous is Ready), one PVC per
// volumeClaimTemplate and ordinal (kept when the StatefulSet goes), rolling updates by revision.
import { R } from '../resources.js';
import { ApiError } from '../errors.js';
import type { Json, KObject } from '../types.js';
import { ownerOf, type Controller, type ControllerContext } from './context.js';
import { templateHash } from './helpers.js';
import { createPodFromTemplate, failedCreateRetryAt, isPodReady, podsOwnedBy } from './workload-pods.js';

const ordinalOf = (sts: KObject, pod: KObject): number => Number(pod.metadata.name.slice(sts.metadata.name.length + 1));

function ensureClaims(ctx: ControllerContext, sts: KObject, i: number): Json[] {
  const volumes: Json[] = [];
  for (const tpl of sts.spec?.volumeClaimTemplates ?? []) {
    const claimName = `${tpl.metadata?.name}-${sts.metadata.name}-${i}`;
    if (!ctx.store.get(R.pvcs, sts.metadata.namespace, claimName)) {
      ctx.store.create(R.pvcs, {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: claimName, namespace: sts.metadata.namespace, labels: { ...(sts.spec?.selector?.matchLabels ?? {}) } },
        spec: { volumeMode: 'Filesystem', storageClassName: 'default', ...tpl.spec },
        status: { phase: 'Pending' },
      });
      ctx.events.record(
        sts,
        'Normal',
        'SuccessfulCreate',
        `create Claim ${claimName} Pod ${sts.metadata.name}-${i} in StatefulSet ${sts.metadata.name} success`,
        'statefulset-controller',
      );
    }
    volumes.push({ name: tpl.metadata?.name, persistentVolumeClaim: { claimName } });
  }
  return volumes;
}

export const statefulSetController: Controller = {
  name: 'statefulset',
  resource: R.statefulsets,
  triggers(ev) {
    const sts = ev.resource === R.pods ? ownerOf(ev.object, 'StatefulSet') : undefined;
    return sts ? [{ namespace: ev.object.metadata.namespace, name: sts.name }] : [];
  },
  reconcile(ctx, key) {
    const sts = ctx.store.get(R.statefulsets, key.namespace, key.name);
    if (!sts) return undefined;
    const want = Number(sts.spec?.replicas ?? 1);
    const revision = `${sts.metadata.name}-${templateHash(sts.spec?.template).slice(0, 10)}`;
    const pods = podsOwnedBy(ctx.store, sts).sort((a, b) => ordinalOf(sts, a) - ordinalOf(sts, b));
    const revOf = (p: KObject): string | undefined => p.metadata.labels?.['controller-revision-hash'];

    for (const p of pods.filter((p) => ordinalOf(sts, p) >= want)) ctx.store.remove(R.pods, p.metadata.namespace, p.metadata.name);
    const live = pods.filter((p) => ordinalOf(sts, p) < want);
    let retryAt: number | undefined;
    // OrderedReady: pod i is created only when every lower ordinal is Ready.
    for (let i = 0; i < want; i++) {
      if (live.some((p) => ordinalOf(sts, p) === i)) continue;
      if (!live.filter((p) => ordinalOf(sts, p) < i).every(isPodReady) || live.filter((p) => ordinalOf(sts, p) < i).length < i) break;
      const volumes = ensureClaims(ctx, sts, i);
      const name = `${sts.metadata.name}-${i}`;
      let created: KObject;
      try {
        created = createPodFromTemplate(
          ctx.store,
          sts,
          name,
          { 'controller-revision-hash': revision, 'statefulset.kubernetes.io/pod-name': name, 'apps.kubernetes.io/pod-index': String(i) },
          (spec) => {
            spec.hostname = name;
            if (sts.spec?.serviceName) spec.subdomain = sts.spec.serviceName;
            spec.volumes = [...(spec.volumes ?? []), ...volumes];
          },
        );
      } catch (err) {
        // Refused by admission (a ResourceQuota): recorded as the real controller does; retried with backoff.
        if (!(err instanceof ApiError)) throw err;
        ctx.events.record(
          sts,
          'Warning',
          'FailedCreate',
          `create Pod ${name} in StatefulSet ${sts.metadata.name} failed error: ${err.message}`,
          'statefulset-controller',
        );
        retryAt = failedCreateRetryAt(ctx.store, sts, ctx.now());
        break;
      }
      live.push(created);
      ctx.events.record(sts, 'Normal', 'SuccessfulCreate', `create Pod ${name} in StatefulSet ${sts.metadata.name} successful`, 'statefulset-controller');
      break;
    }
    // Rolling update: replace the highest outdated ordinal once everything else is Ready.
    const outdated = live.filter((p) => revOf(p) !== revision);
    if (outdated.length > 0 && live.length === want && live.every(isPodReady)) {
      const victim = outdated[outdated.length - 1]!;
      ctx.store.remove(R.pods, victim.metadata.namespace, victim.metadata.name);
    }

    const current = podsOwnedBy(ctx.store, sts);
    const ready = current.filter(isPodReady).length;
    const updated = current.filter((p) => revOf(p) === revision).length;
    const done = updated === want && ready === want;
    const currentRevision = done ? revision : (sts.status?.currentRevision ?? revision);
    const status = {
      observedGeneration: sts.metadata.generation,
      replicas: current.length,
      readyReplicas: ready,
      availableReplicas: ready,
      currentReplicas: current.filter((p) => revOf(p) === currentRevision).length,
      updatedReplicas: updated,
      currentRevision,
      updateRevision: revision,
      collisionCount: 0,
    };
    const latest = ctx.store.get(R.statefulsets, key.namespace, key.name) as KObject;
    ctx.store.replace(R.statefulsets, { ...latest, status });
    return retryAt;
  },
};
