// Environment variables through which the sandbox's parts find each other. The start-up code sets
// them in SandboxHandle.toolEnv; the tool shims (separate processes) read them.

/** The sandbox directory (`<LIFESUB_HOME>/sandbox`): state, images, logins, ports, kubeconfig. */
export const HOME_VAR = 'LIFESUB_SANDBOX_HOME';
/** Base URL of the simulated container registry (http://127.0.0.1:PORT); virtual hosts via `Host`. */
export const REGISTRY_VAR = 'LIFESUB_SANDBOX_REGISTRY';
/** Latency profile name (config/sandbox/profiles/<name>.yaml). */
export const PROFILE_VAR = 'LIFESUB_SANDBOX_PROFILE';
/**
 * The loaded profile itself (JSON), so each tool shim can skip reading and parsing the YAML: the
 * `yaml` package was about half of a shim's start-up, and an `up` starts over a dozen shims.
 */
export const PROFILE_DATA_VAR = 'LIFESUB_SANDBOX_PROFILE_DATA';
/** Optional fault file (YAML or JSON), see docs/sandbox.md. */
export const FAULTS_VAR = 'LIFESUB_SANDBOX_FAULTS';
/**
 * Which lab variant the simulated `git clone` of lifesub-web produces: "A" (2025-02-15 … 2025-04-05,
 * the lab guide's) or "B" (since 2025-04-06, the default: the guide clones without a branch, so
 * students get today's). See docs/sandbox.md.
 */
export const LAB_VARIANT_VAR = 'LIFESUB_SANDBOX_LAB_VARIANT';
/** Older name of LAB_VARIANT_VAR: "2025-03" means variant A, "2025-05" variant B. Still honoured. */
export const WEB_LAYOUT_VAR = 'LIFESUB_SANDBOX_WEB_LAYOUT';
/** The Java version the sandbox's `java` reports and its Gradle runs on, e.g. "17.0.9" (default "21.0.5"). */
export const JAVA_VERSION_VAR = 'LIFESUB_SANDBOX_JAVA_VERSION';
/** Like the real docker: the directory holding `config.json` (logins). */
export const DOCKER_CONFIG_VAR = 'DOCKER_CONFIG';

/** Reads a required variable; the shims are useless without them, so say which one is missing. */
export function requireEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set: run this through lifesub --sandbox (it sets the sandbox environment)`);
  return value;
}
