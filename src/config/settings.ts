// From flags + configuration to the Settings every step reads. All problems (ID, configuration,
// flags) are collected and reported together, so one run tells the user everything to fix.
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { idProblems } from './id.js';
import { readConfig } from './read.js';
import { pathProblem } from './paths.js';
import { durationPattern, MAX_DURATION_MS, parseDuration, type Config, type Settings } from './schema.js';

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

export function resolveSettings(flags: SettingsFlags, env: NodeJS.ProcessEnv = process.env): Settings {
  const problems: string[] = [];
  const hints = new Set<string>();

  const reading = readConfig(flags.config);
  problems.push(...reading.problems);
  reading.hints.forEach((h) => hints.add(h));
  // The ID rules depend on the suffixes; with a broken file, judge the ID by the defaults.
  const suffixes: Pick<Config, 'namespaceSuffix' | 'registrySuffix'> = reading.config ?? readConfig().config!;

  const id = flags.id?.trim();
  if (!id) {
    problems.push('no student ID given');
    hints.add('pass --id <your lab ID>, e.g. --id alice');
  } else {
    const idIssues = idProblems(id, suffixes);
    problems.push(...idIssues);
    if (idIssues.length > 0) hints.add('pass the lab ID your registry and namespace are named after, e.g. --id dg0200');
  }

  let timeoutMs: number | undefined;
  if (flags.timeout !== undefined) {
    if (!durationPattern.test(flags.timeout.trim()) || (timeoutMs = parseDuration(flags.timeout)) <= 0) {
      problems.push(`--timeout '${flags.timeout}' is not a positive duration`);
      hints.add('give --timeout as a number with a unit: 90s, 30m or 1h');
      timeoutMs = undefined;
    } else if (timeoutMs > MAX_DURATION_MS) {
      problems.push(`--timeout '${flags.timeout}' is longer than the maximum of 168h (7 days)`);
      hints.add('give --timeout as a number with a unit: 90s, 30m or 1h (at most 168h)');
      timeoutMs = undefined;
    }
  }

  for (const problem of [
    flags.workspace === undefined ? undefined : pathProblem(expandHome(flags.workspace), 'directory', '--workspace'),
    flags.kubeconfig === undefined ? undefined : pathProblem(expandHome(flags.kubeconfig), 'file', '--kubeconfig'),
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
    workspace: expandHome(flags.workspace ?? config.workspace),
    kubeconfig: flags.kubeconfig === undefined ? undefined : expandHome(flags.kubeconfig),
    context: flags.context,
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
