import { describe, expect, test } from 'vitest';
import type { KubeObject } from '../../../src/adapters/types.js';
import { ToolError } from '../../../src/core/errors.js';
import { generateCredentials } from '../../../src/render/index.js';
import { readinessStep } from '../../../src/steps/index.js';
import { makeContext, testSettings } from '../../fakes/context.js';

const NS = 'alice-lifesub-ns';
const credentials = generateCredentials(testSettings());
const facts = () => ({
  credentials,
  ingressAddress: '20.1.2.3',
  webAddress: '20.4.5.6',
  apiBasePaths: { member: '/api/auth', mysub: '/api/mysub', recommend: '/api/recommend' },
});
const fast = { firstCheckMs: 0, checkEveryMs: 5 };

function deployment(name: string, ready: boolean): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: NS, generation: 1 },
    spec: { replicas: 1, selector: { matchLabels: { app: name } } },
    status: ready
      ? { observedGeneration: 1, replicas: 1, updatedReplicas: 1, availableReplicas: 1 }
      : { observedGeneration: 1, replicas: 1, updatedReplicas: 1 },
  };
}
function database(name: string, ready: boolean): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: `${name}-postgresql`, namespace: NS, generation: 1 },
    spec: { replicas: 1, selector: { matchLabels: { 'app.kubernetes.io/instance': name, 'app.kubernetes.io/name': 'postgresql' } } },
    status: { observedGeneration: 1, readyReplicas: ready ? 1 : 0, updatedReplicas: 1 },
  };
}
function pod(name: string, labels: Record<string, string>, status: Record<string, unknown>): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: NS, labels }, status };
}
const waitingPod = (name: string, app: string, reason: string, message: string, restartCount = 0) =>
  pod(
    name,
    { app },
    {
      phase: 'Pending',
      containerStatuses: [{ name: app, image: `alicecr.azurecr.io/lifesub/${app}:1.0.0`, restartCount, state: { waiting: { reason, message } } }],
    },
  );

/** A Warning FailedCreate event as the ReplicaSet / StatefulSet controller records it (core/v1, legacy recorder). */
function failedCreate(kind: 'ReplicaSet' | 'StatefulSet', name: string, uid: string, message: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${name}.1807c4a2b6f0e1d3`, namespace: NS },
    involvedObject: { apiVersion: 'apps/v1', kind, name, namespace: NS, uid },
    reason: 'FailedCreate',
    message,
    type: 'Warning',
    source: { component: kind === 'ReplicaSet' ? 'replicaset-controller' : 'statefulset-controller' },
    firstTimestamp: '2026-11-30T11:00:00Z',
    lastTimestamp: '2026-11-30T11:00:05Z',
    count: 1,
  };
}
const EXCEEDED = 'exceeded quota: lifesub-budget, requested: pods=1, used: pods=3, limited: pods=3';

/** Deployment `name` (uid d-<name>) whose ReplicaSet could not create its one pod. */
function refusedDeployment(name: string, message: string): KubeObject[] {
  const rs = `${name}-6d4f8b7c9`;
  return [
    { ...deployment(name, false), metadata: { name, namespace: NS, generation: 1, uid: `d-${name}` }, status: { observedGeneration: 1, replicas: 0 } },
    {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: rs,
        namespace: NS,
        uid: `rs-${name}`,
        labels: { app: name, 'pod-template-hash': '6d4f8b7c9' },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name, uid: `d-${name}`, controller: true }],
      },
      spec: { replicas: 1, selector: { matchLabels: { app: name, 'pod-template-hash': '6d4f8b7c9' } } },
      status: { replicas: 0, observedGeneration: 1 },
    },
    failedCreate('ReplicaSet', rs, `rs-${name}`, message),
  ];
}

/** Everything rolled out except the workloads named in `notReady`. */
function cluster(notReady: string[] = []): KubeObject[] {
  return [
    ...['member', 'mysub', 'recommend', 'lifesub-web'].map((n) => deployment(n, !notReady.includes(n))),
    ...['member', 'mysub', 'recommend'].map((n) => database(n, !notReady.includes(`${n}-postgresql`))),
  ];
}

async function failure(run: Promise<unknown>): Promise<ToolError> {
  const err = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ToolError);
  return err as ToolError;
}

describe('readiness', () => {
  test('waits for every rendered Deployment and every database StatefulSet, concurrently', async () => {
    const { ctx, fakes, logs } = makeContext({ facts: facts() });
    fakes.kube.put(...cluster());
    expect(await readinessStep(fast).run(ctx)).toEqual({ message: '7 workloads ready' });
    expect([...fakes.kube.calls].sort()).toEqual(
      [
        ...['member', 'mysub', 'recommend', 'lifesub-web'].map((n) => `waitFor Deployment ${NS}/${n}`),
        ...['member', 'mysub', 'recommend'].map((n) => `waitFor StatefulSet ${NS}/${n}-postgresql`),
      ].sort(),
    );
    expect(logs).toContain('deployment member is ready (1/1 ready)');
    expect(logs).toContain('statefulset recommend-postgresql is ready (1/1 ready)');
  });

  test('keeps waiting while pods start, logging what they do, until the rollout completes', async () => {
    const { ctx, fakes, logs } = makeContext({ facts: facts() });
    fakes.kube.waitLimitMs = 5_000;
    fakes.kube.put(...cluster(['mysub']), waitingPod('mysub-1', 'mysub', 'ContainerCreating', ''));
    // The rollout completes once lifesub has looked at the pods (deterministic, unlike a timer).
    const list = fakes.kube.list.bind(fakes.kube);
    fakes.kube.list = async (...args) => {
      const pods = await list(...args);
      setTimeout(() => fakes.kube.put(deployment('mysub', true)), 1);
      return pods;
    };
    await readinessStep(fast).run(ctx);
    expect(logs).toContain('deployment mysub: pod mysub-1 ContainerCreating');
    expect(logs).toContain('deployment mysub is ready (1/1 ready)');
    expect(fakes.kube.calls).toContain(`list Pod ${NS} app=mysub`);
  });

  test('fails fast on ImagePullBackOff with the message and a hint', async () => {
    const { ctx, fakes } = makeContext({ facts: facts() });
    fakes.kube.waitLimitMs = 60_000; // would hang the test if it waited out the timeout
    const msg = 'Back-off pulling image "alicecr.azurecr.io/lifesub/member:1.0.0"';
    fakes.kube.put(...cluster(['member']), waitingPod('member-7d9f-x2x', 'member', 'ImagePullBackOff', msg));
    const err = await failure(readinessStep(fast).run(ctx));
    expect(err.message).toBe(`deployment member is not ready: pod member-7d9f-x2x ImagePullBackOff: ${msg}`);
    expect(err.hint).toMatch(/pushed.*registry name.*pull secret lifesub-registry/);
  });

  test('fails fast on CrashLoopBackOff after 3 restarts with the last log lines, redacted', async () => {
    const { ctx, fakes } = makeContext({ facts: facts() });
    fakes.kube.waitLimitMs = 60_000;
    fakes.kube.put(...cluster(['recommend']), waitingPod('recommend-abc', 'recommend', 'CrashLoopBackOff', 'back-off 40s restarting failed container', 3));
    const log = [
      ...Array.from({ length: 12 }, (_, i) => `line ${i + 1}`),
      `FATAL: password authentication failed, tried ${credentials.userPasswords['recommend']}`,
      'APPLICATION FAILED TO START',
    ].join('\n');
    fakes.kube.logs.set(`${NS}/recommend-abc`, log);
    const err = await failure(readinessStep(fast).run(ctx));
    expect(err.message).toBe(
      'deployment recommend is not ready: pod recommend-abc CrashLoopBackOff: back-off 40s restarting failed container (restarted 3 times)',
    );
    expect(err.hint).toContain('the app crashes at start; see logs');
    const details = err.details!.split('\n');
    expect(details).toHaveLength(10);
    expect(details.at(-1)).toBe('APPLICATION FAILED TO START');
    expect(err.details).toContain('FATAL: password authentication failed');
    expect(err.details).not.toContain(credentials.userPasswords['recommend']!);
    expect(fakes.kube.calls).toContain(`podLogs ${NS}/recommend-abc`);
  });

  test('a young crash loop is waited on; at the timeout it is explained with its logs', async () => {
    const { ctx, fakes } = makeContext({ facts: facts() });
    fakes.kube.waitLimitMs = 80;
    fakes.kube.put(...cluster(['member']), waitingPod('member-1', 'member', 'CrashLoopBackOff', 'back-off 10s', 1));
    fakes.kube.logs.set(`${NS}/member-1`, 'Connection refused: member-postgresql:5432');
    const err = await failure(readinessStep(fast).run(ctx));
    expect(err.message).toBe('deployment member is not ready: pod member-1 CrashLoopBackOff: back-off 10s (restarted 1 times)');
    expect(err.details).toBe('Connection refused: member-postgresql:5432');
    expect(err.cause).toBeInstanceOf(ToolError); // the timeout
  });

  test('a Pending pod is explained with the scheduler message and FailedScheduling events at the timeout', async () => {
    const { ctx, fakes } = makeContext({ facts: facts() });
    fakes.kube.waitLimitMs = 50;
    const scheduler = '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available.';
    fakes.kube.put(
      ...cluster(['lifesub-web']),
      pod(
        'lifesub-web-1',
        { app: 'lifesub-web' },
        { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: scheduler }] },
      ),
      {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: 'e1', namespace: NS },
        involvedObject: { name: 'lifesub-web-1' },
        reason: 'FailedScheduling',
        message: scheduler,
      },
      {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: 'e2', namespace: NS },
        involvedObject: { name: 'other' },
        reason: 'FailedScheduling',
        message: 'not mine',
      },
    );
    const err = await failure(readinessStep(fast).run(ctx));
    expect(err.message).toBe(`deployment lifesub-web is not ready: pod lifesub-web-1 Unschedulable: ${scheduler}`);
    expect(err.details).toBe(`FailedScheduling: ${scheduler}`);
    expect(fakes.kube.calls).toContain(`list Event ${NS} involvedObject.name=lifesub-web-1`);
  });

  test('database pods are found by the selector of the live StatefulSet (CreateContainerConfigError fails fast)', async () => {
    const { ctx, fakes } = makeContext({ facts: facts() });
    fakes.kube.waitLimitMs = 60_000;
    const labels = { 'app.kubernetes.io/instance': 'mysub', 'app.kubernetes.io/name': 'postgresql' };
    fakes.kube.put(
      ...cluster(['mysub-postgresql']),
      pod('mysub-postgresql-0', labels, {
        phase: 'Pending',
        containerStatuses: [
          {
            name: 'postgresql',
            state: {
              waiting: { reason: 'CreateContainerConfigError', message: "couldn't find key mysub-password in Secret alice-lifesub-ns/lifesub-credentials" },
            },
          },
        ],
      }),
    );
    const err = await failure(readinessStep(fast).run(ctx));
    expect(err.message).toBe(
      "statefulset mysub-postgresql is not ready: pod mysub-postgresql-0 CreateContainerConfigError: couldn't find key mysub-password in Secret alice-lifesub-ns/lifesub-credentials",
    );
    expect(fakes.kube.calls).toContain(`list Pod ${NS} app.kubernetes.io/instance=mysub,app.kubernetes.io/name=postgresql`);
  });

  test("a ReplicaSet refused by the ResourceQuota fails fast with the apiserver's words and the quota hint, not a timeout", async () => {
    const { ctx, fakes } = makeContext({ facts: facts() });
    fakes.kube.waitLimitMs = 2_000; // the old behaviour: wait this out, then "timed out waiting for rollout"
    const message = `Error creating: pods "member-6d4f8b7c9-x7k2p" is forbidden: ${EXCEEDED}`;
    fakes.kube.put(...cluster(['member']), ...refusedDeployment('member', message));
    const err = await failure(readinessStep({ ...fast, refusalGraceMs: 0 }).run(ctx));
    expect(err.message).toBe(`deployment member is not ready: replicaset member-6d4f8b7c9 FailedCreate: ${message}`);
    expect(err.hint).toContain('kubectl describe resourcequota lifesub-budget -n alice-lifesub-ns');
    expect(err.hint).toContain('budget:');
    expect(err.hint).not.toContain('kubectl logs');
    expect(err.cause).toBeUndefined(); // not the timeout
    expect(fakes.kube.calls).toContain(`list Event ${NS} involvedObject.name=member-6d4f8b7c9`);
  });

  test("within the grace a refusal is only logged; at the timeout a StatefulSet's refusal is named", async () => {
    const { ctx, fakes, logs } = makeContext({ facts: facts() });
    fakes.kube.waitLimitMs = 60;
    const message =
      'create Pod member-postgresql-0 in StatefulSet member-postgresql failed error: pods "member-postgresql-0" is forbidden: failed quota: lifesub-budget: must specify limits.cpu,limits.memory';
    fakes.kube.put(
      ...cluster(['member-postgresql']),
      { ...database('member', false), metadata: { name: 'member-postgresql', namespace: NS, generation: 1, uid: 'sts-1' } },
      failedCreate('StatefulSet', 'member-postgresql', 'sts-1', message),
    );
    const err = await failure(readinessStep(fast).run(ctx));
    expect(err.message).toBe(`statefulset member-postgresql is not ready: statefulset member-postgresql FailedCreate: ${message}`);
    expect(err.hint).toContain('declare limits.cpu,limits.memory');
    expect(err.hint).toContain('kubectl describe resourcequota,limitrange -n alice-lifesub-ns');
    expect(err.cause).toBeInstanceOf(ToolError); // the timeout
    expect(logs.some((l) => l.startsWith('statefulset member-postgresql: statefulset member-postgresql FailedCreate'))).toBe(true);
  });

  test("a FailedCreate event of an earlier StatefulSet of the same name (another uid) is not this one's cause", async () => {
    const { ctx, fakes } = makeContext({ facts: facts() });
    fakes.kube.waitLimitMs = 60;
    fakes.kube.put(
      ...cluster(['member-postgresql']),
      { ...database('member', false), metadata: { name: 'member-postgresql', namespace: NS, generation: 1, uid: 'sts-2' } },
      failedCreate('StatefulSet', 'member-postgresql', 'sts-1', `create Pod member-postgresql-0 in StatefulSet member-postgresql failed error: ${EXCEEDED}`),
    );
    const err = await failure(readinessStep({ ...fast, refusalGraceMs: 0 }).run(ctx));
    expect(err.message).toBe('timed out waiting for rollout of statefulset member-postgresql');
  });

  test('a timeout without pod problems keeps the wait error (what it waited for, and its hint)', async () => {
    const { ctx, fakes } = makeContext({ facts: facts() });
    fakes.kube.waitLimitMs = 30;
    fakes.kube.put(...cluster(['recommend']));
    const err = await failure(readinessStep(fast).run(ctx));
    expect(err.message).toBe('timed out waiting for rollout of deployment recommend');
    expect(err.hint).toContain('kubectl describe deployment recommend -n alice-lifesub-ns');
  });

  test('an API failure propagates', async () => {
    const { ctx, fakes } = makeContext({ facts: facts() });
    fakes.kube.put(...cluster(['member']));
    fakes.kube.failOn('waitFor', new ToolError('watch failed: 403 Forbidden'), { match: /member$/ });
    const err = await failure(readinessStep(fast).run(ctx));
    expect(err.message).toBe('watch failed: 403 Forbidden');
  });

  test('Ctrl-C stops every wait', async () => {
    const { ctx, fakes, controller } = makeContext({ facts: facts() });
    fakes.kube.waitLimitMs = 60_000;
    fakes.kube.put(...cluster(['member', 'mysub']));
    setTimeout(() => controller.abort(), 20);
    await expect(readinessStep(fast).run(ctx)).rejects.toThrow('interrupted');
  });
});
