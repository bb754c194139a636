import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { KubeClient } from '../../../../src/adapters/kube.js';
import type { KubeObject } from '../../../../src/adapters/types.js';
import { AbortedError, ToolError, UserError } from '../../../../src/core/errors.js';
import { FakeApiServer, kubeconfigYaml } from './fake-apiserver.js';
import { DEFAULT_RETRY } from '../../../../src/adapters/kube/errors.js';

const NS = 'alice-lifesub-ns';
const DEPLOY = `/apis/apps/v1/namespaces/${NS}/deployments`;
const SVC = `/api/v1/namespaces/${NS}/services`;
const dir = mkdtempSync(join(tmpdir(), 'lifesub-kube-'));
const never = new AbortController().signal;
let api: FakeApiServer;
let kubeconfig = '';

function client(extra: Partial<ConstructorParameters<typeof KubeClient>[0]> = {}): KubeClient {
  return new KubeClient({ kubeconfig, context: 'lab', retry: { baseDelayMs: 10 }, ...extra });
}

const deployment = (): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'member', labels: { app: 'member' } },
  spec: { replicas: 1 },
});

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a failure');
}

beforeEach(async () => {
  api = await new FakeApiServer().start();
  kubeconfig = join(dir, `config-${Math.random().toString(36).slice(2)}`);
  writeFileSync(kubeconfig, kubeconfigYaml(api.url, 'tok-abc', ['lab', 'other']));
});
afterEach(() => api.stop());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('KubeClient CRUD', () => {
  test('apply is a forced server-side apply by "lifesub", and does not mutate its argument', async () => {
    const obj = deployment();
    const stored = await client().apply(obj, never);
    const patch = api.requests.find((r) => r.method === 'PATCH')!;
    expect(patch.path).toBe(`${DEPLOY}/member`);
    expect(patch.query.get('fieldManager')).toBe('lifesub');
    expect(patch.query.get('force')).toBe('true');
    expect(patch.contentType).toContain('application/apply-patch+yaml');
    expect(patch.auth).toBe('Bearer tok-abc');
    expect(JSON.parse(patch.body)).toMatchObject({ kind: 'Deployment', metadata: { name: 'member', namespace: NS } });
    expect(obj).toEqual(deployment());
    expect(stored.metadata.resourceVersion).toBeDefined();
  });

  test('get returns the stored JSON, and undefined on 404', async () => {
    api.put(`${SVC}/web`, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: NS, creationTimestamp: '2026-01-01T00:00:00Z' } });
    const kube = client();
    const svc = await kube.get({ apiVersion: 'v1', kind: 'Service', name: 'web', namespace: NS }, never);
    expect(svc?.metadata.creationTimestamp).toBe('2026-01-01T00:00:00Z'); // a string, not a Date
    expect(await kube.get({ apiVersion: 'v1', kind: 'Service', name: 'nope', namespace: NS }, never)).toBeUndefined();
  });

  test('create returns the object, then undefined when it already exists (409)', async () => {
    const kube = client();
    const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } };
    expect((await kube.create(ns, never))?.metadata.name).toBe(NS);
    expect(await kube.create(ns, never)).toBeUndefined();
    expect(api.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/api/v1/namespaces', '/api/v1/namespaces']);
  });

  test('delete uses background propagation; false when there is nothing to delete', async () => {
    api.put(`${DEPLOY}/member`, { ...deployment(), metadata: { name: 'member', namespace: NS } });
    const kube = client();
    const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'member', namespace: NS };
    expect(await kube.delete(ref, never)).toBe(true);
    expect(await kube.delete(ref, never)).toBe(false);
    expect(api.requests.find((r) => r.method === 'DELETE')!.query.get('propagationPolicy')).toBe('Background');
  });

  test('list passes selectors and fills in apiVersion/kind of the items', async () => {
    api.put(`${SVC}/a`, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'a', namespace: NS } });
    const items = await client().list('v1', 'Service', NS, { labelSelector: 'app=a', fieldSelector: 'metadata.name=a' }, never);
    expect(items).toEqual([expect.objectContaining({ apiVersion: 'v1', kind: 'Service', metadata: expect.objectContaining({ name: 'a' }) })]);
    const req = api.requests.find((r) => r.path === SVC)!;
    expect(req.query.get('labelSelector')).toBe('app=a');
    expect(req.query.get('fieldSelector')).toBe('metadata.name=a');
  });

  test('ping reports server, context and version; podLogs returns text or ""', async () => {
    const kube = client();
    expect(await kube.ping(never)).toEqual({ server: api.url, context: 'lab', version: 'v1.30.4' });
    api.logs.set('member-1', 'Started MemberApplication\n');
    expect(await kube.podLogs(NS, 'member-1', 'member', 20, never)).toBe('Started MemberApplication\n');
    expect(api.requests.at(-1)!.query.get('tailLines')).toBe('20');
    expect(await kube.podLogs(NS, 'gone', undefined, 20, never)).toBe('');
  });
});

describe('KubeClient failures', () => {
  test('transient 503/429 are retried', async () => {
    api.faults.push({ status: 503 }, { status: 429 });
    await client().apply(deployment(), never);
    expect(api.requests.filter((r) => r.method === 'PATCH')).toHaveLength(3);
  });

  test('a persistent 500 becomes a ToolError with the Status message', async () => {
    api.faults.push(...Array.from({ length: DEFAULT_RETRY.attempts }, () => ({ status: 500, message: 'etcd is sad' })));
    const err = await failure(client().get({ apiVersion: 'v1', kind: 'Service', name: 'x', namespace: NS }, never));
    expect(err).toBeInstanceOf(ToolError);
    expect(err.message).toBe(`read Service ${NS}/x failed (HTTP 500): etcd is sad`);
  });

  test('403 → ToolError saying permission (RBAC), not stale credentials (issue 8)', async () => {
    api.faults.push({ status: 403, message: 'User "bob" cannot patch deployments' });
    const err = await failure(client().apply(deployment(), never));
    expect(err.message).toBe(`apply Deployment member: forbidden (HTTP 403): User "bob" cannot patch deployments`);
    expect((err as ToolError).hint).toMatch(/^this is a permission \(RBAC\), not an expired login: ask the cluster admin/);
    expect((err as ToolError).hint).not.toMatch(/get-credentials|refresh/);
  });

  test('403 in RBAC words → the hint names the verb and the resource', async () => {
    api.faults.push({
      status: 403,
      message: 'deployments.apps "member" is forbidden: User "bob" cannot patch resource "deployments" in API group "apps" in the namespace "alice-lifesub-ns"',
    });
    const err = await failure(client().apply(deployment(), never));
    expect((err as ToolError).hint).toMatch(
      /bob may not patch deployments\.apps in alice-lifesub-ns; ask the cluster admin .*kubectl auth can-i patch deployments\.apps -n alice-lifesub-ns/,
    );
  });

  test('connection refused → ToolError naming the server, hint about --context', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as { port: number }).port;
    await new Promise((r) => probe.close(r));
    const file = join(dir, 'refused');
    writeFileSync(file, kubeconfigYaml(`http://127.0.0.1:${port}`, 't'));
    const err = await failure(new KubeClient({ kubeconfig: file, retry: { baseDelayMs: 1 } }).ping(never));
    expect(err).toBeInstanceOf(ToolError);
    expect(err.message).toContain(`cannot reach the API server http://127.0.0.1:${port} (ECONNREFUSED)`);
    expect((err as ToolError).hint).toMatch(/--context/);
  });

  test('abort cancels a request the server never answers', async () => {
    const kube = client();
    await kube.ping(never); // discovery-free warm-up
    api.faults.push('hang');
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 50);
    const err = await failure(kube.get({ apiVersion: 'v1', kind: 'Service', name: 'x', namespace: NS }, controller.signal));
    expect(err).toBeInstanceOf(AbortedError);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test('a server that never answers fails the call after the request limit, naming it (not as an interruption)', async () => {
    const kube = client({ requestTimeoutMs: 200 });
    await kube.ping(never);
    api.faults.push('hang');
    const started = Date.now();
    const err = await failure(kube.get({ apiVersion: 'v1', kind: 'Service', name: 'x', namespace: NS }, never));
    expect(err).toBeInstanceOf(ToolError);
    expect(err.message).toMatch(/^read Service .*x: the Kubernetes API at http:\/\/127\.0\.0\.1:\d+ did not answer within/);
    expect((err as ToolError).hint).toMatch(/cluster-info/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  test('missing kubeconfig and unknown context are UserErrors with hints', async () => {
    const missing = await failure(new KubeClient({ kubeconfig: join(dir, 'nope') }).ping(never));
    expect(missing).toBeInstanceOf(UserError);
    expect((missing as UserError).hint).toMatch(/az aks get-credentials/);

    const unknown = await failure(client({ context: 'prod' }).ping(never));
    expect(unknown).toBeInstanceOf(UserError);
    expect(unknown.message).toBe(`context "prod" not found in ${kubeconfig}`);
    expect((unknown as UserError).hint).toContain('available contexts: lab, other');
  });

  test('constructing the client touches nothing (commands without a cluster still work)', () => {
    expect(() => new KubeClient({ kubeconfig: join(dir, 'nope') })).not.toThrow();
  });
});

describe('KubeClient.waitFor', () => {
  const svcRef = { apiVersion: 'v1', kind: 'Service', name: 'web', namespace: NS };
  const lbIp = (o: KubeObject | undefined) =>
    ((o?.status as { loadBalancer?: { ingress?: Array<{ ip: string }> } } | undefined)?.loadBalancer?.ingress ?? [])[0]?.ip;
  const svc = (ip?: string) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: NS },
    status: { loadBalancer: ip ? { ingress: [{ ip }] } : {} },
  });

  test('resolves at once when the object is already there', async () => {
    api.put(`${SVC}/web`, svc('20.1.2.3'));
    expect(await client().waitFor(svcRef, lbIp, { signal: never, timeoutMs: 2000, describe: 'x' })).toBe('20.1.2.3');
  });

  test('watches from the read resourceVersion and resolves when the object changes', async () => {
    const stored = api.put(`${SVC}/web`, svc());
    const waiting = client().waitFor(svcRef, lbIp, { signal: never, timeoutMs: 5000, describe: 'LoadBalancer address of service web' });
    setTimeout(() => api.put(`${SVC}/web`, svc('20.1.2.3')), 150);
    expect(await waiting).toBe('20.1.2.3');
    const watch = api.requests.find((r) => r.query.get('watch') === 'true')!;
    expect(watch.path).toBe(SVC);
    expect(watch.query.get('fieldSelector')).toBe('metadata.name=web');
    expect(watch.query.get('resourceVersion')).toBe(stored.metadata.resourceVersion);
    await new Promise((r) => setTimeout(r, 50));
    expect(api.openWatches).toBe(0); // the watch was closed
  });

  test('waits for creation and for deletion', async () => {
    const kube = client();
    const created = kube.waitFor(svcRef, (o) => (o ? true : undefined), { signal: never, timeoutMs: 5000, describe: 'creation' });
    setTimeout(() => api.put(`${SVC}/web`, svc()), 100);
    expect(await created).toBe(true);
    const deleted = kube.waitFor(svcRef, (o) => (o ? undefined : true), { signal: never, timeoutMs: 5000, describe: 'deletion' });
    setTimeout(() => api.remove(`${SVC}/web`), 100);
    expect(await deleted).toBe(true);
  });

  test('re-reads and re-watches when the server ends the watch', async () => {
    api.closeWatchesAfterMs = 30;
    api.put(`${SVC}/web`, svc());
    const watches = () => api.requests.filter((r) => r.query.get('watch') === 'true').length;
    const waiting = client().waitFor(svcRef, lbIp, { signal: never, timeoutMs: 5000, describe: 'x' });
    while (watches() < 2) await new Promise((r) => setTimeout(r, 10));
    api.closeWatchesAfterMs = undefined;
    api.put(`${SVC}/web`, svc('10.0.0.9'));
    expect(await waiting).toBe('10.0.0.9');
    expect(api.requests.filter((r) => r.method === 'GET' && r.path === `${SVC}/web`).length).toBeGreaterThan(1);
  });

  test('timeout → ToolError naming what was awaited, with the hint', async () => {
    api.put(`${SVC}/web`, svc());
    const started = Date.now();
    const err = await failure(
      client().waitFor(svcRef, lbIp, { signal: never, timeoutMs: 300, describe: 'LoadBalancer address of service web', hint: 'check the cloud provider' }),
    );
    expect(err).toBeInstanceOf(ToolError);
    expect(err.message).toBe('timed out after 300ms waiting for LoadBalancer address of service web');
    expect((err as ToolError).hint).toBe('check the cloud provider');
    expect(Date.now() - started).toBeLessThan(1500);
    await new Promise((r) => setTimeout(r, 50));
    expect(api.openWatches).toBe(0);
  });

  test('abort → AbortedError, watch closed', async () => {
    api.put(`${SVC}/web`, svc());
    const controller = new AbortController();
    const waiting = client().waitFor(svcRef, lbIp, { signal: controller.signal, timeoutMs: 10_000, describe: 'x' });
    setTimeout(() => controller.abort(), 100);
    await expect(waiting).rejects.toBeInstanceOf(AbortedError);
    await new Promise((r) => setTimeout(r, 50));
    expect(api.openWatches).toBe(0);
  });
});
