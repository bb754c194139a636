// The kubeconfig for the simulated cluster and the environment the tool shims run with.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import {
  DOCKER_CONFIG_VAR,
  FAULTS_VAR,
  HOME_VAR,
  JAVA_VERSION_VAR,
  LAB_VARIANT_VAR,
  PROFILE_DATA_VAR,
  PROFILE_VAR,
  REGISTRY_VAR,
  WEB_LAYOUT_VAR,
} from './env.js';
import { loadProfile } from './profile.js';
import type { SandboxPaths } from './home.js';
import { shimDir } from './package-root.js';

export const SANDBOX_CONTEXT = 'lifesub-sandbox';

export function writeKubeconfig(file: string, server: string, token: string): void {
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': SANDBOX_CONTEXT,
    clusters: [{ name: SANDBOX_CONTEXT, cluster: { server, 'insecure-skip-tls-verify': true } }],
    users: [{ name: `${SANDBOX_CONTEXT}-user`, user: { token } }],
    contexts: [{ name: SANDBOX_CONTEXT, context: { cluster: SANDBOX_CONTEXT, user: `${SANDBOX_CONTEXT}-user`, namespace: 'default' } }],
    preferences: {},
  };
  mkdirSync(path.dirname(file), { recursive: true });
  // The token is a credential of the simulated cluster: owner-only, like ~/.kube/config.
  writeFileSync(file, stringify(config), { mode: 0o600 });
}

/** PATH with the shims first, the sandbox locations, and the pass-through knobs. */
export function toolEnvironment(paths: SandboxPaths, registryUrl: string, profile: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const out: Record<string, string> = {
    PATH: [shimDir, env.PATH].filter(Boolean).join(path.delimiter),
    [HOME_VAR]: paths.dir,
    [REGISTRY_VAR]: registryUrl,
    [PROFILE_VAR]: profile,
    [PROFILE_DATA_VAR]: JSON.stringify(loadProfile(profile)),
    [DOCKER_CONFIG_VAR]: paths.dockerConfigDir,
    KUBECONFIG: paths.kubeconfig,
    ...helmEnvironment(paths.helmDir),
  };
  for (const name of [FAULTS_VAR, WEB_LAYOUT_VAR, LAB_VARIANT_VAR, JAVA_VERSION_VAR]) {
    const value = env[name];
    if (value) out[name] = name === FAULTS_VAR ? path.resolve(value) : value;
  }
  return out;
}

/**
 * Real helm keeps repositories, caches and plugins under the user's home by default; in the sandbox
 * they live under `<sandbox>/helm` so a sandbox run writes nothing outside $LIFESUB_HOME (variables
 * from Helm's `helm env`, plus client-go's KUBECACHEDIR).
 */
export function helmEnvironment(helmDir: string) {
  return {
    HELM_CONFIG_HOME: path.join(helmDir, 'config'),
    HELM_CACHE_HOME: path.join(helmDir, 'cache'),
    HELM_DATA_HOME: path.join(helmDir, 'data'),
    HELM_REPOSITORY_CONFIG: path.join(helmDir, 'config', 'repositories.yaml'),
    HELM_REPOSITORY_CACHE: path.join(helmDir, 'cache', 'repository'),
    // client-go's discovery cache (default ~/.kube/cache), which helm fills on every call.
    KUBECACHEDIR: path.join(helmDir, 'kube-cache'),
  };
}
