// `up`'s preflight step: the doctor checks once per run (the CLI asks before its run lock, the step
// gets the same report), warnings logged, every blocking problem in one failure.
import { describe, expect, test } from 'vitest';
import { ToolError } from '../../../src/core/errors.js';
import { toExitReport } from '../../../src/cli/exit.js';
import { StepFailure } from '../../../src/core/errors.js';
import { clusterPreflightStep, preflightStep, upPreflightPasses } from '../../../src/steps/preflight.js';
import { makeContext } from '../../fakes/context.js';
import { doctorFakes } from './world.js';

function context(world: Parameters<typeof doctorFakes>[0] = {}) {
  const fakes = doctorFakes(world);
  const made = makeContext({ settings: { workspace: '/home/azureuser/workspace' } });
  made.ctx.adapters = fakes.adapters;
  return { ...made, calls: fakes.calls };
}

describe('preflight (up)', () => {
  test('passes with the cluster named and the other checks counted', async () => {
    const { ctx } = context();
    await expect(preflightStep.run(ctx)).resolves.toEqual({
      message: 'context aks-lab, server https://aks.example:443, Kubernetes v1.30.4; 7 other checks passed',
    });
  });

  test('the checks run once per set of adapters: asked before the lock, reused by the step', async () => {
    const { ctx, calls } = context();
    expect(await upPreflightPasses(ctx.adapters, ctx.settings, ctx.signal)).toBe(true);
    const before = calls.length;
    await preflightStep.run(ctx);
    expect(calls.length).toBe(before);
    expect(calls.filter((c) => c === 'ping')).toEqual(['ping']);
  });

  test('warnings go to the step log; the run goes on', async () => {
    const { ctx, logs } = context({ dir: { kind: 'directory', existingAncestor: '/ws', writable: true, freeBytes: 2 * 1024 ** 3 } });
    await preflightStep.run(ctx);
    expect(logs).toEqual([expect.stringMatching(/^warning: only 2\.0 GiB free on the file system of \/ws/)]);
  });

  test('a cluster that does not answer and a missing docker: one failure, exit 1, both fixes', async () => {
    const { ctx } = context({
      ping: new ToolError('reach the Kubernetes API: connect ECONNREFUSED', 'check --context'),
      docker: new ToolError('docker not found', 'install Docker'),
    });
    expect(await upPreflightPasses(ctx.adapters, ctx.settings, ctx.signal)).toBe(false);
    const err = await preflightStep.run(ctx).catch((e: unknown) => e);
    const report = toExitReport(new StepFailure('preflight', err));
    expect(report.code).toBe(1);
    expect(report.details).toContain('fix: check --context');
    expect(report.details).toContain('fix: install Docker');
  });

  test('a workspace that is a file, alone: exit 2 with the problem listed', async () => {
    const { ctx } = context({ dir: { kind: 'file', existingAncestor: '/home/azureuser/workspace', writable: false, freeBytes: 1e12 } });
    const err = await preflightStep.run(ctx).catch((e: unknown) => e);
    const report = toExitReport(new StepFailure('preflight', err));
    expect(report.code).toBe(2);
    expect(report.message).toContain('is a file');
    expect(report.details).toContain('fix: pass --workspace');
  });
});

describe('preflight (down)', () => {
  test('pings the cluster only', async () => {
    const { ctx, fakes } = makeContext();
    fakes.kube.pingResult = { context: 'aks-lab', server: 'https://aks.example:443', version: 'v1.30.4' };
    await expect(clusterPreflightStep.run(ctx)).resolves.toEqual({ message: 'context aks-lab, server https://aks.example:443, Kubernetes v1.30.4' });
    expect(fakes.kube.calls).toEqual(['ping']);
    fakes.verify();
  });
});
