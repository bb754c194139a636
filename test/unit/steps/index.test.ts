import { describe, expect, test } from 'vitest';
import { downSteps } from '../../../src/graph/down.js';
import type { Step } from '../../../src/graph/step.js';
import { upSteps } from '../../../src/graph/up.js';
import { testSettings } from '../../fakes/context.js';

const settings = testSettings();

/** Every step either graph can hold, whatever the options. */
function allSteps(): Step[] {
  return [
    ...upSteps(settings, { cleanLegacy: true, resetData: true }),
    ...downSteps(settings, { keepData: false, includeIngress: true, force: true }),
    ...downSteps(settings, { keepData: true, includeIngress: false }),
  ];
}

describe('the step definitions', () => {
  test('every plan is pure and says something, without secrets or placeholders of undefined', () => {
    for (const step of allSteps()) {
      const lines = step.plan(settings);
      expect(lines.length, step.name).toBeGreaterThan(0);
      for (const line of lines) expect(line, step.name).not.toMatch(/undefined|\[object/);
    }
  });

  test('waiting and heavy steps carry a time limit; helm, build, image and push work is pooled', () => {
    for (const step of upSteps(settings, { cleanLegacy: false })) {
      if (/^(database|ingress$|chart-repos)/.test(step.name)) expect(step.pool, step.name).toBe('helm');
      // compiles share the heavy pool; a backend image (a jar copied onto a JRE image) does not queue behind them
      if (/^(jars|image:lifesub-web)$/.test(step.name)) expect(step.pool, step.name).toBe('builds');
      if (/^image:(member|mysub|recommend)$/.test(step.name)) expect(step.pool, step.name).toBe('images');
      if (step.name.startsWith('push:')) expect(step.pool).toBe('pushes');
      if (/address|readiness|smoke|database|image|push|jars|ingress$/.test(step.name)) expect(step.timeout, step.name).toBeDefined();
    }
  });
});
