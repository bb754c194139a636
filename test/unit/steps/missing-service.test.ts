// ingress-address / web-address must not wait out the whole LoadBalancer budget for a Service that
// was never created (e.g. the ingress release failed): after ~30 s without it, they say so.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { KubeObject } from '../../../src/adapters/types.js';
import { AbortedError, ToolError } from '../../../src/core/errors.js';
import { ingressAddressStep, webAddressStep } from '../../../src/steps/index.js';
import { makeContext, type TestContext } from '../../fakes/context.js';

const svc = (name: string, namespace: string, ingress?: unknown[]): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace },
  ...(ingress ? { status: { loadBalancer: { ingress } } } : {}),
});

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A context whose fake waitFor would only time out at the step's real budget. */
function context(settings?: Parameters<typeof makeContext>[0]): TestContext {
  const t = makeContext(settings);
  t.fakes.kube.waitLimitMs = 24 * 3600_000;
  return t;
}

async function settle<T>(promise: Promise<T>, advanceMs: number): Promise<T | unknown> {
  const caught = promise.catch((e: unknown) => e);
  await vi.advanceTimersByTimeAsync(advanceMs);
  return caught;
}

describe('a Service that never appears', () => {
  test('ingress-address fails after 30 s naming the service and the release state', async () => {
    const t = context();
    t.fakes.helm.script
      .expect('status', ['ingress-nginx', 'ingress-basic'])
      .returns({ name: 'ingress-nginx', namespace: 'ingress-basic', status: 'failed', chart: 'ingress-nginx-4.12.1', revision: 1 });
    const err = (await settle(ingressAddressStep.run(t.ctx), 30_001)) as ToolError;
    expect(err).toBeInstanceOf(ToolError);
    expect(err.message).toBe(
      'service ingress-nginx-controller in ingress-basic does not exist; the ingress release ingress-nginx is in state failed (waited 30s for it to appear)',
    );
    expect(err.hint).toContain('helm status ingress-nginx -n ingress-basic');
    expect(t.ctx.facts.ingressAddress).toBeUndefined();
    t.fakes.verify();
  });

  test('not before 30 s', async () => {
    const t = context();
    let done = false;
    const running = ingressAddressStep.run(t.ctx).finally(() => (done = true));
    running.catch(() => undefined);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(done).toBe(false);
    t.controller.abort();
    await expect(running).rejects.toBeInstanceOf(AbortedError);
  });

  test('no release at all, or helm failing to say: still the clear message', async () => {
    const none = context();
    none.fakes.helm.script.expect('status').returns(undefined);
    const err = (await settle(ingressAddressStep.run(none.ctx), 30_001)) as ToolError;
    expect(err.message).toContain('does not exist; there is no ingress release ingress-nginx in ingress-basic');

    const broken = context();
    broken.fakes.helm.script.expect('status').throws(new ToolError('helm list exited with code 1'));
    const err2 = (await settle(ingressAddressStep.run(broken.ctx), 30_001)) as ToolError;
    expect(err2.message).toBe('service ingress-nginx-controller in ingress-basic does not exist (waited 30s for it to appear)');
  });

  test('a budget under 30 s shortens the grace period (90% of it)', async () => {
    const t = context();
    t.settings.config.timeouts.loadBalancer = '10s'; // budget 8.5 s (1.5 s kept to explain) → gives up on the Service after 7.65 s
    let settled = false;
    const running = webAddressStep
      .run(t.ctx)
      .catch((e: unknown) => e)
      .finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(7_600);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    const err = (await running) as ToolError;
    expect(err.message).toBe('service lifesub-web in alice-lifesub-ns does not exist (waited 8s for it to appear)');
    expect(err.hint).toContain('kubectl get svc -n alice-lifesub-ns');
    t.fakes.verify();
  });

  test('a Service that appears late (without an address yet) is waited for as usual', async () => {
    const t = context();
    const running = ingressAddressStep.run(t.ctx);
    await vi.advanceTimersByTimeAsync(10_000);
    t.fakes.kube.put(svc('ingress-nginx-controller', 'ingress-basic'));
    await vi.advanceTimersByTimeAsync(60_000); // well past the 30 s grace period: no failure
    t.fakes.kube.put(svc('ingress-nginx-controller', 'ingress-basic', [{ ip: '20.1.2.3' }]));
    await expect(running).resolves.toEqual({ message: 'ingress at 20.1.2.3 (service ingress-nginx-controller in ingress-basic)' });
    expect(t.fakes.kube.calls).toEqual(['waitFor Service ingress-basic/ingress-nginx-controller']);
    t.fakes.verify();
  });

  test('an existing Service without an address still gets the whole budget and the LB hint', async () => {
    const t = context();
    t.settings.config.timeouts.loadBalancer = '2m'; // budget 115 s
    t.fakes.kube.put(svc('lifesub-web', 'alice-lifesub-ns'));
    const err = (await settle(webAddressStep.run(t.ctx), 116_000)) as ToolError;
    expect(err.message).toContain('LoadBalancer address of service lifesub-web');
    expect(err.hint).toContain('cloud load balancer did not assign an address');
  });

  test('Ctrl-C while waiting is an interruption, not a missing Service', async () => {
    const t = context();
    const running = ingressAddressStep.run(t.ctx).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1_000);
    t.controller.abort();
    expect(await running).toBeInstanceOf(AbortedError);
    t.fakes.verify();
  });
});
