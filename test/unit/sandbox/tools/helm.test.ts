import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeKubeconfig } from '../../../../src/sandbox/kubeconfig.js';
import type { KubeObject } from '../../../../src/adapters/types.js';
import { startFakeKube, type FakeKube } from './fake-kube.js';
import { shim, tempSandbox, type TempSandbox } from './harness.js';

let kube: FakeKube;
let sb: TempSandbox;
let kubeconfig: string;

const INGRESS_VALUES = `
controller:
  replicaCount: 1
  labels: { team: lab }
  service:
    annotations:
      service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path: /healthz
    appProtocol: false
commonLabels:
  app.kubernetes.io/part-of-lab: lifesub
`;

const helm = (args: string[], input?: string) =>
  shim('helm', [...args, '--kubeconfig', kubeconfig, '--kube-context', 'lifesub-sandbox'], { env: sb.env, input });

beforeAll(async () => {
  kube = await startFakeKube('tok');
  sb = tempSandbox();
  kubeconfig = path.join(sb.root, 'kubeconfig');
  writeKubeconfig(kubeconfig, kube.url, 'tok');
  expect((await shim('helm', ['repo', 'add', 'ingress-nginx', 'https://kubernetes.github.io/ingress-nginx'], { env: sb.env })).exitCode).toBe(0);
  expect((await shim('helm', ['repo', 'add', 'bitnami', 'https://charts.bitnami.com/bitnami'], { env: sb.env })).exitCode).toBe(0);
});
afterAll(async () => {
  await kube.close();
  sb.cleanup();
});

const get = (p: string) => kube.objects.get(p) as (KubeObject & { spec: any; data?: Record<string, string> }) | undefined;

describe('helm shim', () => {
  test('repo add is idempotent, refuses unknown repositories, update and list work', async () => {
    const again = await shim('helm', ['repo', 'add', 'bitnami', 'https://charts.bitnami.com/bitnami'], { env: sb.env });
    expect(again.stdout).toContain('already exists with the same configuration');
    const bad = await shim('helm', ['repo', 'add', 'x', 'https://example.com/charts'], { env: sb.env });
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain('is not a valid chart repository');
    const update = await shim('helm', ['repo', 'update', 'bitnami'], { env: sb.env });
    expect(update.stdout).toContain('Successfully got an update from the "bitnami" chart repository');
    const list = await shim('helm', ['repo', 'list', '-o', 'json'], { env: sb.env });
    expect(JSON.parse(list.stdout)).toEqual(expect.arrayContaining([{ name: 'bitnami', url: 'https://charts.bitnami.com/bitnami' }]));
  });

  test('search repo -o json lists a chart of a registered repository like helm (substring match; [] when none)', async () => {
    const hit = await shim('helm', ['search', 'repo', 'bitnami/postgresql', '--version', '14.3.2', '-o', 'json'], { env: sb.env });
    expect(hit.exitCode, hit.stderr).toBe(0);
    expect(JSON.parse(hit.stdout)).toEqual([expect.objectContaining({ name: 'bitnami/postgresql', version: '14.3.2' })]);
    const none = await shim('helm', ['search', 'repo', 'nosuchrepo/chart', '--version', '1.0.0', '-o', 'json'], { env: sb.env });
    expect(JSON.parse(none.stdout)).toEqual([]);
  });

  test('upgrade --install of ingress-nginx creates the namespace, controller and LoadBalancer service', async () => {
    const res = await helm(
      ['upgrade', '--install', 'ingress-nginx', 'ingress-nginx/ingress-nginx', '--version', '4.12.1', '-n', 'ingress-basic', '--create-namespace', '--values', '-', '--timeout', '10m0s', '--labels', 'managed-by=lifesub'],
      INGRESS_VALUES,
    );
    expect(res.stderr).toBe('');
    expect(res.exitCode).toBe(0);
    expect(res.stdout).toContain('STATUS: deployed');
    expect(get('/api/v1/namespaces/ingress-basic')).toBeDefined();
    const deploy = get('/apis/apps/v1/namespaces/ingress-basic/deployments/ingress-nginx-controller')!;
    expect(deploy.metadata.labels).toMatchObject({ 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller', team: 'lab', 'app.kubernetes.io/part-of-lab': 'lifesub' });
    expect(deploy.spec.template.spec.containers[0].image).toBe('registry.k8s.io/ingress-nginx/controller:v1.12.1');
    const svc = get('/api/v1/namespaces/ingress-basic/services/ingress-nginx-controller')!;
    expect(svc.spec.type).toBe('LoadBalancer');
    expect(svc.spec.ports.map((p: { port: number }) => p.port)).toEqual([80, 443]);
    expect(svc.spec.ports[0].appProtocol).toBeUndefined();
    expect(svc.metadata.annotations).toMatchObject({ 'service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path': '/healthz' });
    const record = get('/api/v1/namespaces/ingress-basic/secrets/sh.helm.release.v1.ingress-nginx.v1')!;
    expect(record.metadata.labels).toMatchObject({ owner: 'helm', name: 'ingress-nginx', status: 'deployed', version: '1', 'managed-by': 'lifesub' });
    const applies = kube.requests.filter((r) => r.method === 'PATCH');
    expect(applies.every((r) => r.query.get('fieldManager') === 'helm' && r.contentType === 'application/apply-patch+yaml' && r.auth === 'Bearer tok')).toBe(true);

    const list = await helm(['list', '-A', '-o', 'json']);
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ name: 'ingress-nginx', namespace: 'ingress-basic', revision: '1', status: 'deployed', chart: 'ingress-nginx-4.12.1', app_version: '1.12.1' })]);

    const again = await helm(['upgrade', '--install', 'ingress-nginx', 'ingress-nginx/ingress-nginx', '--version', '4.12.1', '-n', 'ingress-basic', '--values', '-'], INGRESS_VALUES);
    expect(again.stdout).toContain('has been upgraded');
    expect(get('/api/v1/namespaces/ingress-basic/secrets/sh.helm.release.v1.ingress-nginx.v1')!.metadata.labels?.status).toBe('superseded');
    const status = await helm(['status', 'ingress-nginx', '-n', 'ingress-basic', '-o', 'json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ name: 'ingress-nginx', version: 2, info: { status: 'deployed' } });
  });

  test('postgresql with a missing existingSecret fails like the chart; with the secret it installs', async () => {
    kube.put('/api/v1/namespaces/demo-ns', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo-ns' } });
    const values = 'global:\n  postgresql:\n    auth:\n      existingSecret: member-db\n      username: admin\n      database: member\nprimary:\n  persistence:\n    size: 10Gi\n    storageClass: managed\n';
    const install = () => helm(['upgrade', '--install', 'member', 'bitnami/postgresql', '--version', '14.3.2', '-n', 'demo-ns', '--values', '-'], values);
    const missing = await install();
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('Error: INSTALLATION FAILED');
    expect(missing.stderr).toContain('secret "member-db"');

    kube.put('/api/v1/namespaces/demo-ns/secrets/member-db', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'member-db', namespace: 'demo-ns' }, data: { 'postgres-password': 'eA==' } });
    const noKey = await install();
    expect(noKey.exitCode).toBe(1);
    expect(noKey.stderr).toContain('has no key "password"');

    kube.put('/api/v1/namespaces/demo-ns/secrets/member-db', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'member-db', namespace: 'demo-ns' }, data: { 'postgres-password': 'eA==', password: 'eQ==' } });
    const ok = await install();
    expect(ok.exitCode).toBe(0);
    const sts = get('/apis/apps/v1/namespaces/demo-ns/statefulsets/member-postgresql')!;
    expect(sts.spec.template.spec.containers[0].image).toBe('docker.io/bitnami/postgresql:16.2.0');
    expect(sts.spec.volumeClaimTemplates[0]).toMatchObject({ metadata: { name: 'data' }, spec: { resources: { requests: { storage: '10Gi' } }, storageClassName: 'managed' } });
    expect(get('/api/v1/namespaces/demo-ns/services/member-postgresql')!.spec.ports[0].port).toBe(5432);
    expect(get('/api/v1/namespaces/demo-ns/secrets/member-postgresql')).toBeUndefined();

    const gone = await helm(['uninstall', 'member', '-n', 'demo-ns']);
    expect(gone.stdout).toContain('release "member" uninstalled');
    expect(get('/apis/apps/v1/namespaces/demo-ns/statefulsets/member-postgresql')).toBeUndefined();
    expect(get('/api/v1/namespaces/demo-ns/secrets/member-db')).toBeDefined();
    const twice = await helm(['uninstall', 'member', '-n', 'demo-ns']);
    expect(twice.exitCode).toBe(1);
    expect(twice.stderr).toContain('release: not found');
  });

  test('without existingSecret the chart creates its own password secret', async () => {
    kube.put('/api/v1/namespaces/plain-ns', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'plain-ns' } });
    const res = await helm(['upgrade', '--install', 'recommend', 'bitnami/postgresql', '-n', 'plain-ns', '--values', '-'], 'auth:\n  username: admin\n');
    expect(res.exitCode).toBe(0);
    expect(Object.keys(get('/api/v1/namespaces/plain-ns/secrets/recommend-postgresql')!.data ?? {}).sort()).toEqual(['password', 'postgres-password']);
  });

  test('errors read like helm: missing namespace, unknown repo, bad values, unknown flag', async () => {
    const noNs = await helm(['upgrade', '--install', 'x', 'bitnami/postgresql', '-n', 'nowhere', '--values', '-'], '{}');
    expect(noNs.stderr).toContain('namespaces "nowhere" not found');
    const repo = await helm(['upgrade', '--install', 'x', 'nope/postgresql', '-n', 'demo-ns']);
    expect(repo).toMatchObject({ exitCode: 1, stderr: 'Error: repo nope not found' });
    const yaml = await helm(['upgrade', '--install', 'x', 'bitnami/postgresql', '-n', 'demo-ns', '--values', '-'], 'a: [\n');
    expect(yaml.exitCode).toBe(1);
    expect(yaml.stderr).toMatch(/^Error: failed to parse -: error converting YAML to JSON: yaml: line \d+/);
    const flag = await helm(['upgrade', '--install', 'x', 'bitnami/postgresql', '--bogus']);
    expect(flag).toMatchObject({ exitCode: 1, stderr: 'Error: unknown flag: --bogus' });
  });
});
