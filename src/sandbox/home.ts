// Where the sandbox keeps its files: everything under <LIFESUB_HOME>/sandbox, so deleting that
// directory resets the simulated world.
import path from 'node:path';

export interface SandboxPaths {
  dir: string;
  /** Cluster state of the simulated API server. */
  stateFile: string;
  /** Registries, their admin credentials and pushed manifests. */
  registryFile: string;
  /** Local docker image store: one file per tag so concurrent builds never rewrite each other. */
  imagesDir: string;
  /** DOCKER_CONFIG directory; logins live in its config.json like the real docker's. */
  dockerConfigDir: string;
  dockerConfigFile: string;
  /** Packaged stand-in charts (`<name>-<version>.tgz`) the chart repository serves. */
  chartsDir: string;
  /** The real helm's own config, cache and data (HELM_CONFIG_HOME, …): nothing outside the sandbox. */
  helmDir: string;
  /** Port per server, reused across runs so kubeconfigs stay valid. */
  portsFile: string;
  kubeconfig: string;
  /** pid, endpoints, profile and faults of a running `lifesub sandbox serve` (foreground or background). */
  serveFile: string;
  /** pid of the background sandbox, written as soon as it is spawned (before serve.json), for `sandbox stop`. */
  servePidFile: string;
  /** stdout and stderr of the background sandbox (rewritten at each start). */
  serveLogFile: string;
  /** Held (briefly) while a command starts, restarts or stops the background sandbox. */
  backgroundLockFile: string;
  /** One file per lifesub process attached to a served sandbox (named by pid): who would a restart break. */
  clientsDir: string;
  /** Held by the process that owns (serves) the state. */
  lockFile: string;
  /** API server bearer token and fake ARM token (mode 0600). */
  tokensFile: string;
}

export function sandboxPaths(lifesubHome: string): SandboxPaths {
  return pathsOfSandboxDir(path.join(lifesubHome, 'sandbox'));
}

/** Same, from the sandbox directory itself (what LIFESUB_SANDBOX_HOME names). */
export function pathsOfSandboxDir(dir: string): SandboxPaths {
  const at = (name: string) => path.join(dir, name);
  return {
    dir,
    stateFile: at('state.json'),
    registryFile: at('registry.json'),
    imagesDir: at('images'),
    dockerConfigDir: at('docker'),
    dockerConfigFile: path.join(dir, 'docker', 'config.json'),
    chartsDir: at('charts'),
    helmDir: at('helm'),
    portsFile: at('ports.json'),
    kubeconfig: at('kubeconfig'),
    serveFile: at('serve.json'),
    servePidFile: at('serve.pid'),
    serveLogFile: at('serve.log'),
    backgroundLockFile: at('background.lock'),
    clientsDir: at('clients'),
    lockFile: at('lock'),
    tokensFile: at('tokens.json'),
  };
}
