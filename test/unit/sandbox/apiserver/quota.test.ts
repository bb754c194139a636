// ResourceQuota and LimitRange admission in the simulated API server, seen through client-node: a
// client's pod and a controller's pod are refused the way the real apiserver words it.
import { CoreV1Api, KubernetesObjectApi, PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { KubeClient } from '../../../../src/adapters/kube.js';
import { diagnose } from '../../../../src/steps/diagnose.js';
import { deployment, startTestCluster, waitFor, type TestCluster } from './harness.js';

let c: TestCluster;
let core: CoreV1Api;
let objects: KubernetesObjectApi;
const ns = 'budgeted';

beforeAll(async () => {
  c = await startTestCluster();
  core = c.kc.makeApiClient(CoreV1Api);
  objects = KubernetesObjectApi.makeApiClient(c.kc);
  await core.createNamespace({ body: { metadata: { name: ns } } });
  const apply = (obj: KubernetesObject) => objects.patch(obj, undefined, undefined, 'lifesub', true, PatchStrategy.ServerSideApply);
  await apply({
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: 'budget', namespace: ns },
    spec: { hard: { pods: '2', 'limits.memory': '1Gi' } },
  } as KubernetesObject);
  await apply({
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: 'limits', namespace: ns },
    // client-node's model calls LimitRangeItem.default `_default` (src/adapters/kube.ts renames it the same way).
    spec: { limits: [{ type: 'Container', _default: { memory: '512Mi', cpu: '500m' }, defaultRequest: { memory: '256Mi', cpu: '100m' } }] },
  } as KubernetesObject);
});
afterAll(async () => c.close());

const pod = (name: string) => ({ metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });

describe('quota admission', () => {
  test("lifesub's kube adapter keeps a LimitRange's `default` (client-node's model names it _default)", async () => {
    const kubeconfig = join(c.dir, 'kubeconfig');
    writeFileSync(kubeconfig, c.kc.exportConfig());
    const kube = new KubeClient({ kubeconfig });
    await core.createNamespace({ body: { metadata: { name: 'other' } } });
    const limitRange = {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'ours', namespace: 'other' },
      spec: { limits: [{ type: 'Container', default: { memory: '64Mi' } }] },
    };
    await kube.apply(limitRange, new AbortController().signal);
    const created = await core.createNamespacedPod({ namespace: 'other', body: pod('p') });
    expect(created.spec?.containers[0]?.resources?.limits).toEqual({ memory: '64Mi' });
  });

  test("a client's pod gets the LimitRange defaults; one over the quota is refused with 403 'exceeded quota'", async () => {
    const created = await core.createNamespacedPod({ namespace: ns, body: pod('first') });
    expect(created.spec?.containers[0]?.resources).toEqual({ limits: { memory: '512Mi', cpu: '500m' }, requests: { memory: '256Mi', cpu: '100m' } });
    await core.createNamespacedPod({ namespace: ns, body: pod('second') }).catch((err: { code?: number; body?: string }) => {
      throw new Error(`second pod: ${err.code} ${err.body}`);
    });
    const err = (await core.createNamespacedPod({ namespace: ns, body: pod('third') }).catch((e: unknown) => e)) as { code?: number; body?: string };
    expect(err.code).toBe(403);
    expect(JSON.parse(err.body!).message).toBe(
      'pods "third" is forbidden: exceeded quota: budget, requested: limits.memory=512Mi,pods=1, used: limits.memory=1Gi,pods=2, limited: limits.memory=1Gi,pods=2',
    );
    await core.deleteNamespacedPod({ namespace: ns, name: 'second' });
  });

  test("a ReplicaSet's pod over the quota is not created; the controller records FailedCreate with the apiserver's words", async () => {
    await objects.patch(
      { ...deployment('web', 'nginx', {}), metadata: { name: 'web', namespace: ns } },
      undefined,
      undefined,
      'lifesub',
      true,
      PatchStrategy.ServerSideApply,
    );
    await objects.patch(
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: ns }, spec: { replicas: 2 } } as KubernetesObject,
      undefined,
      undefined,
      'scaler',
      true,
      PatchStrategy.MergePatch,
    );
    const event = await waitFor(
      async () => (await core.listNamespacedEvent({ namespace: ns })).items.find((e) => e.reason === 'FailedCreate' && e.involvedObject.kind === 'ReplicaSet'),
      5000,
      'FailedCreate event',
    );
    expect(event.type).toBe('Warning');
    expect(event.message).toMatch(/^Error creating: pods "web-[a-z0-9]+-[a-z0-9]+" is forbidden: exceeded quota: budget, requested: .*pods=1/);
    const pods = (await core.listNamespacedPod({ namespace: ns })).items.map((p) => p.metadata?.name);
    expect(pods).toHaveLength(2);
  });
  test("lifesub's diagnosis of the refused Deployment quotes the FailedCreate event and points at the quota, through the real client", async () => {
    const kubeconfig = join(c.dir, 'kubeconfig');
    writeFileSync(kubeconfig, c.kc.exportConfig());
    const kube = new KubeClient({ kubeconfig });
    const d = await diagnose(
      kube,
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: ns },
      { app: 'web' },
      {
        signal: new AbortController().signal,
        final: false,
        secrets: [],
      },
    );
    expect(d?.problem.kind).toBe('refused');
    expect(d?.summary).toMatch(
      /^replicaset web-[a-z0-9]+ FailedCreate: Error creating: pods "web-[a-z0-9]+-[a-z0-9]+" is forbidden: exceeded quota: budget, requested: /,
    );
    expect(d?.hint).toContain(`kubectl describe resourcequota budget -n ${ns}`);
  });
  test('the refused ReplicaSet retries with backoff, like the real workqueue: raising the quota lets it create the pod', async () => {
    await objects.patch(
      {
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: { name: 'budget', namespace: ns },
        spec: { hard: { pods: '3', 'limits.memory': '2Gi' } },
      } as KubernetesObject,
      undefined,
      undefined,
      'lifesub',
      true,
      PatchStrategy.ServerSideApply,
    );
    await waitFor(async () => (await core.listNamespacedPod({ namespace: ns, labelSelector: 'app=web' })).items.length === 2, 5000, 'second web pod');
  });
});
