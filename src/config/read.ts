// Reading the configuration without throwing: the bundled defaults (config/default.yaml) deep-merged
// with the user's file, validated in one pass, every problem collected (callers add their own).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { deepMerge, isPlainObject } from './merge.js';
import { bundledPath } from './package-root.js';
import { configSchema, type Config } from './schema.js';

const CONFIG_HINT = 'fix the listed keys; config/default.yaml in the lifesub package shows the full shape';

export interface ConfigReading {
  config?: Config;
  problems: string[];
  /** Hints for the problems, one per kind of problem. */
  hints: string[];
}

export function defaultConfigPath(): string {
  return bundledPath('config', 'default.yaml');
}

export function readConfig(file?: string): ConfigReading {
  const defaults = readYaml(defaultConfigPath());
  if ('problem' in defaults) throw new Error(`internal: bundled defaults are broken: ${defaults.problem}`);
  let merged = defaults.value;
  let source = 'the built-in defaults';
  if (file !== undefined) {
    const path = resolve(file);
    const user = readYaml(path);
    if ('problem' in user) return { problems: [user.problem], hints: [user.hint] };
    // An empty file is a valid "no overrides".
    if (user.value !== null && user.value !== undefined && !isPlainObject(user.value)) {
      return {
        problems: [`configuration file ${path} must be a YAML mapping (key: value), not ${describe(user.value)}`],
        hints: [CONFIG_HINT],
      };
    }
    merged = deepMerge(merged, user.value ?? undefined);
    source = `${path} (merged over the defaults)`;
  }

  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    return {
      problems: [`invalid configuration in ${source}:\n${z.prettifyError(parsed.error)}`],
      hints: [CONFIG_HINT],
    };
  }
  const extra = semanticProblems(parsed.data);
  if (extra.length > 0) {
    return {
      problems: [`invalid configuration in ${source}:\n${extra.map((p) => `✖ ${p}`).join('\n')}`],
      hints: [CONFIG_HINT],
    };
  }
  return { config: parsed.data, problems: [], hints: [] };
}

/** Rules across entries that the schema cannot express but rendering relies on. */
function semanticProblems(config: Config): string[] {
  const problems: string[] = [];
  const frontends = config.services.filter((s) => s.kind === 'frontend');
  if (frontends.length !== 1) {
    problems.push(`services must contain exactly one frontend service (found ${frontends.length})\n  → at services`);
  }
  const seen = new Set<string>();
  const databases = new Set<string>();
  config.services.forEach((s, i) => {
    if (seen.has(s.name)) problems.push(`service name '${s.name}' is used twice\n  → at services[${i}].name`);
    seen.add(s.name);
    if (s.database !== undefined) {
      if (databases.has(s.database)) problems.push(`database '${s.database}' is used twice\n  → at services[${i}].database`);
      databases.add(s.database);
    }
  });
  return problems;
}

type YamlRead = { value: unknown } | { problem: string; hint: string };

function readYaml(path: string): YamlRead {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code ?? 'error'})`;
    return { problem: `configuration file ${path} ${why}`, hint: 'check the path given to --config' };
  }
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const details = doc.errors.map((e) => `✖ ${(e.message.split('\n')[0] ?? e.message).replace(/:$/, '')}`).join('\n');
    return {
      problem: `configuration file ${path} is not valid YAML:\n${details}`,
      hint: 'fix the YAML syntax at the line shown (indentation and "key: value" pairs)',
    };
  }
  return { value: doc.toJS() as unknown };
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}
