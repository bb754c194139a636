// The routes step refuses a host+path another Ingress of class nginx already claims, anywhere.
import { describe, expect, test } from 'vitest';
import type { KubeObject } from '../../../src/adapters/types.js';
import { ToolError } from '../../../src/core/errors.js';
import { routesStep } from '../../../src/steps/index.js';
import { makeContext } from '../../fakes/context.js';

function ingress(namespace: string, name: string, host: string | undefined, paths: string[], className: string | undefined = 'nginx'): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace, creationTimestamp: '2026-01-01T00:00:00Z' },
    spec: {
      ...(className ? { ingressClassName: className } : {}),
      rules: [
        {
          ...(host ? { host } : {}),
          http: { paths: paths.map((path) => ({ path, pathType: 'Prefix', backend: { service: { name: 'x', port: { number: 80 } } } })) },
        },
      ],
    },
  };
}

describe('routes', () => {
  test('refuses, naming the other namespace and Ingress, when the host+path is already claimed', async () => {
    const { ctx, fakes } = makeContext({ facts: { ingressAddress: '20.1.2.3' } });
    fakes.kube.put(ingress('mallory-ns', 'grab', 'ALICE.20.1.2.3.nip.io', ['/api/auth']));
    const err = (await routesStep.run(ctx).catch((e: unknown) => e)) as ToolError;
    expect(err).toBeInstanceOf(ToolError);
    expect(err.message).toMatch(/^Ingress grab in namespace mallory-ns already claims alice\.20\.1\.2\.3\.nip\.io\/api\/auth/);
    expect(err.hint).toContain('kubectl delete ingress grab -n mallory-ns');
    expect(fakes.kube.calls).toEqual(['list Ingress']);
  });

  test("passes next to other students' hosts, host-less paths, other classes and its own earlier Ingress", async () => {
    const { ctx, fakes } = makeContext({ facts: { ingressAddress: '20.1.2.3' } });
    fakes.kube.put(
      ingress('bob-lifesub-ns', 'backend-ingress', 'bob.20.1.2.3.nip.io', ['/api/auth', '/api/mysub']),
      ingress('old-lab', 'backend-ingress', undefined, ['/api/auth']),
      ingress('other', 'traefik', 'alice.20.1.2.3.nip.io', ['/api/auth'], 'traefik'),
      ingress('alice-lifesub-ns', 'backend-ingress', 'alice.20.1.2.3.nip.io', ['/api/auth']),
    );
    expect(await routesStep.run(ctx)).toEqual({ message: 'host alice.20.1.2.3.nip.io is free' });
  });

  test('path mode: a host-less Ingress claiming the same /<id>/ path conflicts', async () => {
    const { ctx, fakes } = makeContext({ facts: { ingressAddress: '20.1.2.3' } });
    ctx.settings.config = { ...ctx.settings.config, routing: { mode: 'path', domain: 'nip.io' } };
    const legacy = ingress('elsewhere', 'copy', undefined, ['/alice(/api/mysub(/|$).*)']);
    (legacy.metadata as { annotations?: Record<string, string> }).annotations = { 'kubernetes.io/ingress.class': 'nginx' };
    delete (legacy['spec'] as { ingressClassName?: string }).ingressClassName;
    fakes.kube.put(legacy);
    await expect(routesStep.run(ctx)).rejects.toThrow(/Ingress copy in namespace elsewhere already claims \(any host\)\/alice\(\/api\/mysub/);
  });
});
