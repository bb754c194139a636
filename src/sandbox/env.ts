// Environment variables through which the sandbox's parts find each other. The start-up code sets
// them in SandboxHandle.toolEnv; the tool shims (separate processes) read them.

/** The sandbox directory (`<LIFESUB_HOME>/sandbox`): state, images, logins, ports, kubeconfig. */
export const HOME_VAR = 'LIFESUB_SANDBOX_HOME';
/** Base URL of the simulated container registry (http://127.0.0.1:PORT); virtual hosts via `Host`. */
export const REGISTRY_VAR = 'LIFESUB_SANDBOX_REGISTRY';
/** Latency profile name (config/sandbox/profiles/<name>.yaml). */
export const PROFILE_VAR = 'LIFESUB_SANDBOX_PROFILE';
/** Optional fault file (YAML or JSON), see docs/sandbox.md. */
export const FAULTS_VAR = 'LIFESUB_SANDBOX_FAULTS';
/** Which lifesub-web layout `git clone` produces: "2025-03" or "2025-05" (default). */
export const WEB_LAYOUT_VAR = 'LIFESUB_SANDBOX_WEB_LAYOUT';
/** Like the real docker: the directory holding `config.json` (logins). */
export const DOCKER_CONFIG_VAR = 'DOCKER_CONFIG';

/** Reads a required variable; the shims are useless without them, so say which one is missing. */
export function requireEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set: run this through lifesub --sandbox (it sets the sandbox environment)`);
  return value;
}
