// From flags + configuration to the Settings every step reads. All problems (ID, configuration,
// flags) are collected and reported together, so one run tells the user everything to fix.
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { idProblems } from './id.js';
import { readConfig } from './read.js';
import { pathProblem } from './paths.js';
import { durationPattern, MAX_DURATION_MS, parseDuration, type Config, type Settings } from './schema.js';
import { configFile, fromFlagOrEnv, type RunKey, type Sourced } from './sources.js';
import type { ConfigReading } from './read.js';

export interface SettingsFlags {
  id?: string;
  workspace?: string;
  kubeconfig?: string;
  context?: string;
  config?: string;
  timeout?: string;
  yes?: boolean;
  verbose?: boolean;
  output?: string;
  strict?: boolean;
}

const OUTPUTS = ['text', 'json'] as const;

/** The inputs of a run with where each came from: flags > environment > configuration file > defaults. */
export interface Inputs {
  /** The configuration file read, if any (--config, LIFESUB_CONFIG or ./lifesub.config.yaml). */
  file?: Sourced;
  reading: ConfigReading;
  id?: Sourced;
  workspace?: Sourced;
  kubeconfig?: Sourced;
  context?: Sourced;
  timeout?: Sourced;
}

/** Reads the configuration file and layers flags, environment and file (no validation beyond the file's). */
export function resolveInputs(flags: SettingsFlags, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Inputs {
  const file = configFile(flags.config, env, cwd);
  const reading = readConfig(file?.value);
  const fromFile = (key: RunKey): Sourced | undefined => {
    const value = reading.run?.[key];
    return value === undefined || !file ? undefined : { value, source: 'file', origin: file.value };
  };
  const layered = (key: RunKey, flag: string | undefined): Sourced | undefined => fromFlagOrEnv(key, flag, env) ?? fromFile(key);
  const workspace =
    fromFlagOrEnv('workspace', flags.workspace, env) ??
    (reading.config && reading.overrides?.includes('workspace') && file
      ? { value: reading.config.workspace, source: 'file' as const, origin: file.value }
      : reading.config
        ? { value: reading.config.workspace, source: 'default' as const, origin: 'config/default.yaml' }
        : undefined);
  const inputs: Inputs = { reading };
  if (file) inputs.file = file;
  const set = (key: 'id' | 'workspace' | 'kubeconfig' | 'context' | 'timeout', v: Sourced | undefined): void => {
    if (v) inputs[key] = v;
  };
  set('id', layered('id', flags.id));
  set('workspace', workspace);
  set('kubeconfig', layered('kubeconfig', flags.kubeconfig));
  set('context', layered('context', flags.context));
  set('timeout', layered('timeout', flags.timeout));
  return inputs;
}

export function resolveSettings(flags: SettingsFlags, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Settings {
  const problems: string[] = [];
  const hints = new Set<string>();

  const inputs = resolveInputs(flags, env, cwd);
  const reading = inputs.reading;
  problems.push(...reading.problems);
  reading.hints.forEach((h) => hints.add(h));
  // The ID rules depend on the suffixes; with a broken file, judge the ID by the defaults.
  const suffixes: Pick<Config, 'namespaceSuffix' | 'registrySuffix'> = reading.config ?? readConfig().config!;
  const named = (v: Sourced | undefined, flag: string): string => (v && v.source !== 'flag' ? `${flag} (from ${v.origin})` : flag);
  const timeout = inputs.timeout?.value;
  const timeoutName = named(inputs.timeout, '--timeout');

  const id = inputs.id?.value.trim();
  if (!id) {
    problems.push('no student ID given');
    hints.add('pass --id <your lab ID> (or set LIFESUB_ID, or id: in lifesub.config.yaml), e.g. --id alice');
  } else {
    const idIssues = idProblems(id, suffixes);
    problems.push(...idIssues);
    if (idIssues.length > 0) hints.add('pass the lab ID your registry and namespace are named after, e.g. --id dg0200');
  }

  let timeoutMs: number | undefined;
  if (timeout !== undefined) {
    if (!durationPattern.test(timeout.trim()) || (timeoutMs = parseDuration(timeout)) <= 0) {
      problems.push(`${timeoutName} '${timeout}' is not a positive duration`);
      hints.add('give --timeout as a number with a unit: 90s, 30m or 1h');
      timeoutMs = undefined;
    } else if (timeoutMs > MAX_DURATION_MS) {
      problems.push(`${timeoutName} '${timeout}' is longer than the maximum of 168h (7 days)`);
      hints.add('give --timeout as a number with a unit: 90s, 30m or 1h (at most 168h)');
      timeoutMs = undefined;
    }
  }

  for (const problem of [
    inputs.workspace === undefined || inputs.workspace.source === 'default'
      ? undefined
      : pathProblem(expandHome(inputs.workspace.value), 'directory', named(inputs.workspace, '--workspace')),
    inputs.kubeconfig === undefined ? undefined : pathProblem(expandHome(inputs.kubeconfig.value), 'file', named(inputs.kubeconfig, '--kubeconfig')),
    env.LIFESUB_HOME ? pathProblem(env.LIFESUB_HOME, 'directory', 'LIFESUB_HOME') : undefined,
  ]) {
    if (!problem) continue;
    problems.push(problem);
    hints.add('point it at the right place (a directory for --workspace and LIFESUB_HOME, a file for --kubeconfig)');
  }

  const output = flags.output ?? 'text';
  if (!(OUTPUTS as readonly string[]).includes(output)) {
    problems.push(`--output '${output}' is not one of ${OUTPUTS.join(', ')}`);
    hints.add('use --output text (default) or --output json');
  }

  if (problems.length > 0 || !reading.config || !id) {
    const head = problems.length === 1 ? 'cannot start:' : `cannot start (${problems.length} problems):`;
    throw new UserError(`${head}\n${problems.map((p) => `- ${p.replace(/\n/g, '\n  ')}`).join('\n')}`, [...hints].join('; '));
  }

  const config = reading.config;
  const registryName = `${id}${config.registrySuffix}`.toLowerCase();
  return {
    id,
    namespace: `${id}${config.namespaceSuffix}`,
    registryName,
    loginServer: `${registryName}.${config.registry.domain}`.toLowerCase(),
    workspace: expandHome(inputs.workspace?.value ?? config.workspace),
    kubeconfig: inputs.kubeconfig === undefined ? undefined : expandHome(inputs.kubeconfig.value),
    context: inputs.context?.value,
    config,
    timeoutMs,
    yes: flags.yes ?? false,
    verbose: flags.verbose ?? false,
    output: output as Settings['output'],
    ...(flags.strict ? { strict: true } : {}),
  };
}

/** `~` and `~/x` → the home directory; then absolute. (`~user` is left to the shell.) */
export function expandHome(path: string): string {
  if (path === '~') return homedir();
  if (path.startsWith('~/') || path.startsWith('~\\')) return resolve(homedir(), path.slice(2));
  return resolve(path);
}
