// The `up` graph — the file to read first. It is the lab walkthrough as dependencies; the runner
// starts each step as soon as what it needs is done, so the long waits overlap:
//
//  preflight ──┬── namespace ──┬── credentials ──┬── database:member|mysub|recommend ─────────────┐
//              │               ├── web-service ── web-address ──┐                                │
//              │               │                                ├── config ──┐                   │
//              │               │                credentials ────┘            │                   │
//              ├── registry-login ──┬── pull-secret ─────────────────────────┤                   │
//              │                    └───────────────┐                        │                   │
//  chart-repos ┴── ingress ── ingress-address ──────┼── image:lifesub-web ── push:lifesub-web ──┐ │
//  repos ──────┬────────────────────────────────────┘                                          │ │
//              └── jars ── image:member|mysub|recommend ── push:member|mysub|recommend ────────┤ │
//                                                                                              ▼ ▼
//                                                               apply (config, pull-secret, pushes, databases)
//                                                                 └── readiness ── smoke
//
// (`legacy-cleanup` runs first with --clean-legacy; ingress-address also feeds config.)
import type { Settings } from '../config/schema.js';
import {
  applyServiceStep,
  applyStep,
  chartReposStep,
  configStep,
  credentialsStep,
  databaseStep,
  dockerLoginStep,
  imageStep,
  imageTagsStep,
  ingressAddressStep,
  ingressStep,
  jarsStep,
  legacyCleanupStep,
  namespaceStep,
  preflightStep,
  pullSecretStep,
  pushStep,
  readinessStep,
  registryLoginStep,
  reposStep,
  smokeStep,
  webAddressStep,
  webServiceStep,
} from '../steps/index.js';
import type { Step } from './step.js';

export interface UpOptions {
  cleanLegacy: boolean;
}

export function upSteps(settings: Settings, options: UpOptions): Step[] {
  const services = settings.config.services;
  const backends = services.filter((s) => s.kind === 'backend');
  const steps: Step[] = [
    preflightStep,
    reposStep,
    chartReposStep,
    ingressStep,
    ingressAddressStep,
    namespaceStep,
    credentialsStep,
    ...backends.map(databaseStep),
    jarsStep,
    ...services.map(imageStep),
    registryLoginStep,
    imageTagsStep,
    dockerLoginStep,
    ...services.map(pushStep),
    webServiceStep,
    webAddressStep,
    pullSecretStep,
    configStep,
    ...services.map(applyServiceStep),
    applyStep(services),
    { ...readinessStep(), needs: ['apply', ...services.map((s) => `apply:${s.name}`)] },
    smokeStep(),
  ];
  if (!options.cleanLegacy) return steps;
  // The old lab's namespace goes first: everything that touches the cluster waits for it.
  const afterCleanup = (s: Step): Step => (s.needs.includes('preflight') ? { ...s, needs: [...s.needs, legacyCleanupStep.name] } : s);
  return [legacyCleanupStep, ...steps.map(afterCleanup)];
}
