import { describe, expect, test } from 'vitest';
import { formatSummary } from '../../../src/output/summary.js';

const base = {
  ok: true,
  command: 'up' as const,
  id: 'alice',
  namespace: 'alice-lifesub-ns',
  reports: [],
  durationMs: 1200,
  sandbox: true,
  targetFlags: ['--sandbox'],
};

describe('summary URLs', () => {
  test('one API base per backend (the root alone answers 404) and the kubectl lines when the cluster stays up', () => {
    const text = formatSummary({
      ...base,
      urls: { web: 'http://127.0.0.1:4000', api: 'http://alice.127.0.0.1.nip.io:4001' },
      apiBasePaths: { member: '/api/auth', mysub: '/api/mysub' },
      kubeconfig: '/h/sandbox/kubeconfig',
    });
    expect(text).toContain('  api       http://alice.127.0.0.1.nip.io:4001/api/auth\n            http://alice.127.0.0.1.nip.io:4001/api/mysub\n');
    expect(text).not.toMatch(/4001\n/);
    expect(text).toContain('  export KUBECONFIG=/h/sandbox/kubeconfig\n  kubectl get pods -n alice-lifesub-ns');
    expect(text).toContain('  lifesub down --id alice --sandbox');
  });

  test('no KUBECONFIG line when no kubeconfig stays up (the in-process sandbox, the default kubeconfig)', () => {
    expect(formatSummary({ ...base, urls: { web: 'http://x' } })).not.toContain('KUBECONFIG');
  });
});
