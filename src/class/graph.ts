// The class's two graphs, both cut from the `up` graph (src/graph/up.ts) so they stay the lab's steps:
//
//  shared (once):  preflight, repos, chart-repos, ingress ─ ingress-address, frontend-contract,
//                  registry-login ─ image-tags ─ jars ─ image:* ─ docker-login ─ push:*   (source registry)
//  per student:    preflight ─ namespace ─ quota ─ credentials ─ database:* ─┐
//                  registry-login ─ import:* ──────────────────────────────────┼─ apply:* ─ apply ─ readiness ─ smoke
//                  web-service ─ web-address, pull-secret, routes ─ config ─────┘
//
// A student's graph starts from the shared graph's facts (clones, ingress address, frontend contract);
// the steps that made them are left out and their edges dropped. push:<service> becomes import:<service>,
// and every step that starts pods (database:*, apply:*) waits for the namespace budget.
import type { Settings } from '../config/schema.js';
import type { Facts, Step } from '../graph/step.js';
import { upSteps } from '../graph/up.js';
import { clusterPreflightStep } from '../steps/index.js';
import { importStep, quotaStep, type ClassImages } from './steps.js';
import type { Budget } from './roster.js';

const SHARED = /^(preflight|repos|chart-repos|ingress|ingress-address|frontend-contract|registry-login|image-tags|jars|image:.*|docker-login|push:.*)$/;
/** Shared steps a student's graph also runs for itself (its own cluster check and registry credentials). */
const ALSO_PER_STUDENT = new Set(['preflight', 'registry-login']);

/** The build-once part: everything no student owns, run against the source registry's settings. */
export function sharedSteps(source: Settings): Step[] {
  return upSteps(source, { cleanLegacy: false }).filter((s) => SHARED.test(s.name));
}

/** What a student's graph takes over from the shared run (and nothing student-specific, such as helm's release snapshot). */
export function sharedFacts(facts: Facts): Facts {
  const { repoDirs, apiBasePaths, frontendBasePaths, ingressController, ingressAddress } = facts;
  return { repoDirs, apiBasePaths, frontendBasePaths, ingressController, ingressAddress };
}

/** One student's part of `up`, with the budget and the imports in place of builds and pushes. */
export function studentSteps(settings: Settings, images: ClassImages, ...budget: Array<Budget | undefined>): Step[] {
  const services = settings.config.services;
  const kept = upSteps(settings, { cleanLegacy: false }).filter((s) => !SHARED.test(s.name) || ALSO_PER_STUDENT.has(s.name));
  const names = new Set([...kept.map((s) => s.name), 'quota', ...services.map((s) => `import:${s.name}`)]);
  const rewire = (step: Step): Step => {
    const needs = step.needs.map((n) => n.replace(/^push:/, 'import:')).filter((n) => names.has(n));
    const startsPods = step.name.startsWith('database:') || step.name.startsWith('apply:');
    return { ...step, needs: startsPods ? [...needs, 'quota'] : needs };
  };
  // A student's own preflight is the cluster check only: the tools (docker, git, JDK, helm) are the
  // instructor's, checked once by the shared graph's preflight, and the roster checked every registry.
  // helm's release snapshot (chart-repos) is not handed over: the database steps then ask helm itself.
  const own = (step: Step): Step =>
    step.name === 'preflight'
      ? { ...clusterPreflightStep, needs: step.needs }
      : { ...step, ...(step.reads ? { reads: step.reads.filter((f) => f !== 'helmReleases') } : {}) };
  return [...kept.map(rewire).map(own), quotaStep(...budget), ...services.map((s) => importStep(s, images))];
}
