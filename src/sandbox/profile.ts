// Latency profiles: how long each simulated thing takes (config/sandbox/profiles/<name>.yaml).
// Checked by hand rather than with zod: every tool shim loads a profile, and zod alone would add
// ~70 ms to each of their start-ups.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { UserError } from '../core/errors.js';
import type { DurationName, Faults, Profile } from './contract.js';
import { packageRoot } from './package-root.js';

export const profilesDir = path.join(packageRoot, 'config', 'sandbox', 'profiles');

/** Every duration a profile must set (the keys of Profile['durations']). */
export const DURATION_NAMES = [
  'apiLatency',
  'loadBalancer',
  'podStart',
  'springBootReady',
  'nginxReady',
  'postgresReady',
  'ingressControllerReady',
  'pvcBind',
  'namespaceTerminate',
  'gitClone',
  'gradleBuild',
  'dockerBuildBackend',
  'dockerBuildFrontend',
  'dockerPush',
  'dockerLogin',
  'helmRepo',
  'helmInstall',
  'helmUninstall',
] as const satisfies readonly DurationName[];

// Compile-time check that the list names every duration of the contract.
const _complete: Record<DurationName, true> = Object.fromEntries(DURATION_NAMES.map((n) => [n, true])) as Record<(typeof DURATION_NAMES)[number], true>;
void _complete;

export function listProfiles(dir = profilesDir): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.slice(0, -'.yaml'.length))
      .sort();
  } catch {
    return [];
  }
}

export function loadProfile(name: string, dir = profilesDir): Profile {
  const known = listProfiles(dir);
  if (!/^[A-Za-z0-9_-]+$/.test(name) || !known.includes(name)) {
    throw new UserError(`unknown sandbox profile '${name}'`, `use one of: ${known.join(', ') || `(none found in ${dir})`}`);
  }
  const file = path.join(dir, `${name}.yaml`);
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UserError(`sandbox profile ${file} is not valid YAML: ${(err as Error).message}`, 'fix the file', { cause: err });
  }
  const problems = profileProblems(raw);
  if (problems.length)
    throw new UserError(`sandbox profile ${file} is invalid:\n${problems.map((p) => `  ✖ ${p}`).join('\n')}`, 'fix the file (see docs/sandbox.md)');
  return raw as Profile;
}

function profileProblems(raw: unknown): string[] {
  if (!isObject(raw)) return ['expected a mapping with name, scale and durations'];
  const problems: string[] = [];
  for (const key of Object.keys(raw)) if (!['name', 'scale', 'durations'].includes(key)) problems.push(`unknown key '${key}'`);
  if (typeof raw.name !== 'string' || raw.name === '') problems.push('name: a non-empty string');
  if (typeof raw.scale !== 'number' || !(raw.scale > 0)) problems.push('scale: a positive number');
  const durations = raw.durations;
  if (!isObject(durations)) return [...problems, 'durations: a mapping of duration name → milliseconds'];
  for (const name of DURATION_NAMES) {
    const v = durations[name];
    if (typeof v !== 'number' || !(v >= 0)) problems.push(`durations.${name}: milliseconds (a number ≥ 0)`);
  }
  for (const key of Object.keys(durations)) if (!(DURATION_NAMES as readonly string[]).includes(key)) problems.push(`durations.${key}: unknown duration`);
  return problems;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export { scaled } from './profile-scale.js';
