import { describe, expect, test } from 'vitest';
import type { KubeObject } from '../../../src/adapters/types.js';
import { ToolError, UserError } from '../../../src/core/errors.js';
import { guardStep, removeIngressStep, removeNamespaceStep, uninstallStep } from '../../../src/steps/index.js';
import { makeContext, testSettings } from '../../fakes/context.js';

const NS = 'alice-lifesub-ns';
const ours = { 'app.kubernetes.io/managed-by': 'lifesub', 'lifesub.io/id': 'alice' };
const namespace = (name: string, labels?: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, ...(labels ? { labels } : {}) },
});
const obj = (apiVersion: string, kind: string, name: string, labels: Record<string, string> = ours): KubeObject => ({
  apiVersion,
  kind,
  metadata: { name, namespace: NS, labels },
});
const services = testSettings().config.services;

describe('guard', () => {
  test('lets a namespace lifesub created for this ID through', async () => {
    const { ctx, fakes } = makeContext();
    fakes.kube.put(namespace(NS, ours));
    expect(await guardStep.run(ctx)).toEqual({ message: `${NS} belongs to id alice` });
    expect(ctx.facts.namespacePresent).toBe(true);
    expect(fakes.kube.calls).toEqual([`get Namespace ${NS}`]);
  });

  test('an absent namespace means nothing to remove', async () => {
    const { ctx } = makeContext();
    expect(await guardStep.run(ctx)).toEqual({ skipped: `nothing to remove: namespace ${NS} does not exist` });
    expect(ctx.facts.namespacePresent).toBe(false);
  });

  test.each([
    ['no labels', undefined],
    ['only managed-by', { 'app.kubernetes.io/managed-by': 'lifesub' }],
    ['another id', { ...ours, 'lifesub.io/id': 'bob' }],
  ])('refuses a namespace with %s', async (_, labels) => {
    const { ctx, fakes } = makeContext();
    fakes.kube.put(namespace(NS, labels));
    const err = (await guardStep.run(ctx).catch((e: unknown) => e)) as UserError;
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe(`refusing: namespace ${NS} was not created by lifesub for id alice`);
    expect(err.hint).toBeTruthy();
  });

  test.each(['kube-system', 'kube-public', 'kube-node-lease', 'default', 'ingress-basic'])(
    'refuses the protected namespace %s without asking the cluster',
    async (name) => {
      const { ctx, fakes } = makeContext({ settings: { namespace: name } });
      fakes.kube.put(namespace(name, ours));
      const err = await guardStep.run(ctx).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UserError);
      expect((err as Error).message).toContain(`refusing: namespace ${name}`);
      expect(fakes.kube.calls).toEqual([]);
    },
  );
});

describe('uninstall', () => {
  const member = services.find((s) => s.name === 'member')!;

  test('uninstalls the database release', async () => {
    const { ctx, fakes } = makeContext({ facts: { namespacePresent: true } });
    fakes.helm.script.expect('uninstall', ['member', NS]).returns(true);
    const step = uninstallStep(member);
    expect(step.name).toBe('uninstall:member');
    expect(await step.run(ctx)).toEqual({ message: 'release member removed' });
    fakes.verify();
  });

  test('skipped when the release is absent, or the namespace is', async () => {
    const a = makeContext({ facts: { namespacePresent: true } });
    a.fakes.helm.script.expect('uninstall').returns(false);
    expect(await uninstallStep(member).run(a.ctx)).toEqual({ skipped: 'release member not installed' });
    const b = makeContext({ facts: { namespacePresent: false } });
    expect(await uninstallStep(member).run(b.ctx)).toEqual({ skipped: 'namespace absent' });
    b.fakes.verify();
  });

  test('a helm failure propagates', async () => {
    const { ctx, fakes } = makeContext({ facts: { namespacePresent: true } });
    fakes.helm.script.expect('uninstall').throws(new ToolError('helm uninstall timed out'));
    await expect(uninstallStep(member).run(ctx)).rejects.toThrow('helm uninstall timed out');
  });
});

describe('remove-namespace', () => {
  function populated() {
    const t = makeContext({ facts: { namespacePresent: true } });
    t.fakes.kube.put(
      namespace(NS, ours),
      obj('apps/v1', 'Deployment', 'member'),
      obj('v1', 'Service', 'member'),
      obj('networking.k8s.io/v1', 'Ingress', 'backend-ingress'),
      obj('v1', 'ConfigMap', 'common-config'),
      obj('v1', 'Secret', 'member-secret'),
      obj('v1', 'Secret', 'lifesub-registry'),
      obj('v1', 'Secret', 'lifesub-credentials'),
      obj('v1', 'PersistentVolumeClaim', 'data-member-postgresql-0'),
      obj('v1', 'ConfigMap', 'kube-root-ca.crt', {}),
    );
    return t;
  }

  test('deletes the namespace and waits until it is gone', async () => {
    const { ctx, fakes } = populated();
    expect(await removeNamespaceStep({ keepData: false, services }).run(ctx)).toEqual({ message: `namespace ${NS} removed` });
    expect(fakes.kube.calls).toEqual([`delete Namespace ${NS}`, `waitFor Namespace ${NS}`]);
    expect(fakes.kube.all()).toEqual([]);
  });

  test('times out naming the namespace when it hangs in Terminating', async () => {
    const { ctx, fakes } = populated();
    fakes.kube.waitLimitMs = 10;
    fakes.kube.delete = async () => true; // the API accepts the delete but the namespace stays
    const err = (await removeNamespaceStep({ keepData: false, services })
      .run(ctx)
      .catch((e: unknown) => e)) as ToolError;
    expect(err.message).toContain(`deletion of namespace ${NS}`);
  });

  test('keep-data keeps the namespace, PVCs and lifesub-credentials, removes the rest lifesub labelled', async () => {
    const { ctx, fakes } = populated();
    const outcome = await removeNamespaceStep({ keepData: true, services }).run(ctx);
    expect(outcome?.message).toMatch(/^removed 6 objects; kept namespace/);
    const left = fakes.kube
      .all()
      .map((o) => `${o.kind} ${o.metadata.name}`)
      .sort();
    expect(left).toEqual([
      'ConfigMap kube-root-ca.crt',
      'Namespace alice-lifesub-ns',
      'PersistentVolumeClaim data-member-postgresql-0',
      'Secret lifesub-credentials',
    ]);
    expect(fakes.kube.calls.filter((c) => c.startsWith('list'))).toEqual([
      `list Ingress ${NS} lifesub.io/id=alice`,
      `list Deployment ${NS} lifesub.io/id=alice`,
      `list StatefulSet ${NS} lifesub.io/id=alice`,
      `list Service ${NS} lifesub.io/id=alice`,
      `list ConfigMap ${NS} lifesub.io/id=alice`,
      `list Secret ${NS} lifesub.io/id=alice`,
    ]);
    expect(fakes.kube.calls.some((c) => c.includes('delete Namespace') || c.includes('PersistentVolumeClaim') || c.includes('lifesub-credentials'))).toBe(
      false,
    );
  });

  test('skipped when the namespace was absent', async () => {
    const { ctx, fakes } = makeContext({ facts: { namespacePresent: false } });
    expect(await removeNamespaceStep({ keepData: false, services }).run(ctx)).toEqual({ skipped: 'namespace absent' });
    expect(fakes.kube.calls).toEqual([]);
  });

  test('a delete failure propagates', async () => {
    const { ctx, fakes } = populated();
    fakes.kube.failOn('delete', new ToolError('forbidden'));
    await expect(removeNamespaceStep({ keepData: true, services }).run(ctx)).rejects.toThrow('forbidden');
  });
});

describe('remove-ingress', () => {
  const controller = (labels?: Record<string, string>): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'ingress-nginx-controller', namespace: 'ingress-basic', ...(labels ? { labels } : {}) },
  });
  const installed = { 'lifesub.io/installed-by': 'lifesub' };

  test('skipped while another *-lifesub-ns namespace still uses it', async () => {
    const { ctx, fakes } = makeContext();
    fakes.kube.put(
      namespace('bob-lifesub-ns'),
      namespace('carol-lifesub-ns'),
      namespace(NS),
      namespace('kube-system'),
      namespace('ingress-basic', installed),
      controller(installed),
    );
    expect(await removeIngressStep.run(ctx)).toEqual({ skipped: 'still used by bob-lifesub-ns, carol-lifesub-ns' });
    expect(fakes.kube.calls).toEqual(['list Namespace']);
    fakes.verify();
  });

  test.each([
    [{ ingressClassName: 'nginx' }, undefined],
    [{}, { 'kubernetes.io/ingress.class': 'nginx' }],
  ])('skipped while anyone else’s Ingress of class nginx exists (spec %j, annotations %j)', async (spec, annotations) => {
    const { ctx, fakes } = makeContext();
    fakes.kube.put(namespace('ingress-basic', installed), controller(installed), namespace(NS, ours), namespace('team-x'));
    fakes.kube.put({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'shop', namespace: 'team-x', ...(annotations ? { annotations } : {}) },
      spec,
    });
    fakes.kube.put({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'other', namespace: 'team-y' },
      spec: { ingressClassName: 'traefik' },
    });
    expect(await removeIngressStep.run(ctx)).toEqual({ skipped: 'still used by Ingress team-x/shop' });
    expect(fakes.kube.calls).toEqual(['list Namespace', 'list Ingress']);
    fakes.verify();
  });

  test('skipped when lifesub did not install the controller', async () => {
    const { ctx, fakes } = makeContext();
    fakes.kube.put(namespace('ingress-basic'), controller({ 'app.kubernetes.io/name': 'ingress-nginx' }));
    expect(await removeIngressStep.run(ctx)).toEqual({ skipped: 'not installed by lifesub; left alone' });
    fakes.verify();
  });

  test('uninstalls it and deletes its namespace when both are lifesub-labelled and nobody else is left', async () => {
    const { ctx, fakes } = makeContext();
    // Ours (being removed) and one already terminating do not count as users.
    const terminating = { ...namespace('eve-lifesub-ns'), metadata: { name: 'eve-lifesub-ns', deletionTimestamp: '2026-01-01T00:00:00Z' } };
    fakes.kube.put(namespace('ingress-basic', installed), controller(installed), namespace(NS, ours), terminating);
    fakes.helm.script.expect('uninstall', ['ingress-nginx', 'ingress-basic']).returns(true);
    // An Ingress of class nginx in our own (departing) namespace does not keep the controller.
    fakes.kube.put({ ...obj('networking.k8s.io/v1', 'Ingress', 'lifesub'), spec: { ingressClassName: 'nginx' } });
    expect(fakes.kube.calls).toEqual([]);
    expect(await removeIngressStep.run(ctx)).toEqual({ message: 'ingress-nginx and namespace ingress-basic removed' });
    expect(fakes.kube.calls).toEqual([
      'list Namespace',
      'list Ingress',
      'get Deployment ingress-basic/ingress-nginx-controller',
      'get Namespace ingress-basic',
      'delete Namespace ingress-basic',
      'waitFor Namespace ingress-basic',
    ]);
    fakes.verify();
  });

  test('keeps a namespace lifesub did not create', async () => {
    const { ctx, fakes } = makeContext();
    fakes.kube.put(namespace('ingress-basic'), controller(installed));
    fakes.helm.script.expect('uninstall').returns(true);
    expect((await removeIngressStep.run(ctx))?.message).toContain('kept');
    expect(fakes.kube.find('Namespace', 'ingress-basic')).toBeDefined();
    fakes.verify();
  });

  test('a helm failure propagates', async () => {
    const { ctx, fakes } = makeContext();
    fakes.kube.put(namespace('ingress-basic', installed), controller(installed));
    fakes.helm.script.expect('uninstall').throws(new ToolError('helm uninstall failed'));
    await expect(removeIngressStep.run(ctx)).rejects.toThrow('helm uninstall failed');
  });
});
