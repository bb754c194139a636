import { describe, expect, test } from 'vitest';
import type { KubeObject } from '../../../src/adapters/types.js';
import { ToolError } from '../../../src/core/errors.js';
import { renderWebService } from '../../../src/render/index.js';
import { ingressAddressStep, loadBalancerAddress, webAddressStep, webServiceStep } from '../../../src/steps/index.js';
import { makeContext } from '../../fakes/context.js';

const svc = (name: string, namespace: string, ingress?: unknown[]): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace },
  spec: { type: 'LoadBalancer' },
  ...(ingress ? { status: { loadBalancer: { ingress } } } : {}),
});

describe('loadBalancerAddress', () => {
  test.each([
    [undefined, undefined],
    [[], undefined],
    [[{ ip: '20.1.2.3' }], '20.1.2.3'],
    [[{ hostname: 'lb.example.com' }], 'lb.example.com'],
    [[{ ip: '20.1.2.3', ports: [{ port: 80 }] }], '20.1.2.3'],
    [[{ ip: '127.0.0.1', ports: [{ port: 31080, protocol: 'TCP' }] }], '127.0.0.1:31080'],
  ])('%j → %s', (ingress, expected) => {
    expect(loadBalancerAddress(svc('x', 'y', ingress as unknown[] | undefined))).toBe(expected);
  });
  test('no object → undefined', () => expect(loadBalancerAddress(undefined)).toBeUndefined());
});

describe('ingress-address', () => {
  test('resolves at once when the address is there', async () => {
    const { ctx, fakes } = makeContext();
    fakes.kube.put(svc('ingress-nginx-controller', 'ingress-basic', [{ ip: '20.1.2.3' }]));
    expect(await ingressAddressStep.run(ctx)).toEqual({ message: 'ingress at 20.1.2.3 (service ingress-nginx-controller in ingress-basic)' });
    expect(ctx.facts.ingressAddress).toBe('20.1.2.3');
    expect(fakes.kube.calls).toEqual(['waitFor Service ingress-basic/ingress-nginx-controller']);
  });

  test('waits until the load balancer assigns one', async () => {
    const { ctx, fakes } = makeContext();
    fakes.kube.put(svc('ingress-nginx-controller', 'ingress-basic'));
    const running = ingressAddressStep.run(ctx);
    setTimeout(() => fakes.kube.put(svc('ingress-nginx-controller', 'ingress-basic', [{ ip: '127.0.0.1', ports: [{ port: 8080 }] }])), 20);
    await running;
    expect(ctx.facts.ingressAddress).toBe('127.0.0.1:8080');
  });

  test('times out with the describe-the-service hint', async () => {
    const { ctx, fakes } = makeContext();
    fakes.kube.waitLimitMs = 10;
    fakes.kube.put(svc('ingress-nginx-controller', 'ingress-basic'));
    const err = await ingressAddressStep.run(ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolError);
    expect((err as ToolError).message).toContain('LoadBalancer address of service ingress-nginx-controller');
    expect((err as ToolError).hint).toBe(
      'the cloud load balancer did not assign an address; check `kubectl describe svc ingress-nginx-controller -n ingress-basic` events, quota of public IPs',
    );
    expect(ctx.facts.ingressAddress).toBeUndefined();
  });
});

describe('web-service and web-address', () => {
  test('applies the frontend Service, then learns its address', async () => {
    const { ctx, fakes } = makeContext();
    fakes.kube.onWrite = (obj, kube) => {
      if (obj.kind === 'Service') setTimeout(() => kube.put({ ...obj, status: { loadBalancer: { ingress: [{ ip: '20.9.9.9' }] } } }), 5);
    };
    expect(await webServiceStep.run(ctx)).toEqual({ message: 'Service lifesub-web' });
    expect(fakes.kube.find('Service', 'lifesub-web', 'alice-lifesub-ns')?.spec).toEqual(renderWebService(ctx.settings).spec);
    expect(await webAddressStep.run(ctx)).toEqual({ message: 'frontend at 20.9.9.9' });
    expect(ctx.facts.webAddress).toBe('20.9.9.9');
    expect(fakes.kube.calls).toEqual([
      'get Service alice-lifesub-ns/lifesub-web',
      'apply Service alice-lifesub-ns/lifesub-web',
      'waitFor Service alice-lifesub-ns/lifesub-web',
    ]);
  });

  test('web-address timeout names the namespace in the hint', async () => {
    const { ctx, fakes } = makeContext();
    fakes.kube.waitLimitMs = 10;
    const err = (await webAddressStep.run(ctx).catch((e: unknown) => e)) as ToolError;
    expect(err.hint).toContain('kubectl describe svc lifesub-web -n alice-lifesub-ns');
  });

  test('an apply failure propagates', async () => {
    const { ctx, fakes } = makeContext();
    fakes.kube.failOn('apply', new ToolError('quota exceeded'));
    await expect(webServiceStep.run(ctx)).rejects.toThrow('quota exceeded');
  });
});
