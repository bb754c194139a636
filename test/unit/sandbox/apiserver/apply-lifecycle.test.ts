// Server-side apply over HTTP as Helm 4 does it, and object lifecycles: finalizers, namespace deletion
// with the namespace controller's conditions, per-namespace ServiceAccount and root CA ConfigMap.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { api, deployment, startTestCluster, waitFor, type TestCluster } from './harness.js';

let c: TestCluster;
beforeAll(async () => {
  c = await startTestCluster();
});
afterAll(async () => c.close());

const APPLY = { 'Content-Type': 'application/apply-patch+yaml' };

describe('server-side apply', () => {
  test('applying a Namespace with `spec: {}` over one created by another manager is no conflict; a changed label still is', async () => {
    expect(
      (await api(c.server, 'POST', '/api/v1/namespaces', { metadata: { name: 'ssa', labels: { team: 'a' } } }, { 'User-Agent': 'kubectl-create/v1.33' }))
        .status,
    ).toBe(201);
    const body = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ssa' }, spec: {} };
    const ok = await api(c.server, 'PATCH', '/api/v1/namespaces/ssa?fieldManager=helm&force=false', body, APPLY);
    expect(ok.status).toBe(200);
    expect(ok.body.spec).toEqual({ finalizers: ['kubernetes'] });
    const relabel = await api(
      c.server,
      'PATCH',
      '/api/v1/namespaces/ssa?fieldManager=helm&force=false',
      { ...body, metadata: { name: 'ssa', labels: { team: 'b' } } },
      APPLY,
    );
    expect(relabel.status).toBe(409);
    expect(relabel.body.message).toContain('conflict with "kubectl-create" using v1: .metadata.labels.team');
  });
});

const get = async (path: string): Promise<any> => {
  const r = await api(c.server, 'GET', path);
  return r.status === 200 ? r.body : undefined;
};

describe('what every namespace has', () => {
  test('a new namespace gets the default ServiceAccount and the kube-root-ca.crt ConfigMap; both come back when deleted', async () => {
    await api(c.server, 'POST', '/api/v1/namespaces', { metadata: { name: 'fresh' } });
    const sa = await waitFor(() => get('/api/v1/namespaces/fresh/serviceaccounts/default'), 3000, 'default ServiceAccount');
    expect(sa.metadata.name).toBe('default');
    const cm = await waitFor(() => get('/api/v1/namespaces/fresh/configmaps/kube-root-ca.crt'), 3000, 'kube-root-ca.crt');
    expect(cm.data['ca.crt']).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect((await get('/api/v1/namespaces/default/serviceaccounts/default'))?.metadata.name).toBe('default');
    await api(c.server, 'DELETE', '/api/v1/namespaces/fresh/serviceaccounts/default');
    const again = await waitFor(() => get('/api/v1/namespaces/fresh/serviceaccounts/default'), 3000, 'recreated ServiceAccount');
    expect(again.metadata.uid).not.toBe(sa.metadata.uid);
  });

  test('a Service gets Endpoints and an EndpointSlice with its ready pods, target ports resolved by name', async () => {
    await api(c.server, 'POST', '/api/v1/namespaces', { metadata: { name: 'svc' } });
    const d = deployment('web', 'nginx:1.27', { ports: [{ name: 'http', containerPort: 18080 }] });
    d.spec.replicas = 2;
    await api(c.server, 'POST', '/apis/apps/v1/namespaces/svc/deployments', d);
    await api(c.server, 'POST', '/api/v1/namespaces/svc/services', {
      metadata: { name: 'web' },
      spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
    });
    const ep = await waitFor(
      async () => {
        const e = await get('/api/v1/namespaces/svc/endpoints/web');
        return e?.subsets?.[0]?.addresses?.length === 2 ? e : undefined;
      },
      5000,
      'two ready addresses',
    );
    expect(ep.subsets[0].ports).toEqual([{ name: 'http', port: 18080, protocol: 'TCP' }]);
    expect(ep.subsets[0].addresses[0].targetRef).toMatchObject({ kind: 'Pod', namespace: 'svc' });
    const slices = (await get('/apis/discovery.k8s.io/v1/namespaces/svc/endpointslices?labelSelector=kubernetes.io%2Fservice-name%3Dweb')).items;
    expect(slices).toHaveLength(1);
    expect(slices[0]).toMatchObject({ addressType: 'IPv4', ports: [{ name: 'http', port: 18080, protocol: 'TCP' }] });
    expect(slices[0].metadata.ownerReferences[0]).toMatchObject({ kind: 'Service', name: 'web', controller: true });
    expect(slices[0].endpoints.map((e: any) => e.conditions.ready)).toEqual([true, true]);
    await api(c.server, 'DELETE', '/api/v1/namespaces/svc/services/web');
    await waitFor(async () => (await get('/api/v1/namespaces/svc/endpoints/web')) === undefined, 3000, 'Endpoints removed with the Service');
    await waitFor(async () => (await get('/apis/discovery.k8s.io/v1/namespaces/svc/endpointslices')).items.length === 0, 3000, 'slice collected');
  });
});

describe('finalizers', () => {
  test('deleting an object with a finalizer marks it; taking the finalizer off removes it; no new finalizers while deleting', async () => {
    await api(c.server, 'POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: 'held', finalizers: ['example.com/x'] } });
    const del = await api(c.server, 'DELETE', '/api/v1/namespaces/default/configmaps/held');
    expect(del.status).toBe(200);
    expect(del.body.metadata.deletionTimestamp).toBeTruthy();
    const marked = await get('/api/v1/namespaces/default/configmaps/held');
    expect(marked.metadata).toMatchObject({ finalizers: ['example.com/x'], deletionGracePeriodSeconds: 0 });
    const more = await api(
      c.server,
      'PATCH',
      '/api/v1/namespaces/default/configmaps/held',
      { metadata: { finalizers: ['example.com/x', 'example.com/y'] } },
      { 'Content-Type': 'application/merge-patch+json' },
    );
    expect(more.status).toBe(422);
    expect(more.body.message).toContain('no new finalizers can be added if the object is being deleted');
    const off = await api(
      c.server,
      'PATCH',
      '/api/v1/namespaces/default/configmaps/held',
      { metadata: { finalizers: null } },
      { 'Content-Type': 'application/merge-patch+json' },
    );
    expect(off.status).toBe(200);
    expect(await get('/api/v1/namespaces/default/configmaps/held')).toBeUndefined();
  });

  test('a namespace whose content keeps a finalizer hangs in Terminating with the real conditions, then goes once it is removed', async () => {
    await api(c.server, 'POST', '/api/v1/namespaces', { metadata: { name: 'hang' } });
    await api(c.server, 'POST', '/api/v1/namespaces/hang/configmaps', { metadata: { name: 'held', finalizers: ['example.com/x'] } });
    await api(c.server, 'DELETE', '/api/v1/namespaces/hang');
    const ns = await waitFor(
      async () => {
        const n = await get('/api/v1/namespaces/hang');
        return n?.status?.conditions?.some((x: any) => x.type === 'NamespaceFinalizersRemaining') ? n : undefined;
      },
      5000,
      'namespace conditions',
    );
    expect(ns.status.phase).toBe('Terminating');
    expect(ns.spec.finalizers).toEqual(['kubernetes']);
    const byType = Object.fromEntries(ns.status.conditions.map((x: any) => [x.type, x]));
    expect(Object.keys(byType)).toEqual([
      'NamespaceDeletionDiscoveryFailure',
      'NamespaceDeletionGroupVersionParsingFailure',
      'NamespaceDeletionContentFailure',
      'NamespaceContentRemaining',
      'NamespaceFinalizersRemaining',
    ]);
    expect(byType.NamespaceContentRemaining).toMatchObject({
      status: 'True',
      reason: 'SomeResourcesRemain',
      message: 'Some resources are remaining: configmaps. has 1 resource instances',
    });
    expect(byType.NamespaceFinalizersRemaining).toMatchObject({
      status: 'True',
      reason: 'SomeFinalizersRemain',
      message: 'Some content in the namespace has finalizers remaining: example.com/x in 1 resource instances',
    });
    expect(byType.NamespaceDeletionContentFailure).toMatchObject({ status: 'False', reason: 'ContentDeleted' });
    // Everything without a finalizer (the default ServiceAccount, the root CA) is gone already.
    expect((await get('/api/v1/namespaces/hang/serviceaccounts')).items).toEqual([]);
    await api(
      c.server,
      'PATCH',
      '/api/v1/namespaces/hang/configmaps/held',
      { metadata: { finalizers: null } },
      { 'Content-Type': 'application/merge-patch+json' },
    );
    await waitFor(async () => (await get('/api/v1/namespaces/hang')) === undefined, 3000, 'namespace gone');
  });
});
