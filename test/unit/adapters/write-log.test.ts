// The write log decides whether exit 2 ("nothing was changed") is honest, so it is tested per step that
// can fail with a user error after something was changed, through the same trackWrites wrapper the
// composition root uses.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { WriteLog, trackWrites } from '../../../src/adapters/write-log.js';
import { toExitReport } from '../../../src/cli/exit.js';
import { StepFailure, ToolError, UserError } from '../../../src/core/errors.js';
import type { StepDefinition } from '../../../src/graph/step.js';
import { renderNamespace } from '../../../src/render/index.js';
import { guardStep, namespaceStep, registryLoginStep, reposStep } from '../../../src/steps/index.js';
import { makeContext, type TestContext } from '../../fakes/context.js';

/** A context whose adapters record writes like the real composition root. */
function tracked(options: Parameters<typeof makeContext>[0] = {}): TestContext & { writes: WriteLog } {
  const t = makeContext(options);
  const writes = new WriteLog();
  t.ctx.adapters = trackWrites(t.fakes, writes);
  return { ...t, writes };
}

async function exitOf(step: StepDefinition, t: TestContext & { writes: WriteLog }) {
  const err = await step.run(t.ctx).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  return toExitReport(new StepFailure(step.name, err), t.writes);
}

const foreignNamespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'alice-lifesub-ns' } };

describe('WriteLog through trackWrites', () => {
  test('records applies, creates and deletes that changed something, not reads, 409s or absent deletes', async () => {
    const t = tracked();
    const { kube } = t.ctx.adapters;
    const ns = renderNamespace(t.settings);
    await kube.get({ apiVersion: 'v1', kind: 'Namespace', name: 'alice-lifesub-ns' }, t.ctx.signal);
    expect(t.writes.changed).toBe(false);
    await kube.apply(ns, t.ctx.signal);
    expect(await kube.create(ns, t.ctx.signal)).toBeUndefined(); // exists: nothing changed
    expect(await kube.delete({ apiVersion: 'v1', kind: 'Secret', name: 'absent', namespace: 'alice-lifesub-ns' }, t.ctx.signal)).toBe(false);
    expect(t.writes.entries).toEqual(['applied Namespace alice-lifesub-ns']);
    await kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: 'alice-lifesub-ns' }, t.ctx.signal);
    expect(t.writes.entries).toEqual(['applied Namespace alice-lifesub-ns', 'deleted Namespace alice-lifesub-ns']);
  });

  test('a helm install counts even when it fails (it may leave a release behind); a push and a clone likewise', async () => {
    const t = tracked();
    t.fakes.helm.script.expect('upgradeInstall').throws(new ToolError('helm failed'));
    t.fakes.docker.script.expect('push').throws(new ToolError('push failed'));
    t.fakes.git.script.expect('clone').throws(new ToolError('clone failed'));
    const o = { signal: t.ctx.signal };
    await expect(
      t.ctx.adapters.helm.upgradeInstall({ release: 'member', chart: 'c', version: '1', namespace: 'ns', values: '', timeoutMs: 1 }, o),
    ).rejects.toThrow();
    await expect(t.ctx.adapters.docker.push('r/x:1', o)).rejects.toThrow();
    await expect(t.ctx.adapters.git.clone('https://x/y.git', 'main', '/tmp/y', o)).rejects.toThrow();
    expect(t.writes.entries).toEqual(['installed helm release ns/member', 'pushed r/x:1', 'cloned https://x/y.git into /tmp/y']);
    t.fakes.git.script.expect('clone');
    await t.ctx.adapters.git.clone('https://student:ghp_s3cr3t@github.com/x/y.git', 'main', '/tmp/z', o);
    expect(t.writes.summary(9)).not.toContain('ghp_s3cr3t');
    expect(t.writes.entries.at(-1)).toBe('cloned https://github.com/x/y.git into /tmp/z');
  });
});

describe('exit 2 only when nothing was changed', () => {
  test('namespace: a foreign namespace found before any write exits 2', async () => {
    const t = tracked();
    t.fakes.kube.put(foreignNamespace);
    const report = await exitOf(namespaceStep, t);
    expect(report.code).toBe(2);
    expect(report.message).not.toContain('already changed');
  });

  test('namespace: the same user error after the ingress controller was installed exits 1 and names the change', async () => {
    const t = tracked();
    t.fakes.kube.put(foreignNamespace);
    t.fakes.helm.script.expect('upgradeInstall');
    await t.ctx.adapters.helm.upgradeInstall(
      { release: 'ingress-nginx', chart: 'ingress-nginx/ingress-nginx', version: '4', namespace: 'ingress-basic', values: '', timeoutMs: 1 },
      { signal: t.ctx.signal },
    );
    const report = await exitOf(namespaceStep, t);
    expect(report.code).toBe(1);
    expect(report.message).toContain('already changed before this error: installed helm release ingress-basic/ingress-nginx');
  });

  test('registry-login: no Azure login after the namespace was created exits 1 (the case of issue 7)', async () => {
    const t = tracked();
    await namespaceStep.run(t.ctx);
    t.fakes.registry.script.expect('credentials').throws(new UserError('not signed in to Azure', 'run `az login`'));
    const report = await exitOf(registryLoginStep, t);
    expect(report.code).toBe(1);
    expect(report.message).toBe('not signed in to Azure (already changed before this error: applied Namespace alice-lifesub-ns)');
    expect(report.hint).toBe('run `az login`');
  });

  test('registry-login: the same error with nothing changed yet exits 2', async () => {
    const t = tracked();
    t.fakes.registry.script.expect('credentials').throws(new UserError('not signed in to Azure', 'run `az login`'));
    expect((await exitOf(registryLoginStep, t)).code).toBe(2);
  });

  test('repos: a workspace directory that is not a repository, found after the other one was cloned, exits 1', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'lifesub-writes-'));
    try {
      mkdirSync(join(workspace, 'lifesub-web'));
      writeFileSync(join(workspace, 'lifesub-web', 'README'), 'not a repo');
      const t = tracked({ settings: { workspace } });
      t.fakes.git.script.expect('clone');
      const report = await exitOf(reposStep, t);
      expect(report.code).toBe(1);
      expect(report.message).toContain('already changed before this error: cloned https://github.com/cna-bootcamp/lifesub.git');
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  });

  test('guard (down): a refused namespace is found before anything is removed: exit 2', async () => {
    const t = tracked();
    t.fakes.kube.put(foreignNamespace);
    expect((await exitOf(guardStep, t)).code).toBe(2);
  });
});
