// State on disk: another process (here: a restarted server) sees the same cluster, and LoadBalancer
// ports stay the same.
import { CoreV1Api, AppsV1Api } from '@kubernetes/client-node';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { api, deployment, startTestCluster, waitFor, type TestCluster } from './harness.js';

let c: TestCluster;
beforeAll(async () => {
  c = await startTestCluster();
});
afterAll(async () => c.close());

test('the cluster survives a restart from the state file, LB port included', async () => {
  let core = c.kc.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: 'keep' } } });
  await core.createNamespacedConfigMap({ namespace: 'keep', body: { metadata: { name: 'cm' }, data: { k: 'v' } } });
  await api(c.server, 'POST', '/apis/apps/v1/namespaces/keep/deployments', deployment('web', 'nginx:1.27'));
  await core.createNamespacedService({
    namespace: 'keep',
    body: { metadata: { name: 'web' }, spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80 }] } },
  });
  const port = await waitFor(
    async () => (await core.readNamespacedService({ name: 'web', namespace: 'keep' })).status?.loadBalancer?.ingress?.[0]?.ports?.[0]?.port,
    3000,
    'LB',
  );
  await waitFor(
    async () => (await c.kc.makeApiClient(AppsV1Api).readNamespacedDeployment({ name: 'web', namespace: 'keep' })).status?.readyReplicas === 1,
    3000,
    'ready',
  );
  const before = await core.readNamespacedConfigMap({ name: 'cm', namespace: 'keep' });

  await c.server.save();
  expect(JSON.parse(readFileSync(c.stateFile, 'utf8')).objects.configmaps.some((o: any) => o.metadata.name === 'cm')).toBe(true);
  await c.restart();
  core = c.kc.makeApiClient(CoreV1Api);

  const after = await core.readNamespacedConfigMap({ name: 'cm', namespace: 'keep' });
  expect(after.metadata?.uid).toBe(before.metadata?.uid);
  expect(after.metadata?.resourceVersion).toBe(before.metadata?.resourceVersion);
  const svc = await core.readNamespacedService({ name: 'web', namespace: 'keep' });
  expect(svc.status?.loadBalancer?.ingress?.[0]?.ports?.[0]?.port).toBe(port);
  // The gateway listens again on that port, and the restored pod is still Ready behind it.
  const res = await waitFor(
    async () => {
      const r = await fetch(`http://127.0.0.1:${port}/health`);
      return r.status === 200 ? r : undefined;
    },
    3000,
    'gateway after restart',
  );
  expect(await res.text()).toBe('OK');
  // New writes continue the resourceVersion sequence.
  const next = await core.createNamespacedConfigMap({ namespace: 'keep', body: { metadata: { name: 'cm2' } } });
  expect(Number(next.metadata?.resourceVersion)).toBeGreaterThan(Number(after.metadata?.resourceVersion));
  // Writes went through a temporary file and a rename: none is left behind.
  expect(readdirSync(c.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

test('a damaged state file is reported with a hint, not a JSON stack', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lifesub-bad-state-'));
  writeFileSync(join(dir, 'cluster.json'), '{"resourceVersion": 3, "objects": ');
  await expect(startTestCluster({ dir })).rejects.toMatchObject({
    name: 'ToolError',
    message: expect.stringContaining('is damaged'),
    hint: expect.stringContaining('delete'),
  });
  rmSync(dir, { recursive: true, force: true });
});
