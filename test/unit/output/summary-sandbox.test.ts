import { describe, expect, test } from 'vitest';
import { formatSummary } from '../../../src/output/summary.js';

const base = { ok: true, command: 'lifesub up', namespace: 'alice-lifesub-ns', reports: [], durationMs: 1200, sandbox: true };

describe('summary URLs', () => {
  test('one API base per backend (the root alone answers 404) and the kubectl line when the cluster stays up', () => {
    const text = formatSummary({
      ...base,
      urls: {
        web: 'http://127.0.0.1:4000',
        api: 'http://alice.127.0.0.1.nip.io:4001',
        apis: { member: 'http://alice.127.0.0.1.nip.io:4001/api/auth', mysub: 'http://alice.127.0.0.1.nip.io:4001/api/mysub' },
      },
      kubeconfig: '/h/sandbox/kubeconfig',
    });
    expect(text).toContain('  api: http://alice.127.0.0.1.nip.io:4001/api/auth  (member)\n       http://alice.127.0.0.1.nip.io:4001/api/mysub  (mysub)');
    expect(text).not.toContain('4001  (');
    expect(text).toContain('  KUBECONFIG=/h/sandbox/kubeconfig kubectl get pods -n alice-lifesub-ns');
  });

  test('no kubectl line when nothing stays up', () => {
    expect(formatSummary({ ...base, urls: { web: 'http://x' } })).not.toContain('kubectl');
  });
});
