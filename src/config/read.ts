// Reading the configuration without throwing: the bundled defaults (config/default.yaml) deep-merged
// with the user's file, validated in one pass, every problem collected (callers add their own).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { deepMerge, isPlainObject } from './merge.js';
import { bundledPath } from './package-root.js';
import { configSchema, type Config } from './schema.js';
import { RUN_KEYS, type RunKey } from './sources.js';

const CONFIG_HINT = 'fix the listed keys; config/default.yaml in the lifesub package shows the full shape';

export interface ConfigReading {
  config?: Config;
  problems: string[];
  /** Hints for the problems, one per kind of problem. */
  hints: string[];
  /** Run settings the file gives (`id: alice`, `context: …`): kept out of Config, merged by resolveSettings. */
  run?: Partial<Record<RunKey, string>>;
  /** Top-level configuration keys the file overrides (for `lifesub config`). */
  overrides?: string[];
}

export function defaultConfigPath(): string {
  return bundledPath('config', 'default.yaml');
}

export function readConfig(file?: string): ConfigReading {
  const defaults = readYaml(defaultConfigPath());
  if ('problem' in defaults) throw new Error(`internal: bundled defaults are broken: ${defaults.problem}`);
  let merged = defaults.value;
  let source = 'the built-in defaults';
  let run: Partial<Record<RunKey, string>> = {};
  let overrides: string[] = [];
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
    const split = splitRunKeys((user.value ?? {}) as Record<string, unknown>, path);
    if (split.problems.length > 0) return { problems: split.problems, hints: [CONFIG_HINT] };
    merged = deepMerge(merged, split.config);
    source = `${path} (merged over the defaults)`;
    run = split.run;
    overrides = Object.keys(split.config);
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
  return { config: parsed.data, problems: [], hints: [], run, overrides };
}

/** The file's run settings (id, context, …: scalars, read as text) apart from its configuration keys. */
function splitRunKeys(
  value: Record<string, unknown>,
  path: string,
): { run: Partial<Record<RunKey, string>>; config: Record<string, unknown>; problems: string[] } {
  const run: Partial<Record<RunKey, string>> = {};
  const config: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (!(RUN_KEYS as readonly string[]).includes(key)) config[key] = v;
    else if (typeof v === 'string' || typeof v === 'number') run[key as RunKey] = String(v);
    else if (v !== null && v !== undefined) problems.push(`configuration file ${path}: ${key} must be a single value (text), not ${describe(v)}`);
  }
  return { run, config, problems };
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
