// `down` must not delete what lifesub did not create: the classification of a namespace's objects,
// and the step that stops (or, with --force, proceeds) before anything is removed.
import { describe, expect, test } from 'vitest';
import type { KubeObject } from '../../../src/adapters/types.js';
import { ToolError } from '../../../src/core/errors.js';
import { foreignObjects } from '../../../src/steps/foreign.js';
import { foreignCheckStep } from '../../../src/steps/index.js';
import { makeContext } from '../../fakes/context.js';

const NS = 'alice-lifesub-ns';
const ours = { 'app.kubernetes.io/managed-by': 'lifesub', 'lifesub.io/id': 'alice' };
const o = (apiVersion: string, kind: string, name: string, meta: Partial<KubeObject['metadata']> = {}, rest: Record<string, unknown> = {}): KubeObject => ({
  apiVersion,
  kind,
  metadata: { name, namespace: NS, ...meta },
  ...rest,
});
const releases = ['member', 'mysub', 'recommend'];
const names = (objs: KubeObject[]) => objs.map((x) => `${x.kind}/${x.metadata.name}`);

describe('foreignObjects', () => {
  const deployment = o('apps/v1', 'Deployment', 'member', { labels: ours, uid: 'd1' });
  const rs = o('apps/v1', 'ReplicaSet', 'member-5f7', { uid: 'r1', ownerReferences: [{ uid: 'd1', kind: 'Deployment', name: 'member' }] });
  const pod = o('v1', 'Pod', 'member-5f7-abc', { ownerReferences: [{ uid: 'r1', kind: 'ReplicaSet', name: 'member-5f7' }] });
  const sts = o('apps/v1', 'StatefulSet', 'member-postgresql', {
    uid: 's1',
    labels: { 'app.kubernetes.io/managed-by': 'Helm', 'app.kubernetes.io/instance': 'member' },
  });
  const dbPod = o('v1', 'Pod', 'member-postgresql-0', { ownerReferences: [{ uid: 's1', kind: 'StatefulSet', name: 'member-postgresql' }] });
  const everythingOurs = [
    deployment,
    rs,
    pod,
    sts,
    dbPod,
    o('v1', 'PersistentVolumeClaim', 'data-member-postgresql-0', {
      labels: { 'app.kubernetes.io/instance': 'member', 'app.kubernetes.io/name': 'postgresql' },
    }),
    o('v1', 'Service', 'mysub-postgresql', { annotations: { 'meta.helm.sh/release-name': 'mysub', 'meta.helm.sh/release-namespace': NS } }),
    o('v1', 'Secret', 'sh.helm.release.v1.member.v1', { labels: { owner: 'helm', name: 'member', status: 'deployed', version: '1' } }),
    o('v1', 'Secret', 'lifesub-credentials', { labels: ours }),
    o('v1', 'ServiceAccount', 'default'),
    o('v1', 'ConfigMap', 'kube-root-ca.crt'),
    o(
      'v1',
      'Secret',
      'default-token-x1',
      { annotations: { 'kubernetes.io/service-account.name': 'default' } },
      { type: 'kubernetes.io/service-account-token' },
    ),
  ];

  test('nothing of lifesub, its releases, their workloads or Kubernetes’ defaults is foreign', () => {
    expect(foreignObjects(everythingOurs, { id: 'alice', namespace: NS, releases })).toEqual([]);
  });

  test('a student’s ConfigMap, Secret and Pod, another ID’s labels, another release, and a pod of a foreign owner are', () => {
    const foreign = [
      o('v1', 'ConfigMap', 'notes'),
      o('v1', 'Secret', 'my-token', { labels: { 'app.kubernetes.io/managed-by': 'lifesub', 'lifesub.io/id': 'bob' } }),
      o('apps/v1', 'Deployment', 'redis', { uid: 'x1', labels: { 'app.kubernetes.io/managed-by': 'Helm', 'app.kubernetes.io/instance': 'redis' } }),
      o('v1', 'Pod', 'redis-0', { ownerReferences: [{ uid: 'x1' }] }),
      o('v1', 'Service', 'x', { annotations: { 'meta.helm.sh/release-name': 'member', 'meta.helm.sh/release-namespace': 'elsewhere' } }),
      o('v1', 'Secret', 'sh.helm.release.v1.redis.v1', { labels: { owner: 'helm', name: 'redis' } }),
      o('v1', 'ServiceAccount', 'builder'),
    ];
    expect(names(foreignObjects([...everythingOurs, ...foreign], { id: 'alice', namespace: NS, releases }))).toEqual(names(foreign));
  });
});

describe('foreign-objects step', () => {
  const step = (force = false, keepData = false) => foreignCheckStep({ force, keepData, releases });

  test('stops with every foreign object named and a hint for --force; nothing deleted', async () => {
    const { ctx, fakes } = makeContext({ facts: { namespacePresent: true } });
    fakes.kube.put(o('v1', 'ConfigMap', 'member-config', { labels: ours }), o('v1', 'ConfigMap', 'notes'), o('v1', 'Secret', 'api-key'));
    const err = (await step()
      .run(ctx)
      .catch((e: unknown) => e)) as ToolError;
    expect(err).toBeInstanceOf(ToolError);
    expect(err.message).toBe(`namespace ${NS} holds 2 object(s) lifesub did not create: ConfigMap/notes, Secret/api-key; nothing was deleted`);
    expect(err.hint).toContain('lifesub down --id alice --force');
    expect(fakes.kube.calls.every((c) => c.startsWith('list '))).toBe(true);
    expect(fakes.kube.all()).toHaveLength(3);
  });

  test('--force names them and lets down go on', async () => {
    const { ctx, fakes, logs } = makeContext({ facts: { namespacePresent: true } });
    fakes.kube.put(o('v1', 'ConfigMap', 'notes'));
    expect(await step(true).run(ctx)).toEqual({ message: '--force: 1 object(s) not created by lifesub will be deleted too' });
    expect(logs.join('\n')).toContain('ConfigMap/notes');
  });

  test('all ours: passes; --keep-data and an absent namespace: skipped without listing', async () => {
    const a = makeContext({ facts: { namespacePresent: true } });
    a.fakes.kube.put(o('v1', 'ConfigMap', 'member-config', { labels: ours }));
    expect((await step().run(a.ctx))?.message).toMatch(/all created by lifesub or Kubernetes/);
    const b = makeContext({ facts: { namespacePresent: true } });
    expect(await step(false, true).run(b.ctx)).toEqual({ skipped: 'only lifesub’s labelled objects are removed (--keep-data)' });
    const c = makeContext({ facts: { namespacePresent: false } });
    expect(await step().run(c.ctx)).toEqual({ skipped: 'namespace absent' });
    expect([...b.fakes.kube.calls, ...c.fakes.kube.calls]).toEqual([]);
  });
});
