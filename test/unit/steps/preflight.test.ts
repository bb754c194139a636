import { describe, expect, test } from 'vitest';
import { ToolError } from '../../../src/core/errors.js';
import { clusterPreflightStep, legacyCleanupStep } from '../../../src/steps/index.js';
import { EXEC_PLUGIN_TIMEOUT_MS } from '../../../src/steps/preflight.js';
import { makeContext } from '../../fakes/context.js';

// `up`'s preflight (every doctor check) is tested in test/unit/doctor/preflight.test.ts.
describe('preflight (down: the cluster only)', () => {
  test('pings the cluster and reports context, server and version', async () => {
    const { ctx, fakes } = makeContext();
    fakes.kube.pingResult = { context: 'aks-lab', server: 'https://aks.example:443', version: 'v1.30.4' };
    await expect(clusterPreflightStep.run(ctx)).resolves.toEqual({ message: 'context aks-lab, server https://aks.example:443, Kubernetes v1.30.4' });
    expect(fakes.kube.calls).toEqual(['ping']);
    fakes.verify();
  });

  test("signs in through the kubeconfig's credential plugin first, under the step's signal, then pings", async () => {
    const { ctx, fakes } = makeContext();
    fakes.kube.pingResult = { context: 'aks-lab', server: 'https://aks.example:443', version: 'v1.30.4' };
    const order: string[] = [];
    const ping = fakes.kube.ping.bind(fakes.kube);
    fakes.kube.ping = (signal) => (order.push('ping'), ping(signal));
    ctx.adapters = {
      ...fakes,
      kube: Object.assign(fakes.kube, {
        authenticate: async (o: { signal: AbortSignal; timeoutMs: number }) => {
          expect(o.signal).toBe(ctx.signal);
          expect(o.timeoutMs).toBe(EXEC_PLUGIN_TIMEOUT_MS);
          order.push('authenticate');
          return 'kubelogin';
        },
      }),
    };
    const outcome = await clusterPreflightStep.run(ctx);
    expect(outcome).toEqual({ message: 'context aks-lab, server https://aks.example:443, Kubernetes v1.30.4 (signed in through kubelogin)' });
    expect(order).toEqual(['authenticate', 'ping']);
  });

  test('a credential plugin failure stops preflight before the cluster is contacted', async () => {
    const { ctx, fakes } = makeContext();
    Object.assign(fakes.kube, { authenticate: () => Promise.reject(new ToolError("the kubeconfig's credential plugin kubelogin failed", 'az login')) });
    await expect(clusterPreflightStep.run(ctx)).rejects.toThrow('credential plugin kubelogin failed');
    expect(fakes.kube.calls).toEqual([]);
  });

  test('a ping failure propagates', async () => {
    const { ctx, fakes } = makeContext();
    fakes.kube.failOn('ping', new ToolError('cannot reach the API server', 'check your VPN'));
    await expect(clusterPreflightStep.run(ctx)).rejects.toThrow('cannot reach the API server');
  });
});

describe('legacy-cleanup', () => {
  const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'lifesub-ns' } };

  test('skips when lifesub-ns does not exist', async () => {
    const { ctx, fakes } = makeContext();
    await expect(legacyCleanupStep.run(ctx)).resolves.toEqual({ skipped: 'namespace lifesub-ns does not exist' });
    expect(fakes.kube.calls).toEqual(['get Namespace lifesub-ns']);
    fakes.verify();
  });

  test('uninstalls the three old releases, deletes the namespace and waits until it is gone', async () => {
    const { ctx, fakes } = makeContext();
    fakes.kube.put(ns, { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data-member-postgresql-0', namespace: 'lifesub-ns' } });
    fakes.helm.script.expect('uninstall', ['member', 'lifesub-ns']).returns(true);
    fakes.helm.script.expect('uninstall', ['mysub', 'lifesub-ns']).returns(false);
    fakes.helm.script.expect('uninstall', ['recommend', 'lifesub-ns']).returns(true);
    const outcome = await legacyCleanupStep.run(ctx);
    expect(outcome).toEqual({ message: 'removed namespace lifesub-ns' });
    expect(fakes.helm.script.calls.map((c) => c.args[0])).toEqual(['member', 'mysub', 'recommend']);
    expect(fakes.kube.calls).toEqual(['get Namespace lifesub-ns', 'delete Namespace lifesub-ns', 'waitFor Namespace lifesub-ns']);
    expect(fakes.kube.all()).toEqual([]);
    fakes.verify();
  });

  test('a helm failure propagates and nothing is deleted', async () => {
    const { ctx, fakes } = makeContext();
    fakes.kube.put(ns);
    fakes.helm.script.expect('uninstall').throws(new ToolError('helm uninstall failed'));
    await expect(legacyCleanupStep.run(ctx)).rejects.toThrow('helm uninstall failed');
    expect(fakes.kube.find('Namespace', 'lifesub-ns')).toBeDefined();
  });
});
