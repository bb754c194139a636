// Real Helm 3.17 and 4.1 against the sandbox: lifesub's own Helm adapter (every argv it sends) and the
// stand-in charts, served by the sandbox's chart repository, installed on the simulated API server.
// Whatever real helm refuses here it would refuse on AKS too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HelmCli } from '../../src/adapters/helm.js';
import { ExecaRunner } from '../../src/adapters/exec.js';
import { resolveSettings } from '../../src/config/load.js';
import { renderIngressValues, renderPostgresValues } from '../../src/render/values.js';
import { startOwnedSandbox, type OwnedSandbox } from '../../src/sandbox/start.js';
import { HELMS, helmPath } from '../support/helm.js';
import { get, list, objectApi } from './helpers/cluster.js';

const settings = resolveSettings({ id: 'fid' });
const ns = settings.namespace;
const signal = new AbortController().signal;
const INGRESS_NS = settings.config.ingress.namespace;

describe.each(HELMS)('$name: lifesub Helm adapter and stand-in charts on the sandbox', (h) => {
  let home: string;
  let sb: OwnedSandbox;
  let runner: ExecaRunner;
  let bin: string;
  let helm: HelmCli;

  /** helm itself, for what lifesub never runs (history, status, --wait). */
  const raw = async (args: string[], input?: string) =>
    (await runner.run(bin, [...args, '--kubeconfig', sb.kubeconfig], { signal, input, timeoutMs: 120_000 })).stdout;

  beforeAll(async () => {
    bin = await helmPath(h);
    home = mkdtempSync(join(tmpdir(), `lifesub-helm${h.major}-`));
    sb = await startOwnedSandbox({ home, profile: 'fast', registries: [] });
    runner = new ExecaRunner({ env: sb.toolEnv });
    helm = new HelmCli(runner, { kubeconfig: sb.kubeconfig, context: sb.context, binary: async () => bin });
  }, 60_000);

  afterAll(async () => {
    await sb?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it('is the helm major under test', async () => {
    expect(await raw(['version', '--template', '{{.Version}}'])).toMatch(new RegExp(`^v${h.major}\\.`));
  });

  it('repo add (twice), update and list: the sandbox serves both repositories', async () => {
    for (let i = 0; i < 2; i++) {
      await helm.repoAdd('ingress-nginx', `${sb.charts}/ingress-nginx`, { signal });
      await helm.repoAdd('bitnami', `${sb.charts}/bitnami`, { signal });
    }
    await helm.repoUpdate(['ingress-nginx', 'bitnami'], { signal });
    const repos = JSON.parse(await raw(['repo', 'list', '-o', 'json'])) as Array<{ name: string; url: string }>;
    expect(repos.map((r) => r.name).sort()).toEqual(['bitnami', 'ingress-nginx']);
    const found = JSON.parse(await raw(['search', 'repo', '-o', 'json', '--versions'])) as Array<{ name: string; version: string }>;
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'ingress-nginx/ingress-nginx', version: settings.config.ingress.version }),
        expect.objectContaining({ name: 'bitnami/postgresql', version: settings.config.postgres.version }),
      ]),
    );
  });

  it('an unknown chart version fails in helm, as with the real repository', async () => {
    const install = helm.upgradeInstall(
      { release: 'nope', chart: 'ingress-nginx/ingress-nginx', version: '0.0.1', namespace: 'nope', createNamespace: true, values: '{}', timeoutMs: 30_000 },
      { signal },
    );
    await expect(install).rejects.toMatchObject({ details: expect.stringMatching(/chart "ingress-nginx" matching 0\.0\.1 not found/) });
  });

  it('installs ingress-nginx: every kind and name of the upstream chart, hooks run and are deleted', { timeout: 90_000 }, async () => {
    const { ingress } = settings.config;
    await helm.upgradeInstall(
      {
        release: ingress.release,
        chart: ingress.chart,
        version: ingress.version,
        namespace: INGRESS_NS,
        createNamespace: true,
        values: renderIngressValues(settings),
        timeoutMs: 60_000,
        labels: { 'lifesub.io/installed-by': 'lifesub' },
      },
      { signal },
    );
    const release = await helm.status(ingress.release, INGRESS_NS, { signal });
    expect(release).toMatchObject({ name: 'ingress-nginx', namespace: INGRESS_NS, status: 'deployed', revision: 1, chart: 'ingress-nginx-4.12.1' });

    const api = objectApi(sb.kubeconfig);
    const svc = await get(api, 'v1', 'Service', 'ingress-nginx-controller', INGRESS_NS);
    expect((svc?.spec as { type?: string }).type).toBe('LoadBalancer');
    expect(await get(api, 'networking.k8s.io/v1', 'IngressClass', 'nginx')).toMatchObject({ spec: { controller: 'k8s.io/ingress-nginx' } });
    for (const [apiVersion, kind, name, namespace] of [
      ['v1', 'ServiceAccount', 'ingress-nginx', INGRESS_NS],
      ['v1', 'ConfigMap', 'ingress-nginx-controller', INGRESS_NS],
      ['v1', 'Service', 'ingress-nginx-controller-admission', INGRESS_NS],
      ['apps/v1', 'Deployment', 'ingress-nginx-controller', INGRESS_NS],
      ['rbac.authorization.k8s.io/v1', 'ClusterRole', 'ingress-nginx', undefined],
      ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'ingress-nginx', undefined],
      ['rbac.authorization.k8s.io/v1', 'Role', 'ingress-nginx', INGRESS_NS],
      ['rbac.authorization.k8s.io/v1', 'RoleBinding', 'ingress-nginx', INGRESS_NS],
      ['admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', 'ingress-nginx-admission', undefined],
    ] as const) {
      const o = await get(api, apiVersion, kind, name, namespace);
      expect(o, `${kind} ${name}`).toBeDefined();
      expect(o!.metadata.annotations ?? {}, `${kind} ${name} is owned by the release`).toMatchObject({ 'meta.helm.sh/release-name': 'ingress-nginx' });
      expect(o!.metadata.labels ?? {}).toMatchObject({ 'app.kubernetes.io/managed-by': 'Helm', 'helm.sh/chart': 'ingress-nginx-4.12.1' });
    }
    // hook-delete-policy hook-succeeded: the Jobs ran to completion and helm deleted them.
    expect((await list(api, 'batch/v1', 'Job', INGRESS_NS)).map((j) => j.metadata.name)).toEqual([]);
  });

  it('a second ingress-nginx release cannot adopt IngressClass nginx: helm refuses the ownership', async () => {
    const { ingress } = settings.config;
    const second = helm.upgradeInstall(
      {
        release: 'other-nginx',
        chart: ingress.chart,
        version: ingress.version,
        namespace: 'other-ingress',
        createNamespace: true,
        values: renderIngressValues(settings),
        timeoutMs: 60_000,
      },
      { signal },
    );
    await expect(second).rejects.toMatchObject({
      details: expect.stringMatching(/IngressClass "nginx".*exists and cannot be imported|invalid ownership metadata/s),
    });
    // Refused while checking ownership, before any release record is written.
    expect(await helm.status('other-nginx', 'other-ingress', { signal })).toBeUndefined();
    const api = objectApi(sb.kubeconfig);
    expect((await get(api, 'networking.k8s.io/v1', 'IngressClass', 'nginx'))?.metadata.annotations).toMatchObject({
      'meta.helm.sh/release-name': 'ingress-nginx',
    });
  }, 90_000);

  it('a database whose existingSecret is missing still installs (deployed); its pod waits in CreateContainerConfigError', async () => {
    const { postgres } = settings.config;
    await helm.upgradeInstall(
      {
        release: 'recommend',
        chart: postgres.chart,
        version: postgres.version,
        namespace: 'nosecret',
        createNamespace: true,
        values: renderPostgresValues(settings, 'recommend'),
        timeoutMs: 60_000,
      },
      { signal },
    );
    expect(await helm.status('recommend', 'nosecret', { signal })).toMatchObject({ status: 'deployed' });
    const api = objectApi(sb.kubeconfig);
    let reason: string | undefined;
    // The pod passes through ContainerCreating first (the kubelet has not read the Secret yet).
    const settled = (r: string | undefined): boolean => r !== undefined && r !== 'ContainerCreating';
    try {
      for (let i = 0; i < 300 && !settled(reason); i++) {
        const pod = await get(api, 'v1', 'Pod', 'recommend-postgresql-0', 'nosecret');
        const statuses = (pod?.status as { containerStatuses?: Array<{ state?: { waiting?: { reason?: string } } }> } | undefined)?.containerStatuses;
        reason = statuses?.[0]?.state?.waiting?.reason;
        if (!settled(reason)) await new Promise((r) => setTimeout(r, 100));
      }
      expect(reason).toBe('CreateContainerConfigError');
    } finally {
      expect(await helm.uninstall('recommend', 'nosecret', { signal })).toBe(true);
    }
  }, 90_000);

  it('installs a database with --wait: StatefulSet, Services, NetworkPolicy; no Secret with existingSecret', { timeout: 90_000 }, async () => {
    const api = objectApi(sb.kubeconfig);
    await api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    await api.create({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'lifesub-credentials', namespace: ns },
      stringData: { 'postgres-password': 'admin-secret', 'member-password': 'member-secret' },
    } as never);
    const { postgres } = settings.config;
    const values = renderPostgresValues(settings, 'member');
    await raw(
      ['upgrade', '--install', 'member', postgres.chart, '--version', postgres.version, '-n', ns, '--values', '-', '--wait', '--timeout', '60s'],
      values,
    );

    const sts = await get(api, 'apps/v1', 'StatefulSet', 'member-postgresql', ns);
    const spec = sts?.spec as {
      serviceName: string;
      volumeClaimTemplates: Array<{ metadata: { name: string } }>;
      template: { spec: { containers: Array<{ env: Array<{ name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }> }> } };
    };
    expect(spec.serviceName).toBe('member-postgresql-hl');
    expect(spec.volumeClaimTemplates.map((t) => t.metadata.name)).toEqual(['data']);
    const env = Object.fromEntries(spec.template.spec.containers[0]!.env.map((e) => [e.name, e.value ?? e.valueFrom?.secretKeyRef]));
    expect(env).toMatchObject({
      POSTGRES_USER: 'admin',
      POSTGRES_PASSWORD: { name: 'lifesub-credentials', key: 'member-password' },
      POSTGRES_POSTGRES_PASSWORD: { name: 'lifesub-credentials', key: 'postgres-password' },
      POSTGRES_DATABASE: 'member',
      PGDATA: '/bitnami/postgresql/data',
      POSTGRESQL_PORT_NUMBER: '5432',
    });
    expect(sts!.metadata.labels).toMatchObject({
      'app.kubernetes.io/name': 'postgresql',
      'app.kubernetes.io/instance': 'member',
      'app.kubernetes.io/component': 'primary',
      'app.kubernetes.io/managed-by': 'Helm',
      'helm.sh/chart': 'postgresql-14.3.2',
      'lifesub.io/id': 'fid',
    });
    for (const name of ['member-postgresql', 'member-postgresql-hl']) expect(await get(api, 'v1', 'Service', name, ns), name).toBeDefined();
    expect(await get(api, 'networking.k8s.io/v1', 'NetworkPolicy', 'member-postgresql', ns)).toBeDefined();
    expect(await get(api, 'v1', 'ServiceAccount', 'member-postgresql', ns)).toBeDefined();
    expect(await get(api, 'v1', 'Secret', 'member-postgresql', ns), 'no chart Secret next to existingSecret').toBeUndefined();
  });

  it('upgrade through the adapter makes revision 2; list, status and history agree', async () => {
    const { postgres } = settings.config;
    await helm.upgradeInstall(
      {
        release: 'member',
        chart: postgres.chart,
        version: postgres.version,
        namespace: ns,
        values: renderPostgresValues(settings, 'member'),
        timeoutMs: 60_000,
      },
      { signal },
    );
    expect(await helm.status('member', ns, { signal })).toMatchObject({ status: 'deployed', revision: 2, chart: 'postgresql-14.3.2' });
    const all = await helm.list(undefined, { signal });
    expect(all.map((r) => `${r.namespace}/${r.name}`).sort()).toEqual([`${INGRESS_NS}/ingress-nginx`, `${ns}/member`].sort());
    expect(all.every((r) => typeof r.updatedMs === 'number')).toBe(true);
    expect((await helm.list(ns, { signal })).map((r) => r.name)).toEqual(['member']);
    const status = JSON.parse(await raw(['status', 'member', '-n', ns, '-o', 'json'])) as { version: number; info: { status: string } };
    expect(status).toMatchObject({ version: 2, info: { status: 'deployed' } });
    const history = JSON.parse(await raw(['history', 'member', '-n', ns, '-o', 'json'])) as Array<{ revision: number; status: string }>;
    expect(history.map((r) => [r.revision, r.status])).toEqual([
      [1, 'superseded'],
      [2, 'deployed'],
    ]);
  });

  it('uninstall --wait removes the release and its objects but keeps the data PVC; a second one says not found', async () => {
    const api = objectApi(sb.kubeconfig);
    expect(await helm.uninstall('member', ns, { signal })).toBe(true);
    expect(await helm.status('member', ns, { signal })).toBeUndefined();
    expect(await get(api, 'apps/v1', 'StatefulSet', 'member-postgresql', ns)).toBeUndefined();
    expect(await get(api, 'v1', 'PersistentVolumeClaim', 'data-member-postgresql-0', ns)).toBeDefined();
    expect(await helm.uninstall('member', ns, { signal })).toBe(false);
  });
});
