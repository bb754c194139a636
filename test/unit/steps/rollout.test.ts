import { describe, expect, test } from 'vitest';
import type { KubeObject } from '../../../src/adapters/types.js';
import { deploymentRolledOut, statefulSetRolledOut } from '../../../src/steps/index.js';
import { podProblem } from '../../../src/steps/pod-problem.js';

const deployment = (generation: number, replicas: number, status: Record<string, unknown>): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'member', generation },
  spec: { replicas },
  status,
});
const sts = (status: Record<string, unknown>): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'member-postgresql', generation: 2 },
  spec: { replicas: 1 },
  status: { observedGeneration: 2, ...status },
});

describe('deploymentRolledOut (kubectl rollout status)', () => {
  test.each([
    ['done', deployment(2, 2, { observedGeneration: 2, replicas: 2, updatedReplicas: 2, availableReplicas: 2 }), true],
    ['spec not observed yet', deployment(3, 2, { observedGeneration: 2, replicas: 2, updatedReplicas: 2, availableReplicas: 2 }), false],
    ['not all updated', deployment(2, 2, { observedGeneration: 2, replicas: 2, updatedReplicas: 1, availableReplicas: 2 }), false],
    ['old replicas remain', deployment(2, 2, { observedGeneration: 2, replicas: 3, updatedReplicas: 2, availableReplicas: 2 }), false],
    ['not available', deployment(2, 2, { observedGeneration: 2, replicas: 2, updatedReplicas: 2, availableReplicas: 1 }), false],
    ['no status yet', deployment(1, 1, {}), false],
  ])('%s', (_, obj, expected) => expect(deploymentRolledOut(obj)).toBe(expected));
});

describe('statefulSetRolledOut', () => {
  test.each([
    ['done', sts({ readyReplicas: 1, updatedReplicas: 1, currentRevision: 'a', updateRevision: 'a' }), true],
    ['revisions not set', sts({ readyReplicas: 1, updatedReplicas: 1 }), true],
    ['not ready', sts({ readyReplicas: 0, updatedReplicas: 1 }), false],
    ['update in progress', sts({ readyReplicas: 1, updatedReplicas: 1, currentRevision: 'a', updateRevision: 'b' }), false],
  ])('%s', (_, obj, expected) => expect(statefulSetRolledOut(obj)).toBe(expected));
});

describe('podProblem', () => {
  const pod = (status: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, status });
  const waiting = (reason: string, restartCount = 0) =>
    pod({ phase: 'Pending', containerStatuses: [{ name: 'c', restartCount, state: { waiting: { reason, message: 'm' } } }] });

  test.each([
    ['ImagePullBackOff', 0, 'image', true],
    ['ErrImagePull', 0, 'image', false],
    ['CrashLoopBackOff', 2, 'crash', false],
    ['CrashLoopBackOff', 3, 'crash', true],
    ['CreateContainerConfigError', 0, 'config', true],
    ['ContainerCreating', 0, 'starting', false],
  ])('%s (restarts %i) → %s, fatal %s', (reason, restarts, kind, fatal) => {
    expect(podProblem(waiting(reason, restarts))).toMatchObject({ kind, fatal, reason, pod: 'p', container: 'c' });
  });

  test('unschedulable pending pod carries the scheduler message', () => {
    const p = pod({
      phase: 'Pending',
      conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/2 nodes are available: 2 Insufficient cpu.' }],
    });
    expect(podProblem(p)).toMatchObject({ kind: 'unschedulable', message: '0/2 nodes are available: 2 Insufficient cpu.', fatal: false });
  });

  test('a healthy pod has no problem', () => {
    expect(podProblem(pod({ phase: 'Running', containerStatuses: [{ name: 'c', ready: true, state: { running: {} } }] }))).toBeUndefined();
  });
});
