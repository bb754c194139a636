// Injected API faults: statuses with Retry-After, connection resets, and discovery never failing twice running.
import { afterEach, expect, test } from 'vitest';
import { FaultInjector } from '../../../../src/sandbox/apiserver/faults.js';
import { api, startTestCluster, type TestCluster } from './harness.js';

let c: TestCluster | undefined;
afterEach(async () => c?.close());

test('429 faults carry Retry-After and a TooManyRequests Status', async () => {
  c = await startTestCluster({ faults: { api: { rate: 1, kind: '429', paths: '/configmaps' } } });
  const res = await api(c.server, 'GET', '/api/v1/namespaces/default/configmaps');
  expect(res.status).toBe(429);
  expect(res.headers.get('retry-after')).toBe('1');
  expect(res.body).toMatchObject({ kind: 'Status', reason: 'TooManyRequests', code: 429 });
  // Paths outside the filter are untouched.
  expect((await api(c.server, 'GET', '/api/v1/namespaces/default/secrets')).status).toBe(200);
});

test('reset faults drop the connection', async () => {
  c = await startTestCluster({ faults: { api: { rate: 1, kind: 'reset', paths: '/secrets' } } });
  await expect(api(c.server, 'GET', '/api/v1/namespaces/default/secrets')).rejects.toThrow();
});

test('discovery is never failed twice in a row', () => {
  const f = new FaultInjector({ rate: 1, kind: '503' }, () => 0);
  const kinds = [1, 2, 3, 4].map(() => f.decide('/api/v1', true).kind);
  expect(kinds).toEqual(['status', 'none', 'status', 'none']);
  expect(f.decide('/api/v1/namespaces', false).kind).toBe('status');
});

test('403 faults refuse resource requests like RBAC, naming user, verb, resource and namespace; discovery stays open', async () => {
  c = await startTestCluster({ faults: { api: { rate: 1, kind: '403' } } });
  const list = await api(c.server, 'GET', '/apis/apps/v1/namespaces/default/statefulsets');
  expect(list.status).toBe(403);
  expect(list.body).toMatchObject({
    kind: 'Status',
    reason: 'Forbidden',
    code: 403,
    message: 'statefulsets.apps is forbidden: User "lifesub-sandbox" cannot list resource "statefulsets" in API group "apps" in the namespace "default"',
  });
  const del = await api(c.server, 'DELETE', '/apis/apps/v1/namespaces/default/statefulsets/db');
  expect((del.body as { message: string }).message).toBe(
    'statefulsets.apps "db" is forbidden: User "lifesub-sandbox" cannot delete resource "statefulsets" in API group "apps" in the namespace "default"',
  );
  for (const discovery of ['/version', '/api', '/apis', '/apis/apps/v1', '/api/v1']) expect((await api(c.server, 'GET', discovery)).status).toBe(200);
  expect((await api(c.server, 'GET', '/api/v1/namespaces/default/configmaps')).status).toBe(403);
});
