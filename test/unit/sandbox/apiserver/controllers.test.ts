// Controllers seen through client-node: rollouts, image pull failures, crash loops, config errors,
// scheduling, StatefulSet volumes, namespace termination and LoadBalancer addresses.
import { CoreV1Api, AppsV1Api, KubernetesObjectApi, PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { api, deployment, startTestCluster, waitFor, type TestCluster } from './harness.js';

let c: TestCluster;
let core: CoreV1Api;
let apps: AppsV1Api;
let objects: KubernetesObjectApi;

beforeAll(async () => {
  c = await startTestCluster({ faults: { crashLoop: { crasher: ['Starting app', 'FATAL: could not connect to database'] }, loadBalancerNever: ['never-lb'] } });
  core = c.kc.makeApiClient(CoreV1Api);
  apps = c.kc.makeApiClient(AppsV1Api);
  objects = KubernetesObjectApi.makeApiClient(c.kc);
  await core.createNamespace({ body: { metadata: { name: 'lab' } } });
});
afterAll(async () => c.close());

const apply = (obj: KubernetesObject) =>
  objects.patch(
    { ...structuredClone(obj), metadata: { namespace: 'lab', ...obj.metadata } },
    undefined,
    undefined,
    'lifesub',
    true,
    PatchStrategy.ServerSideApply,
  );
const podsOf = async (app: string) => (await core.listNamespacedPod({ namespace: 'lab', labelSelector: `app=${app}` })).items;
const eventsFor = async (name: string) => (await core.listNamespacedEvent({ namespace: 'lab', fieldSelector: `involvedObject.name=${name}` })).items;

describe('controllers', () => {
  test('a Deployment whose image exists rolls out: pods Running and Ready, Available condition', async () => {
    c.images.add('democr.azurecr.io/demo/web:1.0.0');
    await apply(deployment('member', 'democr.azurecr.io/demo/web:1.0.0', { readinessProbe: { httpGet: { path: '/actuator/health/readiness', port: 8081 } } }));
    const d = await waitFor(
      async () => {
        const d = await apps.readNamespacedDeployment({ name: 'member', namespace: 'lab' });
        return d.status?.conditions?.find((x) => x.type === 'Progressing')?.reason === 'NewReplicaSetAvailable' ? d : undefined;
      },
      5000,
      'rollout',
    );
    expect(d.status).toMatchObject({ replicas: 1, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 });
    expect(d.status?.conditions?.find((x) => x.type === 'Available')?.status).toBe('True');
    const [pod] = await podsOf('member');
    expect(pod!.metadata?.name).toMatch(/^member-[a-z0-9]{10}-[a-z0-9]{5}$/);
    expect(pod!.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', controller: true });
    expect(pod!.status?.phase).toBe('Running');
  });

  test('a changed pod template rolls to a new ReplicaSet and removes the old pods', async () => {
    const first = (await podsOf('member'))[0]!.metadata!.labels!['pod-template-hash'];
    c.images.add('democr.azurecr.io/demo/web:1.0.1');
    await apply(deployment('member', 'democr.azurecr.io/demo/web:1.0.1'));
    await waitFor(
      async () => {
        const pods = await podsOf('member');
        return (
          pods.length === 1 &&
          pods[0]!.metadata!.labels!['pod-template-hash'] !== first &&
          pods[0]!.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True')
        );
      },
      5000,
      'new pod',
    );
    const d = await apps.readNamespacedDeployment({ name: 'member', namespace: 'lab' });
    expect(d.metadata?.generation).toBe(2);
    expect(d.status?.observedGeneration).toBe(2);
  });

  test('a missing image ends in ImagePullBackOff with a Failed event', async () => {
    await apply(deployment('mysub', 'democr.azurecr.io/lifesub/mysub:1.0.0'));
    const pod = await waitFor(
      async () => {
        const [p] = await podsOf('mysub');
        return p?.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'ImagePullBackOff' ? p : undefined;
      },
      5000,
      'ImagePullBackOff',
    );
    const events = await eventsFor(pod.metadata!.name!);
    expect(
      events.some(
        (e) =>
          e.reason === 'Failed' && e.type === 'Warning' && /Failed to pull image "democr.azurecr.io\/lifesub\/mysub:1.0.0": .*not found/.test(e.message ?? ''),
      ),
    ).toBe(true);
    const d = await apps.readNamespacedDeployment({ name: 'mysub', namespace: 'lab' });
    expect(d.status?.availableReplicas ?? 0).toBe(0);
    // Pushing the image later lets the next pull succeed, as on a real node.
    c.images.add('democr.azurecr.io/lifesub/mysub:1.0.0');
    await waitFor(async () => (await podsOf('mysub'))[0]?.status?.phase === 'Running', 5000, 'pull retry');
  });

  test('a crash-looping container shows CrashLoopBackOff, a growing restartCount and its logs', async () => {
    await apply(deployment('crasher', 'nginx:1.27'));
    const pod = await waitFor(
      async () => {
        const [p] = await podsOf('crasher');
        const s = p?.status?.containerStatuses?.[0];
        return s?.state?.waiting?.reason === 'CrashLoopBackOff' && (s.restartCount ?? 0) >= 2 ? p : undefined;
      },
      5000,
      'CrashLoopBackOff',
    );
    expect(pod.status?.containerStatuses?.[0]?.lastState?.terminated?.exitCode).toBe(1);
    const logs = await api(c.server, 'GET', `/api/v1/namespaces/lab/pods/${pod.metadata!.name}/log?tailLines=1`);
    expect(logs.body).toBe('FATAL: could not connect to database\n');
  });

  test('a missing ConfigMap gives CreateContainerConfigError until it appears', async () => {
    await apply(deployment('recommend', 'nginx:1.27', { envFrom: [{ configMapRef: { name: 'recommend-config' } }] }));
    const pod = await waitFor(
      async () => {
        const [p] = await podsOf('recommend');
        return p?.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CreateContainerConfigError' ? p : undefined;
      },
      5000,
      'CreateContainerConfigError',
    );
    expect(pod.status?.containerStatuses?.[0]?.state?.waiting?.message).toBe('configmap "recommend-config" not found');
    await core.createNamespacedConfigMap({ namespace: 'lab', body: { metadata: { name: 'recommend-config' }, data: { SERVER_PORT: '8083' } } });
    await waitFor(async () => (await podsOf('recommend'))[0]?.status?.phase === 'Running', 5000, 'start after config');
  });

  test('a pod requesting more than the node has stays Pending with FailedScheduling', async () => {
    await apply(deployment('huge', 'nginx:1.27', { resources: { requests: { cpu: '8', memory: '1Gi' } } }));
    const pod = await waitFor(
      async () => {
        const [p] = await podsOf('huge');
        return p?.status?.conditions?.find((x) => x.type === 'PodScheduled' && x.reason === 'Unschedulable') ? p : undefined;
      },
      5000,
      'Unschedulable',
    );
    expect(pod.status?.phase).toBe('Pending');
    const events = await eventsFor(pod.metadata!.name!);
    expect(events.find((e) => e.reason === 'FailedScheduling')?.message).toMatch(/^0\/1 nodes are available: 1 Insufficient cpu\./);
  });

  test('a StatefulSet gets ordered pods and Bound PVCs that outlive it', async () => {
    await apply({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'member-postgresql' },
      spec: {
        replicas: 2,
        serviceName: 'member-postgresql-hl',
        selector: { matchLabels: { app: 'member-postgresql' } },
        template: {
          metadata: { labels: { app: 'member-postgresql' } },
          spec: { containers: [{ name: 'postgresql', image: 'docker.io/bitnami/postgresql:16', env: [{ name: 'ALLOW_EMPTY_PASSWORD', value: 'yes' }] }] },
        },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } }],
      },
    } as KubernetesObject);
    const sts = await waitFor(
      async () => {
        const s = await apps.readNamespacedStatefulSet({ name: 'member-postgresql', namespace: 'lab' });
        return s.status?.readyReplicas === 2 ? s : undefined;
      },
      5000,
      'StatefulSet ready',
    );
    expect(sts.status?.currentRevision).toBe(sts.status?.updateRevision);
    expect((await podsOf('member-postgresql')).map((p) => p.metadata?.name).sort()).toEqual(['member-postgresql-0', 'member-postgresql-1']);
    const pvc = await core.readNamespacedPersistentVolumeClaim({ name: 'data-member-postgresql-0', namespace: 'lab' });
    expect(pvc.status?.phase).toBe('Bound');
    await apps.deleteNamespacedStatefulSet({ name: 'member-postgresql', namespace: 'lab' });
    await waitFor(async () => (await podsOf('member-postgresql')).length === 0, 3000, 'pods gone');
    expect((await core.readNamespacedPersistentVolumeClaim({ name: 'data-member-postgresql-1', namespace: 'lab' })).status?.phase).toBe('Bound');
  });

  test('deleting a Deployment removes its ReplicaSets and pods', async () => {
    await apps.deleteNamespacedDeployment({ name: 'huge', namespace: 'lab' });
    await waitFor(async () => (await podsOf('huge')).length === 0, 3000, 'pods gone');
    const rs = await apps.listNamespacedReplicaSet({ namespace: 'lab', labelSelector: 'app=huge' });
    expect(rs.items).toEqual([]);
  });

  test('a LoadBalancer Service gets 127.0.0.1 and a gateway port; a never-LB fault leaves it pending', async () => {
    const svc = (name: string) => ({ metadata: { name }, spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 18080 }] } });
    const created = await core.createNamespacedService({ namespace: 'lab', body: svc('lifesub-web') });
    expect(created.spec?.clusterIP).toMatch(/^10\.0\./);
    expect(created.spec?.ports?.[0]).toMatchObject({ protocol: 'TCP', targetPort: 18080 });
    await core.createNamespacedService({ namespace: 'lab', body: svc('never-lb') });
    const lb = await waitFor(
      async () => (await core.readNamespacedService({ name: 'lifesub-web', namespace: 'lab' })).status?.loadBalancer?.ingress?.[0],
      3000,
      'LB address',
    );
    expect(lb.ip).toBe('127.0.0.1');
    expect(lb.ports?.[0]?.port).toBeGreaterThan(0);
    expect((await core.readNamespacedService({ name: 'never-lb', namespace: 'lab' })).status?.loadBalancer?.ingress).toBeUndefined();
  });

  test('a deleted namespace is Terminating, refuses new objects, then disappears with its contents', async () => {
    await core.createNamespace({ body: { metadata: { name: 'doomed' } } });
    await core.createNamespacedConfigMap({ namespace: 'doomed', body: { metadata: { name: 'cm' } } });
    await core.deleteNamespace({ name: 'doomed' });
    const ns = await core.readNamespace({ name: 'doomed' });
    expect(ns.status?.phase).toBe('Terminating');
    expect(ns.metadata?.deletionTimestamp).toBeTruthy();
    const refused = await api(c.server, 'POST', '/api/v1/namespaces/doomed/configmaps', { metadata: { name: 'late' } });
    expect(refused.status).toBe(403);
    expect(refused.body.reason).toBe('Forbidden');
    await waitFor(async () => (await api(c.server, 'GET', '/api/v1/namespaces/doomed')).status === 404, 3000, 'namespace gone');
    expect((await api(c.server, 'GET', '/api/v1/namespaces/doomed/configmaps/cm')).status).toBe(404);
  });
});
