import { describe, expect, it } from 'vitest';
import type { StepReport } from '../../../src/graph/runner.js';
import { formatSummary, type SummaryInput } from '../../../src/output/summary.js';

const reports: StepReport[] = [
  { name: 'preflight', title: 'Check', status: 'done', durationMs: 340 },
  { name: 'chart-repos', title: 'Charts', status: 'skipped', durationMs: 4800, message: 'every release is deployed' },
  { name: 'ingress', title: 'Ingress', status: 'done', durationMs: 8600 },
  { name: 'database:mysub', title: 'DB', status: 'done', durationMs: 4600 },
  { name: 'smoke', title: 'Smoke', status: 'done', durationMs: 17 },
];
const workloads = ['lifesub-web', 'member', 'mysub', 'recommend', 'member-postgresql', 'mysub-postgresql', 'recommend-postgresql'].map((name) => ({
  name,
  ready: '1/1',
}));

function up(id: string, extra: Partial<SummaryInput> = {}): string {
  return formatSummary({
    ok: true,
    command: 'up',
    id,
    namespace: `${id}-lifesub-ns`,
    reports,
    urls: { web: 'http://127.0.0.1:37151', api: `http://${id}.127.0.0.1.nip.io:40289` },
    apiBasePaths: { member: '/api/auth', mysub: '/api/mysub', recommend: '/api/recommend' },
    workloads,
    durationMs: 23_100,
    sandbox: true,
    targetFlags: ['--sandbox'],
    ...extra,
  });
}

describe('summary', () => {
  it('after up: URLs, API base URLs, ready counts, total time, the three slowest steps, what to run next', () => {
    const text = up('demo');
    expect(text).toMatchSnapshot();
    expect(text).toContain('http://demo.127.0.0.1.nip.io:40289/api/auth');
    expect(text).toMatch(/slowest +ingress 8\.6s, chart-repos 4\.8s, database:mysub 4\.6s$/m);
    expect(text).toMatch(/^ {2}lifesub status --id demo --sandbox$/m);
    expect(text).toMatch(/^ {2}lifesub down --id demo --sandbox$/m);
    expect(text).toMatch(/^ {2}kubectl get pods -n demo-lifesub-ns$/m);
    expect(text).not.toContain('preflight'); // not the list of steps again
  });

  it('fits 80 columns with the longest ID (48 characters) and its nip.io URLs, never breaking a URL', () => {
    const id = 'a'.repeat(48);
    const text = up(id);
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(text).toContain(`http://${id}.127.0.0.1.nip.io:40289\n`);
    expect(text).toMatch(/^ +\+ \/api\/auth, \/api\/mysub, \/api\/recommend$/m);
    expect(text).toContain(`lifesub down --id ${id} --sandbox`);
  });

  it('the kubectl slot: another kubeconfig and context reach the kubectl line', () => {
    const text = up('demo', { sandbox: false, targetFlags: ['--context', 'aks-lab'], kubeconfig: '/home/u/lab.kubeconfig', kubeContext: 'aks-lab' });
    expect(text).toMatch(/^ {2}export KUBECONFIG=\/home\/u\/lab\.kubeconfig\n {2}kubectl get pods -n demo-lifesub-ns --context aks-lab$/m);
    expect(text).toContain('lifesub status --id demo --context aks-lab');
    expect(text).not.toContain('SANDBOX');
  });

  it('after a failure: the failed step, how many did not run, and to run up again', () => {
    const failed: StepReport[] = [
      ...reports.slice(0, 2),
      { name: 'image:member', title: 'Image', status: 'failed', durationMs: 2100, message: 'docker build exited with code 1' },
      { name: 'readiness', title: 'Ready', status: 'blocked', durationMs: 0 },
      { name: 'smoke', title: 'Smoke', status: 'blocked', durationMs: 0 },
    ];
    const text = formatSummary({
      ok: false,
      command: 'up',
      id: 'demo',
      namespace: 'demo-lifesub-ns',
      reports: failed,
      urls: {},
      durationMs: 9000,
      sandbox: false,
    });
    expect(text).toMatchSnapshot();
    expect(text).toMatch(/^ {2}failed +image:member: docker build exited with code 1$/m);
    expect(text).toMatch(/2 steps not run/);
    expect(text).toMatch(/^ {2}lifesub up --id demo$/m);
  });

  it('after down: the next command sets the lab up again', () => {
    const text = formatSummary({ ok: true, command: 'down', id: 'demo', namespace: 'demo-lifesub-ns', reports, urls: {}, durationMs: 5000, sandbox: false });
    expect(text).toMatch(/^lifesub down finished in 5\.0s$/m);
    expect(text).toMatch(/next:\n {2}lifesub up --id demo$/);
  });
});
