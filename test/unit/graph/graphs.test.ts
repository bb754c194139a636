import { describe, expect, it } from 'vitest';
import { downSteps } from '../../../src/graph/down.js';
import { upSteps } from '../../../src/graph/up.js';
import { dependsOn, type Step, type StepDefinition } from '../../../src/graph/step.js';
import { ancestors, topoOrder, validateGraph } from '../../../src/graph/validate.js';
import { testSettings } from '../../fakes/context.js';

const settings = testSettings();
const up = upSteps(settings, { cleanLegacy: false });
const before = (a: string, b: string) => ancestors(up, b).has(a);
const needsOf = (steps: readonly Step[], name: string) => steps.find((s) => s.name === name)?.needs;
const variants = (): Array<[string, Step[]]> => [
  ['up', up],
  ['up --clean-legacy', upSteps(settings, { cleanLegacy: true })],
  ['up --reset-data', upSteps(settings, { cleanLegacy: false, resetData: true })],
  ['up --clean-legacy --reset-data', upSteps(settings, { cleanLegacy: true, resetData: true })],
  ['down', downSteps(settings, { keepData: false, includeIngress: false })],
  ['down --include-ingress --keep-data --force', downSteps(settings, { keepData: true, includeIngress: true, force: true })],
];

describe('the up graph', () => {
  it('is a valid DAG whose every need exists and every fact read is written before, with every option', () => {
    for (const [what, steps] of variants()) expect(() => validateGraph(steps), what).not.toThrow();
  });

  it('puts preflight before every step that changes anything', () => {
    for (const [what, steps] of variants()) {
      for (const s of steps.filter((s) => !s.readOnly && s.name !== 'preflight'))
        expect(ancestors(steps, s.name).has('preflight'), `${what}: ${s.name}`).toBe(true);
    }
  });

  it('declares what each step reads and writes', () => {
    const facts = (name: string) => up.find((s) => s.name === name);
    expect(facts('ingress-address')?.writes).toEqual(['ingressAddress']);
    expect(facts('config')?.reads).toEqual(expect.arrayContaining(['credentials', 'ingressAddress', 'webAddress', 'apiBasePaths']));
    expect(facts('apply:member')?.reads).toContain('images.member');
    expect(facts('push:member')?.writes).toEqual(['images.member']);
  });

  it('wires each workload to its own inputs only', () => {
    expect(needsOf(up, 'apply:mysub')).toEqual(['config', 'pull-secret', 'push:mysub', 'database:mysub']);
    expect(needsOf(up, 'apply:lifesub-web')).toEqual(['config', 'pull-secret', 'push:lifesub-web']);
    expect(needsOf(up, 'apply')).toEqual(['config', 'ingress']);
    expect(needsOf(up, 'database:member')).toEqual(['credentials', 'chart-repos']);
    expect(needsOf(up, 'image:member')).toEqual(['jars']);
    expect(needsOf(up, 'image:lifesub-web')).toEqual(['image-tags']);
    expect(needsOf(up, 'push:mysub')).toEqual(['image:mysub', 'docker-login']);
  });

  it('with --reset-data, lists the releases only after the databases were removed', () => {
    const steps = upSteps(settings, { cleanLegacy: false, resetData: true });
    expect(ancestors(steps, 'chart-repos').has('credentials')).toBe(true);
    expect(before('credentials', 'chart-repos')).toBe(false); // a plain up lists them at once
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
    expect(ancestors(down, 'uninstall:member').has('foreign-objects')).toBe(true);
    expect(needsOf(down, 'remove-namespace')).toEqual(['uninstall:member', 'uninstall:mysub', 'uninstall:recommend']);
    expect(ancestors(down, 'remove-namespace').has('uninstall:recommend')).toBe(true);
    expect(ancestors(down, 'remove-ingress').has('remove-namespace')).toBe(true);
    expect(downSteps(settings, { keepData: false, includeIngress: false }).map((s) => s.name)).not.toContain('remove-ingress');
  });
});

describe('validateGraph', () => {
  const def = (name: string, extra: Partial<StepDefinition> = {}): StepDefinition => ({
    name,
    title: name,
    plan: () => [name],
    run: async () => undefined,
    ...extra,
  });
  const check =
    (...steps: Step[]) =>
    () =>
      validateGraph(steps);

  it('refuses repeated names, unknown or repeated needs, a step needing itself and cycles', () => {
    expect(check(dependsOn(def('a')), dependsOn(def('a')))).toThrow("step 'a' is declared twice");
    expect(check(dependsOn(def('a'), 'nope'))).toThrow("step 'a' needs unknown step 'nope'");
    expect(check(dependsOn(def('a')), dependsOn(def('b'), 'a', 'a'))).toThrow("step 'b' needs 'a' twice");
    expect(check(dependsOn(def('a'), 'a'))).toThrow("step 'a' needs itself");
    expect(check(dependsOn(def('a'), 'b'), dependsOn(def('b'), 'a'))).toThrow('cycle among a, b');
  });

  it('refuses a fact read that no ancestor writes, even when another step writes it', () => {
    expect(check(dependsOn(def('w', { writes: ['ingressAddress'] })), dependsOn(def('r', { reads: ['ingressAddress'] })))).toThrow(
      "step 'r' reads fact 'ingressAddress', which none of the steps it depends on writes",
    );
    expect(check(dependsOn(def('w', { writes: ['ingressAddress'] })), dependsOn(def('r', { reads: ['ingressAddress'] }), 'w'))).not.toThrow();
    // an entry of a record is written by whoever writes the whole record, not by a writer of another entry
    expect(check(dependsOn(def('w', { writes: ['imageTags'] })), dependsOn(def('r', { reads: ['imageTags.member'] }), 'w'))).not.toThrow();
    expect(check(dependsOn(def('w', { writes: ['images.mysub'] })), dependsOn(def('r', { reads: ['images.member'] }), 'w'))).toThrow('reads fact');
  });

  it('refuses a fact written while another step may read or write it at the same time', () => {
    const w = dependsOn(def('w', { writes: ['helmReleases'] }));
    expect(check(w, dependsOn(def('v', { writes: ['helmReleases'] })))).toThrow("step 'w' writes fact 'helmReleases' while step 'v' may use 'helmReleases'");
    expect(check(w, dependsOn(def('x', { writes: ['helmReleases'] })), dependsOn(def('r', { reads: ['helmReleases'] }), 'w'))).toThrow('at the same time');
    expect(check(w, dependsOn(def('v', { writes: ['helmReleases'] }), 'w'))).not.toThrow();
    expect(check(dependsOn(def('a', { writes: ['images.member'] })), dependsOn(def('b', { writes: ['images.mysub'] })))).not.toThrow();
    expect(check(dependsOn(def('a', { writes: ['images'] })), dependsOn(def('b', { writes: ['images.mysub'] })))).toThrow('at the same time');
  });

  it('refuses a step that changes something before preflight, when the graph has one', () => {
    expect(check(dependsOn(def('preflight', { readOnly: true })), dependsOn(def('change')))).toThrow(
      "step 'change' changes the world but does not come after 'preflight'",
    );
    expect(check(dependsOn(def('preflight', { readOnly: true })), dependsOn(def('look', { readOnly: true })))).not.toThrow();
    expect(check(dependsOn(def('preflight', { readOnly: true })), dependsOn(def('change'), 'preflight'))).not.toThrow();
  });
});
