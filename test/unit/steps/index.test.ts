import { describe, expect, test } from 'vitest';
import type { Step } from '../../../src/graph/step.js';
import { validateGraph } from '../../../src/graph/validate.js';
import * as steps from '../../../src/steps/index.js';
import { testSettings } from '../../fakes/context.js';

const settings = testSettings();
const { services } = settings.config;
const backends = services.filter((s) => s.kind === 'backend');

function upSteps(): Step[] {
  return [
    steps.preflightStep,
    steps.legacyCleanupStep,
    steps.reposStep,
    steps.chartReposStep,
    steps.ingressStep,
    steps.ingressAddressStep,
    steps.namespaceStep,
    steps.credentialsStep,
    ...backends.map(steps.databaseStep),
    steps.jarsStep,
    ...services.map(steps.imageStep),
    steps.registryLoginStep,
    steps.imageTagsStep,
    steps.dockerLoginStep,
    ...services.map(steps.pushStep),
    steps.webServiceStep,
    steps.webAddressStep,
    steps.pullSecretStep,
    steps.frontendContractStep,
    steps.routesStep,
    steps.configStep,
    ...services.map(steps.applyServiceStep),
    steps.applyStep(services),
    steps.readinessStep(),
    steps.smokeStep(),
  ];
}

function downSteps(): Step[] {
  return [
    steps.preflightStep,
    steps.guardStep,
    ...backends.map(steps.uninstallStep),
    steps.removeNamespaceStep({ keepData: false, services }),
    steps.removeIngressStep,
  ];
}

describe('the step factories', () => {
  test('name the up steps as the graph expects, and their needs close over them', () => {
    const all = upSteps();
    expect(all.map((s) => s.name)).toEqual([
      'preflight',
      'legacy-cleanup',
      'repos',
      'chart-repos',
      'ingress',
      'ingress-address',
      'namespace',
      'credentials',
      'database:member',
      'database:mysub',
      'database:recommend',
      'jars',
      'image:member',
      'image:mysub',
      'image:recommend',
      'image:lifesub-web',
      'registry-login',
      'image-tags',
      'docker-login',
      'push:member',
      'push:mysub',
      'push:recommend',
      'push:lifesub-web',
      'web-service',
      'web-address',
      'pull-secret',
      'frontend-contract',
      'routes',
      'config',
      'apply:member',
      'apply:mysub',
      'apply:recommend',
      'apply:lifesub-web',
      'apply',
      'readiness',
      'smoke',
    ]);
    expect(() => validateGraph(all)).not.toThrow();
    expect(() => validateGraph(all.filter((s) => s.name !== 'legacy-cleanup'))).not.toThrow();
  });

  test('name the down steps, with or without remove-ingress', () => {
    const all = downSteps();
    expect(all.map((s) => s.name)).toEqual([
      'preflight',
      'guard',
      'uninstall:member',
      'uninstall:mysub',
      'uninstall:recommend',
      'remove-namespace',
      'remove-ingress',
    ]);
    expect(() => validateGraph(all)).not.toThrow();
    expect(() => validateGraph(all.slice(0, -1))).not.toThrow();
  });

  test('every plan is pure and says something, without secrets or placeholders of undefined', () => {
    for (const step of [...upSteps(), ...downSteps(), steps.removeNamespaceStep({ keepData: true, services })]) {
      const lines = step.plan(settings);
      expect(lines.length, step.name).toBeGreaterThan(0);
      for (const line of lines) expect(line, step.name).not.toMatch(/undefined|\[object/);
    }
  });

  test('waiting and heavy steps carry a time limit; helm, build and push work is pooled', () => {
    for (const step of upSteps()) {
      if (/^(database|image:|jars|ingress$|chart-repos)/.test(step.name)) expect(step.pool, step.name).toMatch(/helm|builds/);
      if (step.name.startsWith('push:')) expect(step.pool).toBe('pushes');
      if (/address|readiness|smoke|database|image|push|jars|ingress$/.test(step.name)) expect(step.timeout, step.name).toBeDefined();
    }
  });
});
