// A re-run after Ctrl-C or a failed helm: releases left failed or pending-* must be repaired (ours)
// or reported (someone else's shared controller), never skipped as if installed.
import { describe, expect, test } from 'vitest';
import type { HelmRelease, KubeObject } from '../../../src/adapters/types.js';
import { ToolError } from '../../../src/core/errors.js';
import { databaseStep, ingressStep } from '../../../src/steps/index.js';
import { releaseAction } from '../../../src/steps/helm-release.js';
import { parseHelmTime } from '../../../src/adapters/helm.js';
import { partial } from '../../fakes/adapters.js';
import { makeContext, type TestContext } from '../../fakes/context.js';

const ingressRelease = (status: string): HelmRelease => ({
  name: 'ingress-nginx',
  namespace: 'ingress-basic',
  status,
  chart: 'ingress-nginx-4.12.1',
  revision: 1,
});
const memberRelease = (status: string): HelmRelease => ({ name: 'member', namespace: 'alice-lifesub-ns', status, chart: 'postgresql-14.3.2', revision: 2 });

const ingressNamespace = (labels?: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name: 'ingress-basic', ...(labels ? { labels } : {}) },
});
const OURS = { 'app.kubernetes.io/managed-by': 'lifesub', 'lifesub.io/installed-by': 'lifesub' };

describe('releaseAction', () => {
  test.each([
    [undefined, 'install'],
    ['uninstalled', 'install'],
    ['deployed', 'done'],
    ['failed', 'upgrade'],
    ['superseded', 'upgrade'],
    ['pending-install', 'reinstall'],
    ['pending-upgrade', 'reinstall'],
    ['pending-rollback', 'reinstall'],
    ['uninstalling', 'reinstall'],
  ])('%s → %s', (status, action) => {
    expect(releaseAction(status === undefined ? undefined : ingressRelease(status))).toBe(action);
  });
});

describe('a pending release another run may be working on', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  const pendingSince = (msAgo: number): HelmRelease => ({ ...ingressRelease('pending-install'), updatedMs: now - msAgo });

  test('is left alone while younger than the helm time limit, repaired once older', () => {
    expect(releaseAction(pendingSince(60_000), now, 600_000)).toBe('busy');
    expect(releaseAction(pendingSince(700_000), now, 600_000)).toBe('reinstall');
  });

  test('the shared ingress: a classmate installing it right now is not uninstalled — waited for, then left as they installed it', async () => {
    const t = makeContext();
    t.fakes.helm.script.expect('status', ['ingress-nginx', 'ingress-basic']).returns({ ...ingressRelease('pending-install'), updatedMs: Date.now() - 5_000 });
    t.fakes.helm.script.expect('status', ['ingress-nginx', 'ingress-basic']).returns(ingressRelease('deployed'));
    expect(await ingressStep.run(t.ctx)).toEqual({ skipped: 'already installed (ingress-nginx-4.12.1; shared; left unchanged)' });
    expect(t.fakes.helm.script.calls.map((c) => c.method)).toEqual(['status', 'status']);
    expect(t.logs.join('\n')).toMatch(/pending-install since \d+s ago: another helm run is probably installing it/);
  });

  test('helm list times are read in Go format', () => {
    expect(parseHelmTime('2026-11-23 11:52:03.123456789 +0000 UTC')).toBe(Date.parse('2026-11-23T11:52:03.123Z'));
    expect(parseHelmTime('2026-11-23 20:52:03.5 +0900 KST')).toBe(Date.parse('2026-11-23T11:52:03.500Z'));
    expect(parseHelmTime('yesterday')).toBeUndefined();
  });
});

describe('ingress after an interrupted or failed run', () => {
  const methods = (t: TestContext) => t.fakes.helm.script.calls.map((c) => c.method);

  test('ours, failed: helm upgrade --install again (no uninstall)', async () => {
    const t = makeContext();
    t.fakes.kube.put(ingressNamespace(OURS));
    t.fakes.helm.script.expect('status', ['ingress-nginx', 'ingress-basic']).returns(ingressRelease('failed'));
    t.fakes.helm.script.expect('upgradeInstall', [partial({ release: 'ingress-nginx', version: '4.12.1', namespace: 'ingress-basic' })]);
    const outcome = await ingressStep.run(t.ctx);
    expect(outcome).toEqual({ message: 'repaired ingress-nginx 4.12.1 in ingress-basic (was failed)' });
    expect(methods(t)).toEqual(['status', 'upgradeInstall']);
    t.fakes.verify();
  });

  test.each(['pending-install', 'pending-upgrade'])('ours, %s: uninstall, then install, saying nothing of value is lost', async (state) => {
    const t = makeContext();
    t.fakes.kube.put(ingressNamespace(OURS));
    t.fakes.helm.script.expect('status').returns(ingressRelease(state));
    t.fakes.helm.script.expect('uninstall', ['ingress-nginx', 'ingress-basic']).returns(true);
    t.fakes.helm.script.expect('upgradeInstall', [partial({ release: 'ingress-nginx', labels: { 'lifesub.io/installed-by': 'lifesub' } })]);
    const outcome = await ingressStep.run(t.ctx);
    expect(outcome?.message).toBe(`reinstalled ingress-nginx 4.12.1 in ingress-basic (was ${state})`);
    expect(methods(t)).toEqual(['status', 'uninstall', 'upgradeInstall']);
    expect(t.logs.join('\n')).toContain(`stuck in ${state}`);
    expect(t.logs.join('\n')).toContain('nothing of value is lost');
    t.fakes.verify();
  });

  test.each([
    ['failed', ingressNamespace()],
    ['pending-install', ingressNamespace({ 'app.kubernetes.io/managed-by': 'someone' })],
    ['pending-upgrade', undefined],
  ])('not ours (%s): fails at once naming the state, touches nothing', async (state, ns) => {
    const t = makeContext();
    if (ns) t.fakes.kube.put(ns);
    t.fakes.helm.script.expect('status').returns(ingressRelease(state));
    const err = await ingressStep.run(t.ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolError);
    expect((err as ToolError).message).toContain(`in state ${state}`);
    expect((err as ToolError).message).toContain('not installed by lifesub');
    expect((err as ToolError).hint).toContain('helm status ingress-nginx -n ingress-basic');
    expect((err as ToolError).hint).toContain('helm rollback');
    expect(methods(t)).toEqual(['status']);
    expect(t.fakes.kube.calls).toEqual(['get IngressClass nginx', 'get Namespace ingress-basic']);
    t.fakes.verify();
  });

  test('an uninstalled release (kept history) is installed like a missing one', async () => {
    const t = makeContext();
    t.fakes.helm.script.expect('status').returns(ingressRelease('uninstalled'));
    t.fakes.helm.script.expect('upgradeInstall');
    expect((await ingressStep.run(t.ctx))?.message).toBe('installed ingress-nginx 4.12.1 in ingress-basic');
    t.fakes.verify();
  });

  test('a failing uninstall of a stuck release stops with the helm hint', async () => {
    const t = makeContext();
    t.fakes.kube.put(ingressNamespace(OURS));
    t.fakes.helm.script.expect('status').returns(ingressRelease('pending-install'));
    t.fakes.helm.script.expect('uninstall').throws(new ToolError('helm uninstall ingress-nginx exited with code 1'));
    const err = (await ingressStep.run(t.ctx).catch((e: unknown) => e)) as ToolError;
    expect(err.hint).toBe("see helm's message above; `helm status ingress-nginx -n ingress-basic`");
    t.fakes.verify();
  });
});

describe('database after an interrupted or failed run', () => {
  const member = () => makeContext().settings.config.services.find((s) => s.name === 'member')!;

  test('failed: upgradeInstall in place (no uninstall)', async () => {
    const t = makeContext();
    t.fakes.helm.script.expect('status', ['member', 'alice-lifesub-ns']).returns(memberRelease('failed'));
    t.fakes.helm.script.expect('upgradeInstall', [partial({ release: 'member', namespace: 'alice-lifesub-ns' })]);
    expect(await databaseStep(member()).run(t.ctx)).toEqual({ message: 'member (postgresql-14.3.2)' });
    expect(t.fakes.helm.script.calls.map((c) => c.method)).toEqual(['status', 'upgradeInstall']);
    t.fakes.verify();
  });

  test.each(['pending-install', 'pending-upgrade'])('%s: uninstall, then install; data and credentials are kept', async (state) => {
    const t = makeContext();
    t.fakes.helm.script.expect('status').returns(memberRelease(state));
    t.fakes.helm.script.expect('uninstall', ['member', 'alice-lifesub-ns']).returns(true);
    t.fakes.helm.script.expect('upgradeInstall', [partial({ release: 'member', version: '14.3.2', labels: { 'lifesub.io/id': 'alice' } })]);
    expect(await databaseStep(member()).run(t.ctx)).toEqual({ message: 'member (postgresql-14.3.2)' });
    expect(t.fakes.helm.script.calls.map((c) => c.method)).toEqual(['status', 'uninstall', 'upgradeInstall']);
    expect(t.logs.join('\n')).toMatch(new RegExp(`stuck in ${state}.*data volume and credentials are kept`));
    // Nothing but helm: the credentials Secret and the PVC are not touched.
    expect(t.fakes.kube.calls).toEqual([]);
    t.fakes.verify();
  });

  test('deployed at another chart version is upgraded, not reinstalled', async () => {
    const t = makeContext();
    t.fakes.helm.script.expect('status').returns({ ...memberRelease('deployed'), chart: 'postgresql-13.0.0' });
    t.fakes.helm.script.expect('upgradeInstall');
    await databaseStep(member()).run(t.ctx);
    expect(t.logs.join('\n')).toContain('upgrading to postgresql-14.3.2');
    t.fakes.verify();
  });
});

describe('our own attempt interrupted by a transient failure is repaired by the retry', () => {
  const member = () => makeContext().settings.config.services.find((s) => s.name === 'member')!;
  const transient = () =>
    Object.assign(
      new ToolError('helm upgrade exited with code 1', undefined, {
        details: 'Error: INSTALLATION FAILED: the server is currently unable to handle the request',
      }),
      { transient: true },
    );

  test('left pending-install a moment ago by ourselves: not "busy" — uninstalled and installed again', async () => {
    const t = makeContext();
    t.fakes.helm.script.expect('status', ['member', 'alice-lifesub-ns']).returns(undefined);
    t.fakes.helm.script.expect('upgradeInstall').throws(transient());
    t.fakes.helm.script.expect('status', ['member', 'alice-lifesub-ns']).returns({ ...memberRelease('pending-install'), updatedMs: Date.now() - 1_000 });
    t.fakes.helm.script.expect('uninstall', ['member', 'alice-lifesub-ns']).returns(true);
    t.fakes.helm.script.expect('upgradeInstall', [partial({ release: 'member' })]);
    expect(await databaseStep(member()).run(t.ctx)).toEqual({ message: 'member (postgresql-14.3.2)' });
    expect(t.fakes.helm.script.calls.map((c) => c.method)).toEqual(['status', 'upgradeInstall', 'status', 'uninstall', 'upgradeInstall']);
    expect(t.logs.join('\n')).toMatch(/attempt 1 failed transiently/);
    t.fakes.verify();
  });

  test('left failed: upgraded in place on the next attempt', async () => {
    const t = makeContext();
    t.fakes.helm.script.expect('status').returns(undefined);
    t.fakes.helm.script.expect('upgradeInstall').throws(transient());
    t.fakes.helm.script.expect('status').returns(memberRelease('failed'));
    t.fakes.helm.script.expect('upgradeInstall');
    expect(await databaseStep(member()).run(t.ctx)).toEqual({ message: 'member (postgresql-14.3.2)' });
    t.fakes.verify();
  });

  test('"another operation is in progress" (a classmate started the shared controller between our look and our install): look again, then leave theirs', async () => {
    const t = makeContext();
    t.fakes.helm.script.expect('status').returns(undefined);
    t.fakes.helm.script.expect('upgradeInstall').throws(
      new ToolError('helm upgrade exited with code 1', undefined, {
        details: 'Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress',
      }),
    );
    t.fakes.helm.script.expect('status').returns(ingressRelease('deployed'));
    expect(await ingressStep.run(t.ctx)).toEqual({ skipped: 'already installed (ingress-nginx-4.12.1; shared; left unchanged)' });
    t.fakes.verify();
  });

  test('"another operation is in progress", then the classmate’s install still pending: waited for, never uninstalled as if it were ours', async () => {
    // Both runs once took the other's pending install for their own interrupted one and uninstalled it,
    // in turn, until the time limit (seen in CI: two IDs starting on a fresh cluster).
    const t = makeContext();
    t.fakes.helm.script.expect('status').returns(undefined);
    t.fakes.helm.script.expect('upgradeInstall').throws(
      new ToolError('helm upgrade exited with code 1', undefined, {
        details: 'Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress',
      }),
    );
    t.fakes.helm.script.expect('status').returns({ ...ingressRelease('pending-install'), updatedMs: Date.now() - 2_000 });
    t.fakes.helm.script.expect('status').returns(ingressRelease('deployed'));
    expect(await ingressStep.run(t.ctx)).toEqual({ skipped: 'already installed (ingress-nginx-4.12.1; shared; left unchanged)' });
    expect(t.fakes.helm.script.calls.map((c) => c.method)).toEqual(['status', 'upgradeInstall', 'status', 'status']);
    t.fakes.verify();
  });

  test('a permanent failure is not repeated', async () => {
    const t = makeContext();
    t.fakes.helm.script.expect('status').returns(undefined);
    t.fakes.helm.script
      .expect('upgradeInstall')
      .throws(new ToolError('helm upgrade exited with code 1', undefined, { details: 'Error: secrets is forbidden' }));
    await expect(databaseStep(member()).run(t.ctx)).rejects.toThrow(/exited with code 1/);
    expect(t.fakes.helm.script.calls.map((c) => c.method)).toEqual(['status', 'upgradeInstall']);
  });

  test('another run’s fresh pending release (not ours) is left alone until the step’s limit', async () => {
    const t = makeContext();
    t.fakes.helm.script.expect('status').returns({ ...memberRelease('pending-install'), updatedMs: Date.now() - 1_000 });
    // The step's limit arrives (its signal fires) while it waits to look again.
    t.ctx.log = (line) => (t.logs.push(line), t.controller.abort());
    await expect(databaseStep(member()).run(t.ctx)).rejects.toThrow();
    expect(t.fakes.helm.script.calls.map((c) => c.method)).toEqual(['status']);
    expect(t.logs[0]).toMatch(/another helm run is probably installing it/);
  });
});
