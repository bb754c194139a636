// The simulated lab apps inside the simulated cluster, seen as a student sees them: kubectl-style pod
// status and logs, and HTTP through the shared ingress-nginx. Each test sets up what the lab does and
// changes one thing the way a student (or lifesub) could get it wrong.
import { AppsV1Api, CoreV1Api, KubernetesObjectApi, PatchStrategy, type KubernetesObject, type V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { api, startTestCluster, testProfile, waitFor, type TestCluster } from '../apiserver/harness.js';

let c: TestCluster;
let core: CoreV1Api;
let apps: AppsV1Api;
let objects: KubernetesObjectApi;
let ingressPort: number;

const REGISTRY = 'democr.azurecr.io';
const b64 = (s: string) => Buffer.from(s).toString('base64');
const apply = (ns: string, obj: any) =>
  objects.patch(
    { ...obj, metadata: { ...obj.metadata, namespace: ns } } as KubernetesObject,
    undefined,
    undefined,
    'lifesub',
    true,
    PatchStrategy.ServerSideApply,
  );
const podsOf = async (ns: string, selector: string): Promise<V1Pod[]> => (await core.listNamespacedPod({ namespace: ns, labelSelector: selector })).items;
const isReady = (p: V1Pod | undefined) => !!p?.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True');
/** As `helm --wait` does: the database is Ready before a backend starts (else the backend crashes on it). */
const postgresReady = (ns: string, svc: string) =>
  waitFor(async () => (await podsOf(ns, `app.kubernetes.io/instance=${svc}`)).some(isReady), 5000, `${svc} postgres ready`);

/** The bitnami/postgresql chart's objects for release <svc> (only what the simulation reads). */
async function postgres(ns: string, svc: string, password: string, opts: { withoutPasswordKey?: boolean } = {}): Promise<void> {
  const data = { ...(opts.withoutPasswordKey ? {} : { password: b64(password) }), 'postgres-password': b64(`${password}-root`) };
  await apply(ns, { apiVersion: 'v1', kind: 'Secret', metadata: { name: `${svc}-postgresql` }, data });
  await apply(ns, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: `${svc}-postgresql` },
    spec: { selector: { 'app.kubernetes.io/instance': svc }, ports: [{ name: 'tcp-postgresql', port: 5432, targetPort: 'tcp-postgresql' }] },
  });
  await apply(ns, {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: `${svc}-postgresql` },
    spec: {
      serviceName: `${svc}-postgresql-hl`,
      selector: { matchLabels: { 'app.kubernetes.io/instance': svc } },
      template: {
        metadata: { labels: { 'app.kubernetes.io/instance': svc } },
        spec: {
          containers: [
            {
              name: 'postgresql',
              image: 'docker.io/bitnami/postgresql:16.2.0-debian-12-r7',
              ports: [{ name: 'tcp-postgresql', containerPort: 5432 }],
              env: [
                { name: 'POSTGRES_USER', value: 'admin' },
                { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: `${svc}-postgresql`, key: 'password' } } },
                { name: 'POSTGRES_POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: `${svc}-postgresql`, key: 'postgres-password' } } },
                { name: 'POSTGRES_DATABASE', value: svc },
              ],
              volumeMounts: [{ name: 'data', mountPath: '/bitnami/postgresql' }],
            },
          ],
        },
      },
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } }],
    },
  });
}

/** The lab's k8s-branch backend: ConfigMap + Secret + Deployment (envFrom, probes) + Service. */
async function backend(
  ns: string,
  svc: string,
  port: number,
  opts: { host?: string; password?: string; serverPort?: string; origins?: string; ddl?: string } = {},
): Promise<void> {
  await apply(ns, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `${svc}-config` },
    data: { SERVER_PORT: opts.serverPort ?? String(port), POSTGRES_HOST: opts.host ?? `${svc}-postgresql`, POSTGRES_PORT: '5432', POSTGRES_DB: svc },
  });
  await apply(ns, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'common-config' },
    data: { JPA_DDL_AUTO: opts.ddl ?? 'update', JPA_SHOW_SQL: 'true', ALLOWED_ORIGINS: opts.origins ?? 'http://localhost:18080,http://20.1.2.3' },
  });
  await apply(ns, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'common-secret' }, data: { JWT_SECRET_KEY: b64('sandbox-jwt-key-0123456789') } });
  await apply(ns, {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: `${svc}-secret` },
    data: { POSTGRES_USER: b64('admin'), POSTGRES_PASSWORD: b64(opts.password ?? 'Passw0rd') },
  });
  const probe = (path: string, initialDelaySeconds: number, periodSeconds: number, failureThreshold?: number) => ({
    httpGet: { path, port },
    initialDelaySeconds,
    periodSeconds,
    ...(failureThreshold ? { failureThreshold } : {}),
  });
  await apply(ns, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: svc },
    spec: {
      selector: { matchLabels: { app: svc } },
      template: {
        metadata: { labels: { app: svc } },
        spec: {
          containers: [
            {
              name: svc,
              image: `${REGISTRY}/lifesub/${svc}:1.0.0`,
              ports: [{ containerPort: port }],
              envFrom: [
                { configMapRef: { name: 'common-config' } },
                { configMapRef: { name: `${svc}-config` } },
                { secretRef: { name: 'common-secret' } },
                { secretRef: { name: `${svc}-secret` } },
              ],
              startupProbe: probe('/actuator/health', 30, 10, 30),
              readinessProbe: probe('/actuator/health/readiness', 10, 5),
              livenessProbe: probe('/actuator/health/liveness', 60, 15),
            },
          ],
        },
      },
    },
  });
  await apply(ns, { apiVersion: 'v1', kind: 'Service', metadata: { name: svc }, spec: { selector: { app: svc }, ports: [{ port: 80, targetPort: port }] } });
}

async function guideIngress(ns: string, host?: string): Promise<void> {
  await apply(ns, {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: 'backend-ingress',
      annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/$2', 'nginx.ingress.kubernetes.io/use-regex': 'true' },
    },
    spec: {
      ingressClassName: 'nginx',
      rules: [
        {
          ...(host ? { host } : {}),
          http: {
            paths: ['member', 'mysub', 'recommend'].map((s) => ({
              path: `/${s}(/|$)(.*)`,
              pathType: 'ImplementationSpecific',
              backend: { service: { name: s, port: { number: 80 } } },
            })),
          },
        },
      ],
    },
  });
}

const ingress = (path: string, init: RequestInit & { host?: string } = {}) =>
  fetch(`http://127.0.0.1:${ingressPort}${path}`, {
    ...init,
    headers: { ...(init.host ? { Host: init.host } : {}), ...(init.headers as Record<string, string>) },
  });

async function readyPod(ns: string, app: string, ms = 8000): Promise<V1Pod> {
  return waitFor(async () => (await podsOf(ns, `app=${app}`)).find(isReady), ms, `${ns}/${app} ready`);
}

beforeAll(async () => {
  c = await startTestCluster({
    profile: testProfile({ springBootReady: 120, postgresReady: 60, nginxReady: 20, ingressControllerReady: 20, loadBalancer: 20 }),
  });
  core = c.kc.makeApiClient(CoreV1Api);
  apps = c.kc.makeApiClient(AppsV1Api);
  objects = KubernetesObjectApi.makeApiClient(c.kc);
  for (const svc of ['member', 'mysub', 'recommend', 'lifesub-web']) c.images.add(`${REGISTRY}/lifesub/${svc}:1.0.0`);
  await core.createNamespace({ body: { metadata: { name: 'ingress-basic' } } });
  await apply('', { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } });
  await apply('ingress-basic', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'ingress-nginx-controller' },
    spec: {
      selector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
      template: {
        metadata: { labels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
        spec: { containers: [{ name: 'controller', image: 'registry.k8s.io/ingress-nginx/controller:v1.12.1' }] },
      },
    },
  });
  await apply('ingress-basic', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'ingress-nginx-controller' },
    spec: { type: 'LoadBalancer', selector: { 'app.kubernetes.io/name': 'ingress-nginx' }, ports: [{ name: 'http', port: 80, targetPort: 80 }] },
  });
  ingressPort = await waitFor(
    async () =>
      (await core.readNamespacedService({ name: 'ingress-nginx-controller', namespace: 'ingress-basic' })).status?.loadBalancer?.ingress?.[0]?.ports?.[0]?.port,
    5000,
    'ingress LB',
  );
  await waitFor(async () => (await podsOf('ingress-basic', 'app.kubernetes.io/name=ingress-nginx')).some(isReady), 5000, 'controller ready');
});
afterAll(async () => c.close());

describe('the lab as the guide sets it up (variant A, correct configuration)', () => {
  const ns = 'alice-lifesub-ns';
  beforeAll(async () => {
    await core.createNamespace({ body: { metadata: { name: ns } } });
    await guideIngress(ns);
    await postgres(ns, 'member', 'Passw0rd');
    await postgres(ns, 'mysub', 'Passw0rd');
    await postgresReady(ns, 'member');
    await postgresReady(ns, 'mysub');
    await backend(ns, 'member', 8081);
    await backend(ns, 'mysub', 8082);
    await readyPod(ns, 'member');
    await readyPod(ns, 'mysub');
  });

  test('member becomes Ready and answers its real routes through the ingress', async () => {
    const health = await ingress('/member/actuator/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'UP', components: { db: { status: 'UP' } }, groups: ['liveness', 'readiness'] });
    const login = await ingress('/member/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: 'user01', password: 'Passw0rd' }),
    });
    expect(login.status).toBe(200);
    const body: any = await login.json();
    expect(body).toMatchObject({ status: 200, message: 'Success' });
    expect(body.data.accessToken.split('.')).toHaveLength(3);
    const wrong = await ingress('/member/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: 'user01', password: 'nope' }),
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ status: 210, message: 'Invalid credentials' });
    const logs = await api(c.server, 'GET', `/api/v1/namespaces/${ns}/pods/${(await readyPod(ns, 'member')).metadata!.name}/log`);
    expect(logs.body).toContain('Tomcat started on port 8081');
  });

  test('Spring Security: an empty login body, a GET on it, an unmapped path and the variant-B "/login" are 403 with no body', async () => {
    for (const [path, init] of [
      ['/member/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }],
      ['/member/api/auth/login', { method: 'GET' }],
      ['/member/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userId: 'user01', password: 'Passw0rd' }) }],
      ['/member/api/nothing', { method: 'GET' }],
    ] as const) {
      const res = await ingress(path, init as RequestInit);
      expect(res.status, `${init.method} ${path}`).toBe(403);
      expect(await res.text()).toBe('');
    }
  });

  test('mysub accepts the token member signed with the shared JWT_SECRET_KEY, and refuses others with 403', async () => {
    const login: any = await (
      await ingress('/member/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ userId: 'user02', password: 'Passw0rd' }),
      })
    ).json();
    const token = login.data.accessToken as string;
    const withToken = await ingress('/mysub/api/mysub/total-fee?userId=user02', { headers: { Authorization: `Bearer ${token}` } });
    expect(withToken.status).toBe(200);
    expect(await withToken.json()).toMatchObject({ status: 200, data: { totalFee: 0 } });
    expect((await ingress('/mysub/api/mysub/total-fee?userId=user02')).status).toBe(403);
    // A required @RequestParam missing: 400 → /error → 403, even with a token.
    expect((await ingress('/mysub/api/mysub/total-fee', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(403);
    const forged = `${token.slice(0, token.lastIndexOf('.'))}.AAAA`;
    expect((await ingress('/mysub/api/mysub/categories', { headers: { Authorization: `Bearer ${forged}` } })).status).toBe(403);
  });

  test('CORS follows ALLOWED_ORIGINS exactly (a listed origin is echoed; others are refused)', async () => {
    const pre = await ingress('/member/api/auth/login', {
      method: 'OPTIONS',
      headers: { Origin: 'http://20.1.2.3', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(pre.status).toBe(200);
    expect(pre.headers.get('access-control-allow-origin')).toBe('http://20.1.2.3');
    expect(pre.headers.get('access-control-allow-credentials')).toBe('true');
    const bad = await ingress('/member/api/auth/login', {
      method: 'OPTIONS',
      headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(bad.status).toBe(403);
    expect(await bad.text()).toBe('Invalid CORS request');
  });
});

describe('failures the real services show', () => {
  test("a wrong POSTGRES_HOST: CrashLoopBackOff, exit code 1, and the driver's UnknownHostException in the logs", async () => {
    const ns = 'host-typo';
    await core.createNamespace({ body: { metadata: { name: ns } } });
    await postgres(ns, 'member', 'Passw0rd');
    await backend(ns, 'member', 8081, { host: 'member-postgresqlx' });
    const pod = await waitFor(
      async () => {
        const [p] = await podsOf(ns, 'app=member');
        const s = p?.status?.containerStatuses?.[0];
        return s?.state?.waiting?.reason === 'CrashLoopBackOff' && (s.restartCount ?? 0) >= 1 ? p : undefined;
      },
      8000,
      'CrashLoopBackOff',
    );
    expect(pod.status?.containerStatuses?.[0]?.lastState?.terminated?.exitCode).toBe(1);
    expect(isReady(pod)).toBe(false);
    const logs = String((await api(c.server, 'GET', `/api/v1/namespaces/${ns}/pods/${pod.metadata!.name}/log`)).body);
    expect(logs).toContain('org.postgresql.util.PSQLException: The connection attempt failed.');
    expect(logs).toContain('java.net.UnknownHostException: member-postgresqlx');
    expect(logs).toContain('Application run failed');
    const previous = String((await api(c.server, 'GET', `/api/v1/namespaces/${ns}/pods/${pod.metadata!.name}/log?previous=true`)).body);
    expect(previous).toContain('java.net.UnknownHostException: member-postgresqlx');
  });

  test('a password other than the one the volume was initialised with: FATAL password authentication failed, even after the database is re-installed', async () => {
    const ns = 'rotated';
    await core.createNamespace({ body: { metadata: { name: ns } } });
    await postgres(ns, 'member', 'first-pass');
    await postgresReady(ns, 'member');
    // "helm uninstall": the StatefulSet, Service and Secret go; the PVC stays. Then a re-install with a new password.
    await apps.deleteNamespacedStatefulSet({ name: 'member-postgresql', namespace: ns });
    await core.deleteNamespacedPod({ name: 'member-postgresql-0', namespace: ns }).catch(() => undefined); // the garbage collector may be first
    await waitFor(async () => (await podsOf(ns, 'app.kubernetes.io/instance=member')).length === 0, 5000, 'postgres gone');
    expect((await core.listNamespacedPersistentVolumeClaim({ namespace: ns })).items.map((p) => p.metadata?.name)).toEqual(['data-member-postgresql-0']);
    await postgres(ns, 'member', 'second-pass');
    await postgresReady(ns, 'member');
    await backend(ns, 'member', 8081, { password: 'second-pass' });
    const pod = await waitFor(
      async () => {
        const [p] = await podsOf(ns, 'app=member');
        return p?.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff' ? p : undefined;
      },
      8000,
      'CrashLoopBackOff',
    );
    const logs = String((await api(c.server, 'GET', `/api/v1/namespaces/${ns}/pods/${pod.metadata!.name}/log`)).body);
    expect(logs).toContain('org.postgresql.util.PSQLException: FATAL: password authentication failed for user "admin"');
    // The data volume's memory is not an API-visible value.
    const pvc = await core.readNamespacedPersistentVolumeClaim({ name: 'data-member-postgresql-0', namespace: ns });
    expect(JSON.stringify(pvc)).not.toContain('first-pass');
    // The password the volume knows works.
    await apply(ns, {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'member-secret' },
      data: { POSTGRES_USER: b64('admin'), POSTGRES_PASSWORD: b64('first-pass') },
    });
    // Environment is read when a container starts: roll the pods (as lifesub does on a config change).
    await objects.patch(
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'member', namespace: ns },
        spec: { template: { metadata: { annotations: { rotated: '1' } } } },
      } as KubernetesObject,
      undefined,
      undefined,
      undefined,
      undefined,
      PatchStrategy.MergePatch,
    );
    await readyPod(ns, 'member');
  });

  test('JPA_DDL_AUTO=validate on a fresh database: Hibernate finds no table and the application stops', async () => {
    const ns = 'ddl-validate';
    await core.createNamespace({ body: { metadata: { name: ns } } });
    await postgres(ns, 'member', 'Passw0rd');
    await postgresReady(ns, 'member');
    await backend(ns, 'member', 8081, { ddl: 'validate' });
    const pod = await waitFor(
      async () => {
        const [p] = await podsOf(ns, 'app=member');
        return p?.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff' ? p : undefined;
      },
      8000,
      'CrashLoopBackOff',
    );
    const logs = String((await api(c.server, 'GET', `/api/v1/namespaces/${ns}/pods/${pod.metadata!.name}/log`)).body);
    expect(logs).toContain('Schema-validation: missing table [members]');
  });

  test('SERVER_PORT other than the containerPort the probes use: never Ready, killed by the startup probe and restarted', async () => {
    const ns = 'port-typo';
    await core.createNamespace({ body: { metadata: { name: ns } } });
    await postgres(ns, 'member', 'Passw0rd');
    await postgresReady(ns, 'member');
    await backend(ns, 'member', 8081, { serverPort: '8080' });
    const pod = await waitFor(
      async () => {
        const [p] = await podsOf(ns, 'app=member');
        return (p?.status?.containerStatuses?.[0]?.restartCount ?? 0) >= 1 ? p : undefined;
      },
      10000,
      'restart',
    );
    expect(isReady(pod)).toBe(false);
    expect(pod.status?.containerStatuses?.[0]?.lastState?.terminated?.exitCode).toBe(143);
    const events = (await core.listNamespacedEvent({ namespace: ns, fieldSelector: `involvedObject.name=${pod.metadata!.name}` })).items;
    expect(
      events.some(
        (e) =>
          e.reason === 'Unhealthy' &&
          /Startup probe failed: Get "http:\/\/(\d+\.){3}\d+:8081\/actuator\/health": dial tcp (\d+\.){3}\d+:8081: connect: connection refused/.test(
            e.message ?? '',
          ),
      ),
    ).toBe(true);
    expect(events.some((e) => e.reason === 'Killing' && /failed startup probe, will be restarted/.test(e.message ?? ''))).toBe(true);
  });

  test("a Secret key that does not exist: CreateContainerConfigError with the kubelet's message", async () => {
    const ns = 'no-key';
    await core.createNamespace({ body: { metadata: { name: ns } } });
    // An existingSecret without the `password` key the chart's StatefulSet references.
    await postgres(ns, 'member', 'Passw0rd', { withoutPasswordKey: true });
    const waiting = await waitFor(
      async () => {
        const [p] = await podsOf(ns, 'app.kubernetes.io/instance=member');
        const w = p?.status?.containerStatuses?.[0]?.state?.waiting;
        return w?.reason === 'CreateContainerConfigError' ? w : undefined;
      },
      5000,
      'CreateContainerConfigError',
    );
    expect(waiting.message).toBe(`couldn't find key password in Secret ${ns}/member-postgresql`);
  });
});
