import { describe, expect, it } from 'vitest';
import { downSteps } from '../../../src/graph/down.js';
import { upSteps } from '../../../src/graph/up.js';
import { ancestors, topoOrder, validateGraph } from '../../../src/graph/validate.js';
import { testSettings } from '../../fakes/context.js';

const settings = testSettings();
const up = upSteps(settings, { cleanLegacy: false });
const before = (a: string, b: string) => ancestors(up, b).has(a);

describe('the up graph', () => {
  it('is a valid DAG whose every need exists', () => {
    expect(() => validateGraph(up)).not.toThrow();
    expect(() => validateGraph(upSteps(settings, { cleanLegacy: true }))).not.toThrow();
  });

  it('has one step per walkthrough action, per service where the lab repeats it', () => {
    const names = up.map((s) => s.name);
    for (const n of [
      'preflight',
      'repos',
      'chart-repos',
      'ingress',
      'ingress-address',
      'namespace',
      'credentials',
      'jars',
      'registry-login',
      'web-service',
      'web-address',
      'pull-secret',
      'config',
      'apply',
      'readiness',
      'smoke',
    ]) {
      expect(names).toContain(n);
    }
    for (const svc of ['member', 'mysub', 'recommend', 'lifesub-web']) {
      expect(names).toContain(`image:${svc}`);
      expect(names).toContain(`push:${svc}`);
    }
    for (const db of ['member', 'mysub', 'recommend']) expect(names).toContain(`database:${db}`);
  });

  it("keeps the walkthrough's ordering constraints", () => {
    expect(before('jars', 'image:member')).toBe(true);
    expect(before('image-tags', 'jars')).toBe(true); // Gradle builds only what the registry lacks
    expect(before('image-tags', 'image:lifesub-web')).toBe(true);
    expect(before('docker-login', 'push:member')).toBe(true);
    expect(before('registry-login', 'pull-secret')).toBe(true);
    expect(before('image:recommend', 'push:recommend')).toBe(true);
    expect(before('web-address', 'config')).toBe(true); // ALLOWED_ORIGINS needs the frontend address
    expect(before('credentials', 'database:member')).toBe(true); // passwords exist before the chart reads them
    expect(before('config', 'apply')).toBe(true);
    expect(before('ingress', 'apply')).toBe(true); // the controller's admission webhook checks the Ingress
    for (const s of ['member', 'mysub', 'recommend', 'lifesub-web']) {
      expect(before(`push:${s}`, `apply:${s}`)).toBe(true);
      expect(before('config', `apply:${s}`)).toBe(true);
      expect(before('pull-secret', `apply:${s}`)).toBe(true);
      expect(before(`apply:${s}`, 'readiness')).toBe(true);
    }
    for (const s of ['member', 'mysub', 'recommend']) expect(before(`database:${s}`, `apply:${s}`)).toBe(true);
    expect(before('apply', 'readiness')).toBe(true);
    expect(before('readiness', 'smoke')).toBe(true);
  });

  it('lets independent work overlap: builds do not wait for the cluster, the databases do not wait for builds', () => {
    // Builds wait only for the registry's answer (which images it lacks), not for the cluster's objects.
    for (const s of ['namespace', 'ingress', 'chart-repos', 'credentials']) expect(before(s, 'jars')).toBe(false);
    for (const s of ['namespace', 'ingress', 'chart-repos', 'credentials']) expect(before(s, 'image:lifesub-web')).toBe(false);
    expect(before('jars', 'database:member')).toBe(false);
    expect(before('ingress-address', 'image:member')).toBe(false);
  });

  it('follows the true data dependencies: the frontend image needs no address, a workload waits only for its own inputs', () => {
    expect(before('ingress-address', 'image:lifesub-web')).toBe(false); // runtime-env.js carries the URLs
    expect(before('ingress', 'image:lifesub-web')).toBe(false);
    expect(before('push:member', 'apply:lifesub-web')).toBe(false);
    expect(before('jars', 'apply:lifesub-web')).toBe(false);
    expect(before('push:mysub', 'apply:member')).toBe(false);
    expect(before('database:mysub', 'apply:member')).toBe(false);
  });

  it('with --clean-legacy, removes the old namespace before anything touches the cluster', () => {
    const steps = upSteps(settings, { cleanLegacy: true });
    for (const s of ['namespace', 'ingress', 'registry-login']) expect(ancestors(steps, s).has('legacy-cleanup')).toBe(true);
    expect(
      topoOrder(steps)
        .map((s) => s.name)
        .indexOf('legacy-cleanup'),
    ).toBeLessThan(
      topoOrder(steps)
        .map((s) => s.name)
        .indexOf('namespace'),
    );
  });
});

describe('the down graph', () => {
  it('guards before removing anything and removes the namespace after the releases', () => {
    const down = downSteps(settings, { keepData: false, includeIngress: true });
    expect(() => validateGraph(down)).not.toThrow();
    expect(ancestors(down, 'uninstall:member').has('guard')).toBe(true);
    expect(ancestors(down, 'remove-namespace').has('uninstall:recommend')).toBe(true);
    expect(ancestors(down, 'remove-ingress').has('remove-namespace')).toBe(true);
    expect(downSteps(settings, { keepData: false, includeIngress: false }).map((s) => s.name)).not.toContain('remove-ingress');
  });
});
