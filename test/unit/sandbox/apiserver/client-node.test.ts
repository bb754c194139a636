// The real @kubernetes/client-node 1.4.0 against the simulated API server: apply, patch, errors, watch.
import { ApiException, CoreV1Api, KubernetesObjectApi, PatchStrategy, Watch, type KubernetesObject } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { api, startTestCluster, waitFor, type TestCluster } from './harness.js';

let c: TestCluster;
beforeAll(async () => {
  c = await startTestCluster();
});
afterAll(async () => c.close());

const ssa = (objects: KubernetesObjectApi, obj: KubernetesObject, force = true) =>
  objects.patch(structuredClone(obj), undefined, undefined, 'lifesub', force, PatchStrategy.ServerSideApply);

function configMap(name: string, data: Record<string, string>, ns = 'default'): KubernetesObject & { data: Record<string, string> } {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns }, data };
}

describe('client-node against the sandbox API server', () => {
  test('server-side apply creates, and an identical re-apply changes nothing', async () => {
    const objects = KubernetesObjectApi.makeApiClient(c.kc);
    const created = await ssa(objects, configMap('cfg', { A: '1' }));
    expect(created.metadata?.uid).toBeTruthy();
    const again = await ssa(objects, configMap('cfg', { A: '1' }));
    expect(again.metadata?.resourceVersion).toBe(created.metadata?.resourceVersion);
    const changed = await ssa(objects, configMap('cfg', { A: '2' }));
    expect(Number(changed.metadata?.resourceVersion)).toBeGreaterThan(Number(created.metadata?.resourceVersion));
    expect(changed.metadata?.managedFields?.[0]).toMatchObject({ manager: 'lifesub', operation: 'Apply' });
  });

  test('generation moves only with spec, and re-applying a Deployment keeps resourceVersion', async () => {
    const objects = KubernetesObjectApi.makeApiClient(c.kc);
    const d = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'gen', namespace: 'default' },
      spec: {
        selector: { matchLabels: { app: 'gen' } },
        template: { metadata: { labels: { app: 'gen' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      },
    };
    const first = await ssa(objects, d);
    expect(first.metadata?.generation).toBe(1);
    expect((first as any).spec.replicas).toBe(1);
    // Let the controllers write status, then re-apply: no spec change → same generation, same rv.
    const settled = await waitFor(async () => {
      const cur: any = await objects.read({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'gen', namespace: 'default' } });
      return cur.status?.availableReplicas === 1 ? cur : undefined;
    });
    const again = await ssa(objects, d);
    expect(again.metadata?.resourceVersion).toBe(settled.metadata.resourceVersion);
    expect(again.metadata?.generation).toBe(1);
  });

  test('merge patch updates the object', async () => {
    const objects = KubernetesObjectApi.makeApiClient(c.kc);
    await ssa(objects, configMap('patched', { A: '1' }));
    const patched: any = await objects.patch(
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'patched', namespace: 'default' }, data: { B: '2' } } as KubernetesObject,
      undefined,
      undefined,
      undefined,
      undefined,
      PatchStrategy.MergePatch,
    );
    expect(patched.data).toEqual({ A: '1', B: '2' });
  });

  test('errors are Status objects: 404 NotFound and 409 AlreadyExists', async () => {
    const core = c.kc.makeApiClient(CoreV1Api);
    const err404 = await core.readNamespacedConfigMap({ name: 'nope', namespace: 'default' }).catch((e) => e);
    expect(err404).toBeInstanceOf(ApiException);
    expect(err404.code).toBe(404);
    expect(JSON.parse(err404.body)).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'NotFound',
      code: 404,
      message: 'configmaps "nope" not found',
      details: { name: 'nope', kind: 'configmaps' },
    });

    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'dup' }, data: {} } });
    const err409 = await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'dup' } } }).catch((e) => e);
    expect(err409.code).toBe(409);
    expect(JSON.parse(err409.body)).toMatchObject({ reason: 'AlreadyExists', details: { name: 'dup', kind: 'configmaps' } });
  });

  test('PUT with a stale resourceVersion is a 409 Conflict', async () => {
    const core = c.kc.makeApiClient(CoreV1Api);
    const cm = await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'cas' }, data: { v: '1' } } });
    await core.replaceNamespacedConfigMap({ name: 'cas', namespace: 'default', body: { ...cm, data: { v: '2' } } });
    const stale = await core.replaceNamespacedConfigMap({ name: 'cas', namespace: 'default', body: { ...cm, data: { v: '3' } } }).catch((e) => e);
    expect(stale.code).toBe(409);
    expect(JSON.parse(stale.body).reason).toBe('Conflict');
  });

  test('a namespaced object in a missing namespace is 404; a bad name is 422 Invalid', async () => {
    const missing = await api(c.server, 'POST', '/api/v1/namespaces/ghost/configmaps', { metadata: { name: 'x' } });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('namespaces "ghost" not found');
    const invalid = await api(c.server, 'POST', '/api/v1/namespaces', { metadata: { name: 'Bad_Name' } });
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({ reason: 'Invalid', details: { kind: 'Namespace', causes: [{ field: 'metadata.name' }] } });
  });

  test('requests with a wrong token are 401', async () => {
    const res = await fetch(`${c.server.url}/api/v1/namespaces`, { headers: { Authorization: 'Bearer wrong' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ kind: 'Status', reason: 'Unauthorized', code: 401 });
  });

  test('list honours label and field selectors', async () => {
    const core = c.kc.makeApiClient(CoreV1Api);
    for (const [name, tier] of [
      ['sel-a', 'web'],
      ['sel-b', 'db'],
      ['sel-c', 'cache'],
    ] as const) {
      await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name, labels: { group: 'sel', tier } } } });
    }
    const names = async (labelSelector?: string, fieldSelector?: string) =>
      (await core.listNamespacedConfigMap({ namespace: 'default', labelSelector, fieldSelector })).items.map((i) => i.metadata?.name);
    expect(await names('group=sel,tier in (web,db)')).toEqual(['sel-a', 'sel-b']);
    expect(await names('group==sel,tier!=web')).toEqual(['sel-b', 'sel-c']);
    expect(await names('group,tier notin (db)')).toEqual(['sel-a', 'sel-c']);
    expect(await names('group=sel', 'metadata.name=sel-c')).toEqual(['sel-c']);
  });

  test('watch streams ADDED, MODIFIED and DELETED after a resourceVersion', async () => {
    const core = c.kc.makeApiClient(CoreV1Api);
    const list = await core.listNamespacedConfigMap({ namespace: 'default' });
    const seen: string[] = [];
    const req = await new Watch(c.kc).watch(
      '/api/v1/namespaces/default/configmaps',
      { resourceVersion: list.metadata?.resourceVersion, labelSelector: 'watched=yes' },
      (type, obj) => seen.push(`${type}:${obj.metadata.name}:${obj.data?.v ?? ''}`),
      () => undefined,
    );
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'w1', labels: { watched: 'yes' } }, data: { v: '1' } } });
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'unwatched' } } });
    // client-node's generated patch sends a JSON patch (RFC 6902) by default.
    await core.patchNamespacedConfigMap({ name: 'w1', namespace: 'default', body: [{ op: 'replace', path: '/data/v', value: '2' }] });
    await core.deleteNamespacedConfigMap({ name: 'w1', namespace: 'default' });
    await waitFor(() => seen.length >= 3, 3000, 'watch events');
    req.abort();
    expect(seen).toEqual(['ADDED:w1:1', 'MODIFIED:w1:2', 'DELETED:w1:2']);
  });

  test('watch without resourceVersion sends current objects first and ends after timeoutSeconds', async () => {
    const start = Date.now();
    const res = await fetch(`${c.server.url}/api/v1/namespaces?watch=true&timeoutSeconds=1`, { headers: { Authorization: 'Bearer test-token-123' } });
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(Date.now() - start).toBeGreaterThanOrEqual(900);
    expect(lines.map((l) => l.type)).toContain('ADDED');
    expect(lines.map((l) => l.object.metadata.name)).toContain('kube-system');
  });
});
