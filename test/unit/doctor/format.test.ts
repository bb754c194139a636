// The doctor report as text (80 columns, plain) and JSON.
import { describe, expect, test } from 'vitest';
import { HelmUnusable } from '../../../src/adapters/helm-binary.js';
import { registrySkipped } from '../../../src/doctor/azure.js';
import { UP_CHECKS } from '../../../src/doctor/index.js';
import { formatReport, reportJson, wrap } from '../../../src/doctor/format.js';
import { runChecks } from '../../../src/doctor/run.js';
import { checkContext, doctorFakes, ToolError } from './world.js';

async function broken() {
  const { adapters } = doctorFakes({
    helm: new HelmUnusable('no `helm` on PATH; lifesub needs Helm 3.13 or newer', 'install Helm 3.13+ or 4 (https://helm.sh/docs/intro/install/)', false),
    ping: new ToolError('reach the Kubernetes API at https://aks-lab-dns-12345678.hcp.koreacentral.azmk8s.io:443: connect ETIMEDOUT', 'check your VPN'),
  });
  const checks = UP_CHECKS.map((c) => (c.name === 'registry' ? registrySkipped : c));
  return runChecks(checks, checkContext(adapters));
}

describe('doctor text report', () => {
  test('every check on its line, each problem with why and fix, nothing wider than 80 columns, no escape codes', async () => {
    const text = formatReport(await broken(), 'lifesub doctor: checking what `up` needs (context aks-lab)');
    const lines = text.split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(text).not.toMatch(/\u001b/);
    expect(lines.filter((l) => /^(ok|FAIL|warn|skip) /.test(l)).map((l) => l.slice(0, 15).trimEnd())).toEqual([
      'FAIL kube',
      'FAIL helm',
      'ok   docker',
      'ok   git',
      'ok   jdk',
      'skip registry',
      'ok   workspace',
      'ok   disk',
    ]);
    expect(text).toContain('problem: no `helm` on PATH');
    expect(text).toContain('fix: install Helm 3.13+ or 4');
    expect(text).toContain('fix: check your VPN');
    expect(lines.at(-1)).toBe('2 problems block `lifesub up`; fix them and run `lifesub doctor` again.');
  });

  test('a healthy machine ends with "Nothing blocks"', async () => {
    const report = await runChecks(UP_CHECKS, checkContext(doctorFakes().adapters));
    expect(formatReport(report, 'h').split('\n').at(-1)).toBe('Nothing blocks `lifesub up`.');
  });

  test('JSON: one object with ok, the number of blockers and every finding', async () => {
    const json = JSON.parse(reportJson(await broken(), { id: 'alice' })) as {
      type: string;
      ok: boolean;
      blocking: number;
      id: string;
      checks: Array<{ check: string; status: string }>;
    };
    expect(json).toMatchObject({ type: 'doctor', ok: false, blocking: 2, id: 'alice' });
    expect(json.checks.find((c) => c.check === 'helm')).toMatchObject({
      status: 'fail',
      problems: [{ origin: 'world', blocking: true, fix: expect.stringContaining('install Helm') }],
    });
  });

  test('wrap keeps a word longer than the line whole', () => {
    expect(wrap(`see ${'x'.repeat(90)} now`, '> ', '  ')).toEqual(['> see', `  ${'x'.repeat(90)}`, '  now']);
  });
});
