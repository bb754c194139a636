// Every step of `up` and `down`; src/graph/up.ts and src/graph/down.ts arrange them.
// up
export { clusterPreflightStep, preflightStep } from './preflight.js';
export { legacyCleanupStep, LEGACY_NAMESPACE, LEGACY_RELEASES } from './legacy-cleanup.js';
export { reposStep } from './repos.js';
export { chartReposStep } from './chart-repos.js';
export { ingressStep } from './ingress.js';
export { ingressAddressStep } from './ingress-address.js';
export { namespaceStep } from './namespace.js';
export { credentialsStep, credentialsStepFor, type CredentialsOptions } from './credentials.js';
export { databaseStep } from './database.js';
export { jarsStep, gradleTasks } from './jars.js';
export { imageStep, findDockerfile } from './image.js';
export { registryLoginStep } from './registry-login.js';
export { imageTagsStep } from './image-tags.js';
export { dockerLoginStep } from './docker-login.js';
export { pushStep } from './push.js';
export { webServiceStep } from './web-service.js';
export { webAddressStep } from './web-address.js';
export { pullSecretStep } from './pull-secret.js';
export { configStep } from './config.js';
export { frontendContractStep } from './frontend-contract.js';
export { routesStep, BACKEND_INGRESS } from './routes.js';
export { applyStep, applyServiceStep } from './apply.js';
export { readinessStep, type ReadinessOptions } from './readiness.js';
export { smokeStep, type SmokeOptions } from './smoke.js';
// down
export { guardStep, PROTECTED_NAMESPACES } from './guard.js';
export { foreignCheckStep, type ForeignCheckOptions } from './foreign-check.js';
export { uninstallStep } from './uninstall.js';
export { removeNamespaceStep, type RemoveNamespaceOptions } from './remove-namespace.js';
export { removeIngressStep } from './remove-ingress.js';
// helpers other parts may reuse (status command, summaries)
export { loadBalancerAddress } from './lb-address.js';
export { diagnose, type Diagnosis, type Workload } from './diagnose.js';
export { rolledOut, deploymentRolledOut, statefulSetRolledOut } from './rollout.js';
