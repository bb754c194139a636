// The LoadBalancer gateway over real HTTP: ingress-nginx routing to a Spring Boot backend (503 until
// it is Ready, then actuator health UP) and the frontend Service answering like nginx.
import { CoreV1Api, KubernetesObjectApi, PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { deployment, startTestCluster, testProfile, waitFor, type TestCluster } from '../apiserver/harness.js';

let c: TestCluster;
let core: CoreV1Api;
let objects: KubernetesObjectApi;

const apply = (ns: string, obj: any) =>
  objects.patch(
    { ...obj, metadata: { ...obj.metadata, namespace: ns } } as KubernetesObject,
    undefined,
    undefined,
    'lifesub',
    true,
    PatchStrategy.ServerSideApply,
  );
const lbPort = (ns: string, name: string) =>
  waitFor(async () => (await core.readNamespacedService({ name, namespace: ns })).status?.loadBalancer?.ingress?.[0]?.ports?.[0]?.port, 3000, `${name} LB`);
const ready = (ns: string, app: string) =>
  waitFor(
    async () =>
      (await core.listNamespacedPod({ namespace: ns, labelSelector: `app=${app}` })).items.some((p) =>
        p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True'),
      ),
    5000,
    `${app} ready`,
  );

beforeAll(async () => {
  c = await startTestCluster({ profile: testProfile({ springBootReady: 1200, ingressControllerReady: 20, nginxReady: 20, loadBalancer: 20 }) });
  core = c.kc.makeApiClient(CoreV1Api);
  objects = KubernetesObjectApi.makeApiClient(c.kc);
  for (const name of ['ingress-basic', 'lab']) await core.createNamespace({ body: { metadata: { name } } });
  await apply('', { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } });
  const controller = deployment('ingress-nginx-controller', 'registry.k8s.io/ingress-nginx/controller:v1.12.1');
  controller.spec.template.metadata.labels['app.kubernetes.io/name'] = 'ingress-nginx';
  await apply('ingress-basic', controller);
  await apply('ingress-basic', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'ingress-nginx-controller' },
    spec: { type: 'LoadBalancer', selector: { app: 'ingress-nginx-controller' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
  });
  await apply(
    'lab',
    deployment('member', 'nginx-free/member:1.0.0', {
      ports: [{ containerPort: 8081 }],
      readinessProbe: { httpGet: { path: '/actuator/health/readiness', port: 8081 } },
    }),
  );
  await apply('lab', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'member' },
    spec: { selector: { app: 'member' }, ports: [{ port: 80, targetPort: 8081 }] },
  });
  await apply('lab', {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: 'backend-ingress',
      annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/$2', 'nginx.ingress.kubernetes.io/use-regex': 'true' },
    },
    spec: {
      ingressClassName: 'nginx',
      rules: [
        { http: { paths: [{ path: '/member(/|$)(.*)', pathType: 'ImplementationSpecific', backend: { service: { name: 'member', port: { number: 80 } } } }] } },
      ],
    },
  });
});
afterAll(async () => c.close());

test('ingress routes /member/actuator/health to the member app: 503 until Ready, then UP', async () => {
  const port = await lbPort('ingress-basic', 'ingress-nginx-controller');
  await ready('ingress-basic', 'ingress-nginx-controller');
  const early = await fetch(`http://127.0.0.1:${port}/member/actuator/health`);
  expect(early.status).toBe(503);
  expect(await early.text()).toContain('503 Service Temporarily Unavailable');
  expect((await fetch(`http://127.0.0.1:${port}/unknown`)).status).toBe(404);

  await ready('lab', 'member');
  const health = await fetch(`http://127.0.0.1:${port}/member/actuator/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'UP' });
  expect(await (await fetch(`http://127.0.0.1:${port}/member/actuator/health/readiness`)).json()).toEqual({ status: 'UP' });
  // ingress-nginx publishes its address on the Ingress (kubectl get ing → ADDRESS).
  const address = await waitFor(
    async () => {
      const ing: any = await objects.read({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'backend-ingress', namespace: 'lab' } });
      return ing.status?.loadBalancer?.ingress?.[0]?.ip;
    },
    3000,
    'ingress address',
  );
  expect(address).toBe('127.0.0.1');
  const missing = await fetch(`http://127.0.0.1:${port}/member/api/nothing`);
  expect(missing.status).toBe(404);
  expect(await missing.json()).toMatchObject({ status: 404, path: '/api/nothing' });
});

test('a frontend LoadBalancer answers /health, the mounted runtime-env.js and index.html', async () => {
  await core.createNamespacedConfigMap({
    namespace: 'lab',
    body: { metadata: { name: 'runtime-env' }, data: { 'runtime-env.js': 'window.__runtime_config__ = { MEMBER_URL: "http://127.0.0.1/member" };' } },
  });
  const web = deployment('lifesub-web', 'nginx:1.27', {
    ports: [{ containerPort: 18080 }],
    volumeMounts: [{ name: 'env', mountPath: '/usr/share/nginx/html/runtime-env.js', subPath: 'runtime-env.js' }],
  });
  web.spec.template.spec.volumes = [{ name: 'env', configMap: { name: 'runtime-env' } }];
  await apply('lab', web);
  await apply('lab', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'lifesub-web' },
    spec: { type: 'LoadBalancer', selector: { app: 'lifesub-web' }, ports: [{ port: 80, targetPort: 18080 }] },
  });
  const port = await lbPort('lab', 'lifesub-web');
  await ready('lab', 'lifesub-web');
  expect(await (await fetch(`http://127.0.0.1:${port}/health`)).text()).toBe('OK');
  expect(await (await fetch(`http://127.0.0.1:${port}/runtime-env.js`)).text()).toContain('MEMBER_URL: "http://127.0.0.1/member"');
  const page = await fetch(`http://127.0.0.1:${port}/`);
  expect(page.headers.get('content-type')).toBe('text/html');
  // Scaling to zero leaves nothing behind the load balancer: the connection fails (no nginx to say 503).
  await objects.patch(
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'lifesub-web', namespace: 'lab' }, spec: { replicas: 0 } } as KubernetesObject,
    undefined,
    undefined,
    undefined,
    undefined,
    PatchStrategy.MergePatch,
  );
  await waitFor(
    async () =>
      fetch(`http://127.0.0.1:${port}/health`).then(
        () => false,
        () => true,
      ),
    3000,
    'connection failure after scale-down',
  );
});

/** A lifesub-web Deployment + Service whose runtime-env.js (a mounted ConfigMap) names its namespace. */
async function webIn(ns: string): Promise<void> {
  await core.createNamespace({ body: { metadata: { name: ns } } });
  await core.createNamespacedConfigMap({
    namespace: ns,
    body: { metadata: { name: 'runtime-env' }, data: { 'runtime-env.js': `window.__runtime_config__ = { OWNER: "${ns}" };` } },
  });
  const web = deployment('lifesub-web', `democr.azurecr.io/lifesub/lifesub-web:1.0.0`, {
    ports: [{ containerPort: 18080 }],
    volumeMounts: [{ name: 'env', mountPath: '/usr/share/nginx/html/runtime-env.js', subPath: 'runtime-env.js' }],
  });
  web.spec.template.spec.volumes = [{ name: 'env', configMap: { name: 'runtime-env' } }];
  await apply(ns, web);
  await apply(ns, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'lifesub-web' },
    spec: { selector: { app: 'lifesub-web' }, ports: [{ port: 80, targetPort: 18080 }] },
  });
  await apply(ns, {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web-ingress', annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/$2', 'nginx.ingress.kubernetes.io/use-regex': 'true' } },
    spec: {
      ingressClassName: 'nginx',
      rules: [
        {
          http: { paths: [{ path: '/web(/|$)(.*)', pathType: 'ImplementationSpecific', backend: { service: { name: 'lifesub-web', port: { number: 80 } } } }] },
        },
      ],
    },
  });
  await ready(ns, 'lifesub-web');
}

test('two host-less Ingresses with the same path: the older one keeps it, and scaling it to 0 gives 503 to both students', async () => {
  const port = await lbPort('ingress-basic', 'ingress-nginx-controller');
  c.images.add('democr.azurecr.io/lifesub/lifesub-web:1.0.0');
  // Zoe is older but sorts after Amy by name: only the creation time can make Zoe win.
  await webIn('zoe-lifesub-ns');
  // creationTimestamp has one-second resolution: make the second student really later.
  await new Promise((r) => setTimeout(r, 1100));
  await webIn('amy-lifesub-ns');
  const owner = async () => (await fetch(`http://127.0.0.1:${port}/web/runtime-env.js`)).text();
  expect(await owner()).toContain('zoe-lifesub-ns');
  const cached = await fetch(`http://127.0.0.1:${port}/web/runtime-env.js`);
  expect(cached.headers.get('cache-control')).toBe('max-age=31536000, public, no-transform');
  expect(cached.headers.get('expires')).toBeTruthy();
  // Amy (listed first) sees Zoe's (older) frontend; when Zoe scales down, nobody is served — the newer Ingress does not take over.
  await objects.patch(
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'lifesub-web', namespace: 'zoe-lifesub-ns' }, spec: { replicas: 0 } } as KubernetesObject,
    undefined,
    undefined,
    undefined,
    undefined,
    PatchStrategy.MergePatch,
  );
  await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/web/runtime-env.js`)).status === 503, 3000, '503 after scale-down');
  // Amy's own frontend is Ready all along.
  expect((await core.listNamespacedPod({ namespace: 'amy-lifesub-ns', labelSelector: 'app=lifesub-web' })).items.length).toBe(1);
  // Deleting Zoe's Ingress frees the location: Amy's takes it.
  await objects.delete({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web-ingress', namespace: 'zoe-lifesub-ns' },
  } as KubernetesObject);
  await waitFor(async () => (await owner()).includes('amy-lifesub-ns'), 3000, "amy's location");
});
