// The `up` graph — the file to read first. It is the lab walkthrough as its true data dependencies;
// the runner starts each step as soon as what it needs is done, so the long waits overlap, and within
// a pool the step with the longest remaining path goes first (src/graph/pools.ts):
//
//  preflight ─┬─ namespace ─┬─ credentials ──────────────┬─ database:<backend> ────────────────────┐
//             │             ├─ web-service ─ web-address ─┤                                        │
//             │             └─────────────── pull-secret ─┼────────────────────────────────────┐   │
//             └─ registry-login ──┬───────────────────────┘                                    │   │
//  repos ─────────────────────────┴─ image-tags ─┬─ jars ─ image:<backend> ─┐                  │   │
//                                                ├─ image:lifesub-web ──────┼─ push:<service> ─┤   │
//                                                └─ docker-login ───────────┘                  ▼   ▼
//  chart-repos ─┬─ ingress ─ ingress-address ─ config ──────────────────────────▶ apply:<service>
//               └─ database:<backend> (with credentials)       config + ingress ─▶ apply (Ingress)
//                                                   apply + every apply:<service> ─▶ readiness ─ smoke
//  repos ─ frontend-contract ─▶ config          ingress-address ─ routes ─▶ config, apply
//
// image-tags names each image by a digest of its inputs and asks the registry which exist: those are
// neither built (jars, image:*) nor pushed, and docker-login runs only when something is pushed. The
// frontend image needs no address (runtime-env.js, applied by config, carries the URLs). Each
// workload (apply:<service>) goes out as soon as its own image, database and configuration exist.
// (`legacy-cleanup` runs first with --clean-legacy.)
import type { Settings } from '../config/schema.js';
import {
  applyServiceStep,
  applyStep,
  chartReposStep,
  configStep,
  credentialsStepFor,
  databaseStep,
  frontendContractStep,
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
  routesStep,
  smokeStep,
  webAddressStep,
  webServiceStep,
} from '../steps/index.js';
import type { Step } from './step.js';

export interface UpOptions {
  cleanLegacy: boolean;
  /** Uninstall the databases and delete their data volumes first (the way out when their passwords are lost). */
  resetData?: boolean;
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
    credentialsStepFor({ resetData: !!options.resetData }),
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
    frontendContractStep,
    routesStep,
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
