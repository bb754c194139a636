import { describe, expect, test } from 'vitest';
import { ALL_STATES, HelmCli } from '../../../src/adapters/helm.js';
import { ToolError, UserError } from '../../../src/core/errors.js';
import { ScriptedRunner, toolFailure } from '../../fakes/runner.js';

const signal = new AbortController().signal;
const cluster = ['--kubeconfig', '/home/u/.kube/config', '--kube-context', 'aks-dev'];
const opts = { kubeconfig: '/home/u/.kube/config', context: 'aks-dev' };

describe('HelmCli', () => {
  test('repo add / repo update carry the cluster flags; with no repositories yet, repo add adds it', async () => {
    const runner = new ScriptedRunner([
      { file: 'helm', args: ['repo', 'list', '-o', 'json', ...cluster], error: toolFailure('helm', ['repo', 'list'], 'Error: no repositories to show') },
      { file: 'helm', args: ['repo', 'add', 'bitnami', 'https://charts.bitnami.com/bitnami', ...cluster] },
      { file: 'helm', args: ['repo', 'update', 'bitnami', 'ingress-nginx', ...cluster] },
    ]);
    const helm = new HelmCli(runner, opts);
    await helm.repoAdd('bitnami', 'https://charts.bitnami.com/bitnami', { signal });
    await helm.repoUpdate(['bitnami', 'ingress-nginx'], { signal });
    runner.assertDone();
  });

  test("queries whose output lifesub parses (repo list, search, list) stream nothing to the user's progress", async () => {
    const list = '[{"name":"bitnami","url":"https://charts.bitnami.com/bitnami"}]';
    const runner = new ScriptedRunner([
      { file: 'helm', args: ['repo', 'list', '-o', 'json', ...cluster], lines: [list], result: { stdout: list, stderr: '' } },
      {
        file: 'helm',
        args: ['search', 'repo', 'bitnami/postgresql', '--version', '14.3.2', '-o', 'json', ...cluster],
        lines: ['[]'],
        result: { stdout: '[]', stderr: '' },
      },
      { file: 'helm', args: ['list', '-n', 'ns', ...ALL_STATES, '-o', 'json', ...cluster], lines: ['[]'], result: { stdout: '[]', stderr: '' } },
    ]);
    const seen: string[] = [];
    const helm = new HelmCli(runner, opts);
    await helm.repoAdd('bitnami', 'https://charts.bitnami.com/bitnami', { signal, onLine: (l) => seen.push(l) });
    await helm.chartVersionKnown('bitnami/postgresql', '14.3.2', { signal, onLine: (l) => seen.push(l) });
    await helm.list('ns', { signal, onLine: (l) => seen.push(l) });
    runner.assertDone();
    // Only a command that changes something reports its lines.
    const added = new ScriptedRunner([
      { file: 'helm', args: ['repo', 'list', '-o', 'json', ...cluster], lines: ['[]'], result: { stdout: '[]', stderr: '' } },
      {
        file: 'helm',
        args: ['repo', 'add', 'ingress-nginx', 'https://kubernetes.github.io/ingress-nginx', ...cluster],
        lines: ['"ingress-nginx" has been added'],
      },
    ]);
    await new HelmCli(added, opts).repoAdd('ingress-nginx', 'https://kubernetes.github.io/ingress-nginx', { signal, onLine: (l) => seen.push(l) });
    expect(seen).toEqual(['"ingress-nginx" has been added']);
    added.assertDone();
  });

  test('chartVersionKnown: helm search repo, matching the exact chart name and version (the keyword is a substring)', async () => {
    const search = ['search', 'repo', 'bitnami/postgresql', '--version', '14.3.2', '-o', 'json', ...cluster];
    const only = (hits: unknown[]) => new ScriptedRunner([{ file: 'helm', args: search, result: { stdout: JSON.stringify(hits), stderr: '' } }]);
    expect(
      await new HelmCli(only([{ name: 'bitnami/postgresql', version: '14.3.2' }]), opts).chartVersionKnown('bitnami/postgresql', '14.3.2', { signal }),
    ).toBe(true);
    expect(
      await new HelmCli(only([{ name: 'bitnami/postgresql-ha', version: '14.3.2' }]), opts).chartVersionKnown('bitnami/postgresql', '14.3.2', { signal }),
    ).toBe(false);
    expect(await new HelmCli(only([]), opts).chartVersionKnown('bitnami/postgresql', '14.3.2', { signal })).toBe(false);
  });

  test('repo add leaves an existing entry with the same URL alone', async () => {
    const list = JSON.stringify([{ name: 'bitnami', url: 'https://charts.bitnami.com/bitnami/' }]);
    const runner = new ScriptedRunner([{ file: 'helm', args: ['repo', 'list', '-o', 'json', ...cluster], result: { stdout: list, stderr: '' } }]);
    await new HelmCli(runner, opts).repoAdd('bitnami', 'https://charts.bitnami.com/bitnami', { signal });
    runner.assertDone();
  });

  test("repo add never re-points the user's entry of the same name: a UserError with a hint", async () => {
    const list = JSON.stringify([{ name: 'bitnami', url: 'https://mirror.example/bitnami' }]);
    const runner = new ScriptedRunner([{ file: 'helm', args: ['repo', 'list', '-o', 'json', ...cluster], result: { stdout: list, stderr: '' } }]);
    const err = await new HelmCli(runner, opts).repoAdd('bitnami', 'https://charts.bitnami.com/bitnami', { signal }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toContain("'bitnami' already points at https://mirror.example/bitnami");
    expect((err as UserError).hint).toMatch(/--force-update|--config/);
    runner.assertDone();
  });

  test('upgradeInstall: exact argv, values only on stdin', async () => {
    const values = 'global:\n  postgresql:\n    auth:\n      password: S3cret-pw\n';
    const runner = new ScriptedRunner([
      {
        file: 'helm',
        args: [
          'upgrade',
          '--install',
          'member',
          'bitnami/postgresql',
          '--version',
          '14.3.2',
          '-n',
          'alice-lifesub-ns',
          '--create-namespace',
          '--values',
          '-',
          '--timeout',
          '300s',
          '--labels',
          'app.kubernetes.io/managed-by=lifesub,lifesub/id=alice',
          ...cluster,
        ],
      },
    ]);
    await new HelmCli(runner, opts).upgradeInstall(
      {
        release: 'member',
        chart: 'bitnami/postgresql',
        version: '14.3.2',
        namespace: 'alice-lifesub-ns',
        createNamespace: true,
        values,
        timeoutMs: 299_500,
        labels: { 'app.kubernetes.io/managed-by': 'lifesub', 'lifesub/id': 'alice' },
      },
      { signal },
    );
    runner.assertDone();
    const call = runner.calls[0]!;
    expect(call.input).toBe(values);
    expect(call.args.join(' ')).not.toContain('S3cret-pw');
    expect(call.timeoutMs).toBeGreaterThan(300_000);
  });

  test('upgradeInstall without optional parts and without cluster flags', async () => {
    const runner = new ScriptedRunner([
      { file: 'helm', args: ['upgrade', '--install', 'r', 'c/c', '--version', '1', '-n', 'ns', '--values', '-', '--timeout', '1s'] },
    ]);
    await new HelmCli(runner).upgradeInstall({ release: 'r', chart: 'c/c', version: '1', namespace: 'ns', values: '', timeoutMs: 10 }, { signal });
    runner.assertDone();
  });

  test('uninstall: true when removed, false when the release does not exist, other errors propagate', async () => {
    const args = ['uninstall', 'member', '-n', 'ns', '--wait', ...cluster];
    const runner = new ScriptedRunner([
      { file: 'helm', args },
      { file: 'helm', args, error: toolFailure('helm', args, 'Error: uninstall: Release not loaded: member: release: not found') },
      { file: 'helm', args, error: toolFailure('helm', args, 'Error: Kubernetes cluster unreachable') },
    ]);
    const helm = new HelmCli(runner, opts);
    expect(await helm.uninstall('member', 'ns', { signal })).toBe(true);
    expect(await helm.uninstall('member', 'ns', { signal })).toBe(false);
    await expect(helm.uninstall('member', 'ns', { signal })).rejects.toBeInstanceOf(ToolError);
    runner.assertDone();
  });

  test('status and list parse helm list JSON and ask for every state (flags both Helm 3 and 4 accept)', async () => {
    const json = JSON.stringify([
      { name: 'member', namespace: 'ns', revision: '3', updated: 'x', status: 'deployed', chart: 'postgresql-14.3.2', app_version: '16' },
    ]);
    const runner = new ScriptedRunner([
      { file: 'helm', args: ['list', '-n', 'ns', ...ALL_STATES, '-o', 'json', '--filter', '^member$', ...cluster], result: { stdout: json } },
      { file: 'helm', args: ['list', '-n', 'ns', ...ALL_STATES, '-o', 'json', '--filter', '^mysub$', ...cluster], result: { stdout: '[]' } },
      { file: 'helm', args: ['list', '-A', ...ALL_STATES, '-o', 'json', ...cluster], result: { stdout: json } },
      { file: 'helm', args: ['list', '-n', 'ns', ...ALL_STATES, '-o', 'json', ...cluster], result: { stdout: '' } },
    ]);
    const helm = new HelmCli(runner, opts);
    const release = { name: 'member', namespace: 'ns', revision: 3, status: 'deployed', chart: 'postgresql-14.3.2' };
    expect(await helm.status('member', 'ns', { signal })).toEqual(release);
    expect(await helm.status('mysub', 'ns', { signal })).toBeUndefined();
    expect(await helm.list(undefined, { signal })).toEqual([release]);
    expect(await helm.list('ns', { signal })).toEqual([]);
    runner.assertDone();
  });

  test('status reports a release stuck in pending-install or failed (never hides it as absent)', async () => {
    const entry = (status: string) =>
      JSON.stringify([{ name: 'ingress-nginx', namespace: 'ingress-basic', revision: '1', status, chart: 'ingress-nginx-4.12.1' }]);
    const args = ['list', '-n', 'ingress-basic', ...ALL_STATES, '-o', 'json', '--filter', '^ingress-nginx$'];
    const runner = new ScriptedRunner([
      { file: 'helm', args, result: { stdout: entry('pending-install') } },
      { file: 'helm', args, result: { stdout: entry('failed') } },
    ]);
    const helm = new HelmCli(runner);
    expect((await helm.status('ingress-nginx', 'ingress-basic', { signal }))?.status).toBe('pending-install');
    expect((await helm.status('ingress-nginx', 'ingress-basic', { signal }))?.status).toBe('failed');
    runner.assertDone();
  });

  test('status escapes regex characters in the release name', async () => {
    const runner = new ScriptedRunner([
      { file: 'helm', args: ['list', '-n', 'ns', ...ALL_STATES, '-o', 'json', '--filter', '^a\\.b$'], result: { stdout: '[]' } },
    ]);
    expect(await new HelmCli(runner).status('a.b', 'ns', { signal })).toBeUndefined();
    runner.assertDone();
  });
});
