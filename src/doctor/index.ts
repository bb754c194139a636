// The checks `up` needs, run by `lifesub doctor` and by `up`'s preflight step (`down`'s preflight
// checks only the cluster, src/steps/preflight.ts). One file per family; they run concurrently
// (src/doctor/run.ts).
import { registryCheck } from './azure.js';
import type { Check } from './check.js';
import { dockerCheck } from './docker.js';
import { gitCheck } from './git.js';
import { helmCheck } from './helm.js';
import { jdkCheck } from './jdk.js';
import { kubeCheck } from './kube.js';
import { diskCheck, workspaceCheck } from './workspace.js';

/** Everything `up` needs, in the order a report lists them. */
export const UP_CHECKS: readonly Check[] = [kubeCheck, helmCheck, dockerCheck, gitCheck, jdkCheck, registryCheck, workspaceCheck, diskCheck];
