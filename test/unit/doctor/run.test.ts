// Running the checks together: all at once, each under its own limit, every problem kept, and the
// one failure preflight makes of them (exit 2 only when every problem is the user's input).
import { describe, expect, test } from 'vitest';
import { HelmUnusable } from '../../../src/adapters/helm-binary.js';
import { AbortedError } from '../../../src/core/errors.js';
import { blockers, preflightExitCode, type Check } from '../../../src/doctor/check.js';
import { UP_CHECKS } from '../../../src/doctor/index.js';
import { preflightError } from '../../../src/doctor/preflight-error.js';
import { runChecks } from '../../../src/doctor/run.js';
import { checkContext, doctorFakes, ToolError, UserError } from './world.js';

describe('runChecks', () => {
  test('a healthy machine: every check ok, nothing blocks, exit 0', async () => {
    const { adapters } = doctorFakes();
    const report = await runChecks(UP_CHECKS, checkContext(adapters));
    expect(report.findings.map((f) => [f.check, f.status])).toEqual([
      ['kube', 'ok'],
      ['helm', 'ok'],
      ['docker', 'ok'],
      ['git', 'ok'],
      ['jdk', 'ok'],
      ['registry', 'ok'],
      ['workspace', 'ok'],
      ['disk', 'ok'],
    ]);
    expect(preflightExitCode(report)).toBe(0);
    adapters.verify();
  });

  test('every check starts before any finishes (they run concurrently), each with its own signal', async () => {
    const started: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const check = (name: string): Check => ({
      name,
      title: name,
      why: 'w',
      run: async ({ signal }) => {
        started.push(name);
        expect(signal.aborted).toBe(false);
        await gate;
        return { message: name };
      },
    });
    const running = runChecks([check('a'), check('b'), check('c')], checkContext(doctorFakes().adapters));
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['a', 'b', 'c']);
    release();
    expect((await running).findings.map((f) => f.message)).toEqual(['a', 'b', 'c']);
  });

  test('a check that does not answer within its limit is a problem of that check; the others still report', async () => {
    const { adapters, signals } = doctorFakes({ docker: 'hang' });
    const docker = UP_CHECKS.find((c) => c.name === 'docker')!;
    const report = await runChecks([{ ...docker, timeoutMs: 20 }, UP_CHECKS.find((c) => c.name === 'git')!], checkContext(adapters));
    expect(report.findings[0]).toMatchObject({
      status: 'fail',
      problems: [{ what: 'Docker engine reachable: no answer within 20ms', origin: 'world', blocking: true }],
    });
    expect(report.findings[1]).toMatchObject({ status: 'ok', message: 'git 2.43.0' });
    expect(signals[0]?.aborted, 'the hung probe was told to stop').toBe(true);
  });

  test('Ctrl-C ends the run with AbortedError', async () => {
    const { adapters } = doctorFakes({ ping: 'hang' });
    const controller = new AbortController();
    const running = runChecks(UP_CHECKS, checkContext(adapters, {}, controller.signal));
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(AbortedError);
  });

  test('a check that throws something untyped is reported as a bug of that check, not a crash', async () => {
    const broken: Check = { name: 'x', title: 'x', why: 'w', run: () => Promise.reject(new TypeError('boom')) };
    const report = await runChecks([broken], checkContext(doctorFakes().adapters));
    expect(report.findings[0]?.problems[0]).toMatchObject({ what: 'the x check failed unexpectedly: boom', fix: expect.stringContaining('bug') });
  });
});

describe('preflight failure', () => {
  test('all problems together, each with its fix; the world involved → ToolError (exit 1)', async () => {
    const { adapters } = doctorFakes({
      helm: new HelmUnusable('the configured helm (/nowhere) could not be run', 'fix LIFESUB_HELM', true),
      docker: new ToolError('docker version exited with code 1', undefined, { details: 'Cannot connect to the Docker daemon' }),
      registry: new UserError('registry alicecr not found', 'az acr create -n alicecr'),
      dir: { kind: 'directory', existingAncestor: '/ws', writable: true, freeBytes: 2 * 1024 ** 3 },
    });
    const report = await runChecks(UP_CHECKS, checkContext(adapters));
    expect(blockers(report)).toHaveLength(3);
    expect(preflightExitCode(report)).toBe(1);
    const err = preflightError(report);
    expect(err).toBeInstanceOf(ToolError);
    expect(err.message).toBe(
      '3 problems must be fixed before anything is changed: the configured helm (/nowhere) could not be run; docker version exited with code 1: Cannot connect to the Docker daemon; registry alicecr not found',
    );
    const details = (err as ToolError).details ?? '';
    expect(details.match(/^ {3}fix: .*$/gm)).toEqual([
      '   fix: fix LIFESUB_HELM',
      expect.stringContaining('sudo systemctl start docker'),
      '   fix: az acr create -n alicecr',
    ]);
    // The low-disk warning does not block and is not among them.
    expect(details).not.toContain('free on');
  });

  test("only the user's input wrong → UserError (exit 2), a single problem says its own fix", async () => {
    const { adapters } = doctorFakes({ helm: new HelmUnusable('the configured helm (/nowhere) could not be run', 'fix LIFESUB_HELM', true) });
    const report = await runChecks(UP_CHECKS, checkContext(adapters));
    expect(preflightExitCode(report)).toBe(2);
    const err = preflightError(report);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe('the configured helm (/nowhere) could not be run');
    expect(err.hint).toBe('fix LIFESUB_HELM');
  });
});
