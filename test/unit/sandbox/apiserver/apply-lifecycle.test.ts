// Server-side apply over HTTP as Helm 4 does it, and object lifecycles: finalizers, namespace deletion
// with the namespace controller's conditions, per-namespace ServiceAccount and root CA ConfigMap.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { api, startTestCluster, type TestCluster } from './harness.js';

let c: TestCluster;
beforeAll(async () => {
  c = await startTestCluster();
});
afterAll(async () => c.close());

const APPLY = { 'Content-Type': 'application/apply-patch+yaml' };

describe('server-side apply', () => {
  test('applying a Namespace with `spec: {}` over one created by another manager is no conflict; a changed label still is', async () => {
    expect((await api(c.server, 'POST', '/api/v1/namespaces', { metadata: { name: 'ssa', labels: { team: 'a' } } }, { 'User-Agent': 'kubectl-create/v1.33' })).status).toBe(201);
    const body = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ssa' }, spec: {} };
    const ok = await api(c.server, 'PATCH', '/api/v1/namespaces/ssa?fieldManager=helm&force=false', body, APPLY);
    expect(ok.status).toBe(200);
    expect(ok.body.spec).toEqual({ finalizers: ['kubernetes'] });
    const relabel = await api(c.server, 'PATCH', '/api/v1/namespaces/ssa?fieldManager=helm&force=false', { ...body, metadata: { name: 'ssa', labels: { team: 'b' } } }, APPLY);
    expect(relabel.status).toBe(409);
    expect(relabel.body.message).toContain('conflict with "kubectl-create" using v1: .metadata.labels.team');
  });
});
