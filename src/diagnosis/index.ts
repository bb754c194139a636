// Causes, not symptoms: the cluster's and the tools' own words mapped to a specific fix. One module
// shared by `up`, `status` and `down` (and by the adapters that turn API errors into messages).
export type { Cause } from './cause.js';
export { firstLine } from './cause.js';
export { imagePullCause, pullFailureOf, registryHostOf, type PullContext, type PullFailure } from './image-pull.js';
export { namespaceTerminatingCause, finalizersOf } from './namespace.js';
export { loadBalancerCause } from './load-balancer.js';
export { apiRefusalCause, rbacDenial } from './api-refusal.js';
export { toolOutputCause, helmOwnerOf } from './tool-output.js';
export { podCreationCause, apiserverRefusalOf, type PodCreationContext } from './pod-creation.js';
