// The `up` graph — the file to read first: every edge of `up` is here (each step's definition, in
// src/steps, says what it does and which facts it reads and writes). It is the lab walkthrough as its
// true data dependencies; the runner starts each step as soon as what it needs is done, so the long
// waits overlap, and within a pool the step with the longest remaining path goes first
// (src/graph/pools.ts). The picture, generated from this file, is docs/graph.md (`npm run graph`).
//
// preflight comes before every step that changes anything. image-tags names each image by a digest of
// its inputs and asks the registry which exist: those are neither built (jars, image:*) nor pushed, and
// docker-login runs only when something is pushed. The frontend image needs no address
// (runtime-env.js, applied by config, carries the URLs). Each workload (apply:<service>) goes out as
// soon as its own image, database and configuration exist; only config waits for the addresses.
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
import { dependsOn, type Step } from './step.js';

export interface UpOptions {
  cleanLegacy: boolean;
  /** Uninstall the databases and delete their data volumes first (the way out when their passwords are lost). */
  resetData?: boolean;
}

export function upSteps(settings: Settings, options: UpOptions): Step[] {
  const services = settings.config.services;
  const backends = services.filter((s) => s.kind === 'backend');
  // With --clean-legacy the old lab's namespace goes first: every step that touches the cluster waits for it.
  const cluster = options.cleanLegacy ? ['preflight', 'legacy-cleanup'] : ['preflight'];
  // With --reset-data the databases are removed by the credentials step; chart-repos lists the
  // releases after that, so the database steps see them gone and install them afresh.
  const chartReposAfter = options.resetData ? ['preflight', 'credentials'] : ['preflight'];
  const steps: Step[] = [
    dependsOn(preflightStep),
    ...(options.cleanLegacy ? [dependsOn(legacyCleanupStep, 'preflight')] : []),
    dependsOn(reposStep, 'preflight'),
    dependsOn(chartReposStep, ...chartReposAfter),
    dependsOn(ingressStep, 'chart-repos', ...cluster),
    dependsOn(ingressAddressStep, 'ingress'),
    dependsOn(namespaceStep, ...cluster),
    dependsOn(credentialsStepFor({ resetData: !!options.resetData }), 'namespace'),
    ...backends.map((s) => dependsOn(databaseStep(s), 'credentials', 'chart-repos')),
    dependsOn(jarsStep, 'image-tags'),
    ...services.map((s) => dependsOn(imageStep(s), s.kind === 'frontend' ? 'image-tags' : 'jars')),
    dependsOn(registryLoginStep, ...cluster),
    dependsOn(imageTagsStep, 'repos', 'registry-login'),
    dependsOn(dockerLoginStep, 'image-tags'),
    ...services.map((s) => dependsOn(pushStep(s), `image:${s.name}`, 'docker-login')),
    dependsOn(webServiceStep, 'namespace'),
    dependsOn(webAddressStep, 'web-service'),
    dependsOn(pullSecretStep, 'namespace', 'registry-login'),
    dependsOn(frontendContractStep, 'repos'),
    dependsOn(routesStep, 'ingress-address'),
    dependsOn(configStep, 'credentials', 'ingress-address', 'web-address', 'frontend-contract', 'routes'),
    ...services.map((s) => dependsOn(applyServiceStep(s), 'config', 'pull-secret', `push:${s.name}`, ...(s.kind === 'backend' ? [`database:${s.name}`] : []))),
    dependsOn(applyStep(services), 'config', 'ingress'),
    dependsOn(readinessStep(), 'apply', ...services.map((s) => `apply:${s.name}`)),
    dependsOn(smokeStep(), 'readiness'),
  ];
  return steps;
}
