import { describe, expect, test } from 'vitest';
import type { HelmInstall } from '../../../src/adapters/types.js';
import { ToolError } from '../../../src/core/errors.js';
import { renderIngressValues, renderPostgresValues } from '../../../src/render/index.js';
import { chartReposStep, databaseStep, ingressStep } from '../../../src/steps/index.js';
import { partial } from '../../fakes/adapters.js';
import { makeContext } from '../../fakes/context.js';

describe('chart-repos', () => {
  test('adds both repositories, then updates them once when a pinned chart version is not in the local index', async () => {
    const { ctx, fakes } = makeContext();
    fakes.helm.script.expect('list', ['ingress-basic']).returns([]);
    fakes.helm.script.expect('list', ['alice-lifesub-ns']).returns([]);
    fakes.helm.script.expect('repoAdd', ['ingress-nginx', 'https://kubernetes.github.io/ingress-nginx']);
    fakes.helm.script.expect('repoAdd', ['bitnami', 'https://charts.bitnami.com/bitnami']);
    fakes.helm.script.expect('chartVersionKnown', ['ingress-nginx/ingress-nginx', '4.12.1']).returns(true);
    fakes.helm.script.expect('chartVersionKnown', ['bitnami/postgresql', '14.3.2']).returns(false);
    fakes.helm.script.expect('repoUpdate', [['ingress-nginx', 'bitnami']]);
    await chartReposStep.run(ctx);
    expect(fakes.helm.script.calls.map((c) => c.method)).toEqual([
      'list',
      'list',
      'repoAdd',
      'repoAdd',
      'chartVersionKnown',
      'chartVersionKnown',
      'repoUpdate',
    ]);
    fakes.verify();
  });

  test('does not update the indexes when both pinned chart versions are already known', async () => {
    const { ctx, fakes } = makeContext();
    fakes.helm.script.expect('list').returns([]).times(2);
    fakes.helm.script.expect('repoAdd').times(2);
    fakes.helm.script.expect('chartVersionKnown').returns(true).times(2);
    await chartReposStep.run(ctx);
    expect(fakes.helm.script.calls.map((c) => c.method)).not.toContain('repoUpdate');
    fakes.verify();
  });

  test('needs no repository when every release is deployed (the databases at the pinned chart); the steps reuse what it saw', async () => {
    const { ctx, fakes } = makeContext();
    const release = (name: string, namespace: string, chart: string) => ({ name, namespace, chart, status: 'deployed', revision: 1 });
    fakes.helm.script.expect('list', ['ingress-basic']).returns([release('ingress-nginx', 'ingress-basic', 'ingress-nginx-4.10.0')]);
    fakes.helm.script
      .expect('list', ['alice-lifesub-ns'])
      .returns(['member', 'mysub', 'recommend'].map((d) => release(d, 'alice-lifesub-ns', 'postgresql-14.3.2')));
    expect(await chartReposStep.run(ctx)).toEqual({ skipped: 'every release is deployed; no chart needed' });
    expect(await ingressStep.run(ctx)).toEqual({ skipped: 'already installed (ingress-nginx-4.10.0; shared; left unchanged)' });
    expect(await databaseStep(ctx.settings.config.services[0]!).run(ctx)).toEqual({ skipped: 'already installed (postgresql-14.3.2)' });
    expect(fakes.helm.script.calls.map((c) => c.method)).toEqual(['list', 'list']);
    fakes.verify();
  });

  test('a database at another chart version needs the bitnami repository, not the deployed controller’s', async () => {
    const { ctx, fakes } = makeContext();
    const release = (name: string, namespace: string, chart: string) => ({ name, namespace, chart, status: 'deployed', revision: 1 });
    fakes.helm.script.expect('list', ['ingress-basic']).returns([release('ingress-nginx', 'ingress-basic', 'ingress-nginx-4.12.1')]);
    fakes.helm.script.expect('list', ['alice-lifesub-ns']).returns([release('member', 'alice-lifesub-ns', 'postgresql-13.0.0')]);
    fakes.helm.script.expect('repoAdd', ['bitnami', 'https://charts.bitnami.com/bitnami']);
    fakes.helm.script.expect('chartVersionKnown', ['bitnami/postgresql', '14.3.2']).returns(false);
    fakes.helm.script.expect('repoUpdate', [['bitnami']]);
    expect(await chartReposStep.run(ctx)).toEqual({ message: 'bitnami (index updated)' });
    expect(fakes.helm.script.calls.map((c) => c.method)).toEqual(['list', 'list', 'repoAdd', 'chartVersionKnown', 'repoUpdate']);
    fakes.verify();
  });

  test('a helm failure propagates', async () => {
    const { ctx, fakes } = makeContext();
    fakes.helm.script.expect('list').returns([]).times(2);
    fakes.helm.script.expect('repoAdd').throws(new ToolError('helm repo add failed'));
    await expect(chartReposStep.run(ctx)).rejects.toThrow('helm repo add failed');
  });
});

describe('ingress', () => {
  test('is skipped when a deployed release exists, whoever installed it (the controller is shared)', async () => {
    const { ctx, fakes } = makeContext();
    fakes.helm.script
      .expect('status', ['ingress-nginx', 'ingress-basic'])
      .returns({ name: 'ingress-nginx', namespace: 'ingress-basic', status: 'deployed', chart: 'ingress-nginx-4.10.0', revision: 3 });
    const outcome = await ingressStep.run(ctx);
    expect(outcome).toEqual({ skipped: 'already installed (ingress-nginx-4.10.0; shared; left unchanged)' });
    expect(fakes.kube.calls).toEqual(['get IngressClass nginx']);
    fakes.verify();
  });

  test('installs the pinned chart with the rendered values and a labelled namespace when absent', async () => {
    const { ctx, fakes } = makeContext();
    fakes.helm.script.expect('status', ['ingress-nginx', 'ingress-basic']).returns(undefined);
    fakes.helm.script.expect('upgradeInstall');
    expect(await ingressStep.run(ctx)).toEqual({ message: 'installed ingress-nginx 4.12.1 in ingress-basic' });
    const [install] = fakes.helm.script.argsOf('upgradeInstall')[0] as [HelmInstall];
    expect(install).toMatchObject({
      release: 'ingress-nginx',
      chart: 'ingress-nginx/ingress-nginx',
      version: '4.12.1',
      namespace: 'ingress-basic',
      createNamespace: true,
      values: renderIngressValues(ctx.settings),
      labels: { 'lifesub.io/installed-by': 'lifesub' },
    });
    expect(install.timeoutMs).toBeGreaterThan(0);
    expect(fakes.kube.calls).toEqual(['get IngressClass nginx', 'create Namespace ingress-basic']);
    expect(fakes.kube.find('Namespace', 'ingress-basic')?.metadata.labels).toMatchObject({ 'lifesub.io/installed-by': 'lifesub' });
    fakes.verify();
  });

  test('an existing ingress-basic namespace is not relabelled', async () => {
    const { ctx, fakes } = makeContext();
    fakes.kube.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ingress-basic' } });
    fakes.helm.script.expect('status').returns(undefined);
    fakes.helm.script.expect('upgradeInstall');
    await ingressStep.run(ctx);
    expect(fakes.kube.find('Namespace', 'ingress-basic')?.metadata.labels).toBeUndefined();
    fakes.verify();
  });

  test('an install failure propagates', async () => {
    const { ctx, fakes } = makeContext();
    fakes.helm.script.expect('status').returns(undefined);
    fakes.helm.script.expect('upgradeInstall').throws(new ToolError('helm upgrade failed'));
    await expect(ingressStep.run(ctx)).rejects.toThrow('helm upgrade failed');
  });
});

describe('database', () => {
  const member = () => makeContext().settings.config.services.find((s) => s.name === 'member')!;

  test('is skipped when deployed at the pinned version (a re-run does not touch the cluster)', async () => {
    const { ctx, fakes } = makeContext();
    fakes.helm.script
      .expect('status', ['member', 'alice-lifesub-ns'])
      .returns({ name: 'member', namespace: 'alice-lifesub-ns', status: 'deployed', chart: 'postgresql-14.3.2', revision: 1 });
    expect(await databaseStep(member()).run(ctx)).toEqual({ skipped: 'already installed (postgresql-14.3.2)' });
    expect(fakes.kube.calls).toEqual([]);
    fakes.verify();
  });

  test('installs bitnami/postgresql pinned, values without passwords, labelled with the ID', async () => {
    const { ctx, fakes } = makeContext();
    fakes.helm.script.expect('status', ['member', 'alice-lifesub-ns']).returns(undefined);
    fakes.helm.script.expect('upgradeInstall', [
      partial({
        release: 'member',
        chart: 'bitnami/postgresql',
        version: '14.3.2',
        namespace: 'alice-lifesub-ns',
        values: renderPostgresValues(ctx.settings, 'member'),
        labels: { 'lifesub.io/id': 'alice' },
      }),
    ]);
    const step = databaseStep(member());
    expect(step.name).toBe('database:member');
    expect(await step.run(ctx)).toEqual({ message: 'member (postgresql-14.3.2)' });
    fakes.verify();
  });

  test('upgrades a release at another version or in a failed state', async () => {
    for (const current of [
      { status: 'deployed', chart: 'postgresql-13.0.0' },
      { status: 'failed', chart: 'postgresql-14.3.2' },
    ]) {
      const { ctx, fakes } = makeContext();
      fakes.helm.script.expect('status').returns({ name: 'member', namespace: 'alice-lifesub-ns', revision: 1, ...current });
      fakes.helm.script.expect('upgradeInstall', [partial({ release: 'member', version: '14.3.2' })]);
      expect((await databaseStep(member()).run(ctx))?.skipped).toBeUndefined();
      fakes.verify();
    }
  });

  test('a helm failure propagates', async () => {
    const { ctx, fakes } = makeContext();
    fakes.helm.script.expect('status').throws(new ToolError('helm status failed'));
    await expect(databaseStep(member()).run(ctx)).rejects.toThrow('helm status failed');
  });
});
