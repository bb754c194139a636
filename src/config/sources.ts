// Where each setting comes from. Precedence, highest first: command-line flags > environment
// (LIFESUB_*) > the configuration file (lifesub.config.yaml) > the built-in defaults (config/default.yaml),
// like kubectl/helm/az: a flag is the most specific statement of intent, a file the least.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The file `lifesub init` writes and every command reads from the current directory when present. */
export const CONFIG_FILE_NAME = 'lifesub.config.yaml';

/** The settings a person usually varies per run, settable by flag, environment and file alike. */
export const RUN_KEYS = ['id', 'kubeconfig', 'context', 'timeout'] as const;
export type RunKey = (typeof RUN_KEYS)[number];

/**
 * Every environment variable lifesub reads for a setting. LIFESUB_HOME (sandbox state), LIFESUB_HELM
 * (helm binary) and LIFESUB_DEBUG (stack traces) are read where they are used; KUBECONFIG is honoured
 * by the Kubernetes client when neither --kubeconfig nor LIFESUB_KUBECONFIG is set.
 */
export const ENV_VARS = {
  id: 'LIFESUB_ID',
  config: 'LIFESUB_CONFIG',
  workspace: 'LIFESUB_WORKSPACE',
  kubeconfig: 'LIFESUB_KUBECONFIG',
  context: 'LIFESUB_CONTEXT',
  timeout: 'LIFESUB_TIMEOUT',
} as const;
export type EnvKey = keyof typeof ENV_VARS;

export type Source = 'flag' | 'env' | 'file' | 'default';

export interface Sourced {
  value: string;
  source: Source;
  /** How the user named it: "--id", "LIFESUB_ID", "/home/a/lifesub.config.yaml", "config/default.yaml". */
  origin: string;
}

const FLAG_OF: Record<EnvKey, string> = {
  id: '--id',
  config: '--config',
  workspace: '--workspace',
  kubeconfig: '--kubeconfig',
  context: '--context',
  timeout: '--timeout',
};

/** The value of `key` from the flag, else the environment; undefined when neither sets it. */
export function fromFlagOrEnv(key: EnvKey, flag: string | undefined, env: NodeJS.ProcessEnv): Sourced | undefined {
  if (flag !== undefined) return { value: flag, source: 'flag', origin: FLAG_OF[key] };
  const fromEnv = env[ENV_VARS[key]];
  if (fromEnv !== undefined && fromEnv !== '') return { value: fromEnv, source: 'env', origin: ENV_VARS[key] };
  return undefined;
}

/** The configuration file: --config, else LIFESUB_CONFIG, else ./lifesub.config.yaml when it exists. */
export function configFile(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): Sourced | undefined {
  const given = fromFlagOrEnv('config', flag, env);
  if (given) return { ...given, value: resolve(cwd, given.value) };
  const found = join(cwd, CONFIG_FILE_NAME);
  return existsSync(found) ? { value: found, source: 'file', origin: `./${CONFIG_FILE_NAME}` } : undefined;
}
