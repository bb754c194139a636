// Transient tool failures, told apart by the tools' own words (helm and docker are Go programs: these
// are client-go's, net/http's and the registries' wordings), are retried; permanent ones are not.
import { describe, expect, test } from 'vitest';
import { RetryingRunner } from '../../../src/adapters/exec/retrying.js';
import { isTransientText, isTransientToolError } from '../../../src/adapters/exec/transient.js';
import { ToolError } from '../../../src/core/errors.js';
import { ScriptedRunner } from '../../fakes/runner.js';

const never = new AbortController().signal;
const fail = (details: string) => new ToolError('helm list exited with code 1', undefined, { details });

describe('isTransientText', () => {
  test.each([
    'Error: INSTALLATION FAILED: failed to create resource: the server is currently unable to handle the request (post statefulsets.apps)',
    'Error: list: failed to list: Too Many Requests',
    'Error: Kubernetes cluster unreachable: Get "https://x:443/version": read tcp 10.0.0.4:5123->20.1.2.3:443: read: connection reset by peer',
    'Error: UPGRADE FAILED: Patch "https://x/apis/apps/v1/namespaces/a/deployments/b": EOF',
    'Error: Get "https://x/api/v1/namespaces/a/secrets": http2: server sent GOAWAY and closed the connection; LastStreamID=1999',
    'Error: looks like "https://charts.bitnami.com/bitnami" is not a valid chart repository or cannot be reached: Get "https://charts.bitnami.com/bitnami/index.yaml": dial tcp 1.2.3.4:443: i/o timeout',
    'received unexpected HTTP status: 503 Service Unavailable',
    'toomanyrequests: too many requests to the registry',
    'Error: an error on the server ("unknown") has prevented the request from succeeding (get secrets)',
    'net/http: TLS handshake timeout',
    'Error: UPGRADE FAILED: pre-upgrade hooks failed: resource ServiceAccount/ingress-basic/ingress-nginx-admission not ready. status: Unknown, message: ',
  ])('transient: %s', (text) => expect(isTransientText(text)).toBe(true));

  test.each([
    'Error: secrets is forbidden: User "bob" cannot list resource "secrets" in API group "" in the namespace "a"',
    'unauthorized: authentication required',
    'Error: INSTALLATION FAILED: Deployment.apps "x" is invalid: spec.template.spec.containers[0].image: Required value',
    'Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress',
    'dial tcp: lookup alicecr.azurecr.io: no such host',
    'Error: rendered manifests contain a resource that already exists. Unable to continue with install: IngressClass "nginx" in namespace "" exists and cannot be imported into the current release: invalid ownership metadata',
    'Error: chart "postgresql" matching 99.0.0 not found in bitnami index',
    '403 Forbidden (connection reset by peer later)',
  ])('permanent: %s', (text) => expect(isTransientText(text)).toBe(false));

  test('our own timeout and a missing tool are never transient', () => {
    expect(isTransientToolError(new ToolError('helm upgrade timed out after 5m', undefined, { details: 'Error: EOF' }))).toBe(false);
    expect(isTransientToolError(new ToolError('helm not found', 'install Helm'))).toBe(false);
    expect(isTransientToolError(new Error('the server is currently unable to handle the request'))).toBe(false);
  });
});

describe('RetryingRunner', () => {
  const policy = { baseDelayMs: 1, maxDelayMs: 2 };

  test('helm list that meets a 503 twice is run a third time and succeeds, saying why it waits', async () => {
    const inner = new ScriptedRunner([
      { file: 'helm', args: ['list', '-A'], error: fail('Error: the server is currently unable to handle the request') },
      { file: 'helm', args: ['list', '-A'], error: fail('Error: Get "https://x": EOF') },
      { file: 'helm', args: ['list', '-A'], result: { stdout: '[]' } },
    ]);
    const lines: string[] = [];
    const result = await new RetryingRunner(inner, { policy }).run('helm', ['list', '-A'], { signal: never, onLine: (l) => lines.push(l) });
    expect(result.stdout).toBe('[]');
    expect(inner.calls).toHaveLength(3);
    expect(lines.join('\n')).toMatch(/helm list failed transiently \(attempt 1\); retrying in/);
  });

  test('a 403 fails at once', async () => {
    const inner = new ScriptedRunner([
      { file: 'helm', args: ['list', '-A'], error: fail('Error: secrets is forbidden: User "bob" cannot list resource "secrets"') },
    ]);
    await expect(new RetryingRunner(inner, { policy }).run('helm', ['list', '-A'], { signal: never })).rejects.toThrow(/exited with code 1/);
    expect(inner.calls).toHaveLength(1);
  });

  test('helm upgrade is not repeated here, but its transient failure is flagged for the step', async () => {
    const inner = new ScriptedRunner([{ file: 'helm', args: (a) => a[0] === 'upgrade', error: fail('Error: UPGRADE FAILED: Too Many Requests') }]);
    const err = (await new RetryingRunner(inner, { policy })
      .run('helm', ['upgrade', '--install', 'member', 'bitnami/postgresql'], { signal: never })
      .catch((e: unknown) => e)) as ToolError;
    expect(inner.calls).toHaveLength(1);
    expect(err.transient).toBe(true);
  });

  test('docker push is retried on a registry 5xx; docker build never is', async () => {
    const inner = new ScriptedRunner([
      { file: 'docker', args: ['push', 'a.azurecr.io/x:1'], error: fail('received unexpected HTTP status: 502 Bad Gateway') },
      { file: 'docker', args: ['push', 'a.azurecr.io/x:1'] },
      { file: 'docker', args: (a) => a[0] === 'build', error: fail('received unexpected HTTP status: 502 Bad Gateway') },
    ]);
    const runner = new RetryingRunner(inner, { policy });
    await runner.run('docker', ['push', 'a.azurecr.io/x:1'], { signal: never });
    await expect(runner.run('docker', ['build', '-t', 'x', '.'], { signal: never })).rejects.toThrow();
    expect(inner.calls.map((c) => c.args[0])).toEqual(['push', 'push', 'build']);
  });
});
