// From flags + roster to every student's Settings, checked together before anything is wired: one run
// tells the instructor every problem of the roster (exit 2, nothing changed).
import { dirname, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { readConfig } from '../config/read.js';
import { resolveSettings } from '../config/settings.js';
import type { Settings } from '../config/schema.js';
import { budgetProblems } from './budget.js';
import { DEFAULT_CLASS_CONCURRENCY, readRoster, selectStudents, type Roster, type RosterStudent } from './roster.js';

/** Flags every `lifesub class` command accepts. */
export interface ClassFlags {
  roster?: string;
  only?: string[];
  sandbox?: boolean;
  profile?: string;
  output?: string;
  kubeconfig?: string;
  context?: string;
  workspace?: string;
  config?: string;
  timeout?: string;
  verbose?: boolean;
  yes?: boolean;
  concurrency?: string;
  /** class up / class down: wait for a student's other run (their lock) instead of failing that student. */
  waitLock?: boolean;
}

export interface ClassStudent {
  entry: RosterStudent;
  settings: Settings;
}

export interface ClassPlan {
  file: string;
  roster: Roster;
  /** The students this run is about (--only), in roster order. */
  students: ClassStudent[];
  /** Every student of the roster (class down --include-ingress must know whether any lab remains). */
  all: ClassStudent[];
  /** Settings of the build-once run: the first student's, with the source registry if one is configured. */
  source: Settings;
  concurrency: number;
}

export const DEFAULT_ROSTER = 'class.yaml';
const ROSTER_CONFIG_HINT = "check `config:` in the roster (a path relative to the roster's folder)";

/** Reads and checks everything; throws UserError listing every problem. */
export function planClass(flags: ClassFlags): ClassPlan {
  const file = resolve(flags.roster ?? DEFAULT_ROSTER);
  const defaults = readConfig(flags.config).config ?? readConfig().config!;
  const roster = readRoster(file, defaults);
  const configFile = flags.config ?? (roster.config ? resolve(dirname(file), roster.config) : undefined);
  const problems: string[] = [];
  const hints = new Set<string>();
  const all: ClassStudent[] = [];
  // Problems per student, one line each; a line every student has (a bad --timeout, the class budget)
  // is reported once, without a student's name.
  const perStudent = new Map<string, string[]>();
  for (const entry of roster.students) {
    const lines: string[] = [];
    try {
      const settings = resolveSettings({
        id: entry.id,
        config: configFile,
        kubeconfig: flags.kubeconfig ?? roster.kubeconfig,
        context: flags.context ?? roster.context,
        workspace: flags.workspace,
        timeout: flags.timeout,
        verbose: flags.verbose,
        output: flags.output,
        yes: true,
      });
      all.push({ entry, settings: entry.registry ? withRegistry(settings, entry.registry) : settings });
      lines.push(...budgetProblems(settings, roster.budget, entry.budget));
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      lines.push(...problemLines(err.message));
      // The config file came from the roster, not from a --config flag: say where to fix it.
      if (err.hint === 'check the path given to --config' && !flags.config && roster.config) hints.add(ROSTER_CONFIG_HINT);
      else if (err.hint) hints.add(err.hint);
    }
    perStudent.set(entry.id, lines);
  }
  const everyone = [...perStudent.values()];
  const common = roster.students.length > 1 ? (everyone[0] ?? []).filter((line) => everyone.every((l) => l.includes(line))) : [];
  problems.push(...common);
  for (const [id, lines] of perStudent) for (const line of lines) if (!common.includes(line)) problems.push(`student ${id}: ${line}`);
  if ([...perStudent.values()].some((l) => l.some((line) => line.startsWith('budget ')))) {
    hints.add('raise the `budget:` of the roster (or the student’s own), or remove it to use the computed default');
  }
  let concurrency = roster.concurrency ?? DEFAULT_CLASS_CONCURRENCY;
  if (flags.concurrency !== undefined) {
    concurrency = Number(flags.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
      problems.push(`--concurrency '${flags.concurrency}' is not a whole number from 1 to 64`);
  }
  let only: RosterStudent[] = roster.students;
  try {
    only = selectStudents(roster, flags.only);
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    problems.push(err.message);
    if (err.hint) hints.add(err.hint);
  }
  if (problems.length > 0) {
    throw new UserError(
      `cannot start (${problems.length === 1 ? '1 problem' : `${problems.length} problems`}):\n${problems.map((p) => `- ${p}`).join('\n')}`,
      [...hints].join('; ') || undefined,
    );
  }
  const first = all[0]!.settings;
  const source = roster.sourceRegistry ? withRegistry(first, roster.sourceRegistry) : first;
  const students = all.filter((s) => only.includes(s.entry));
  return { file, roster, students, all, source, concurrency };
}

/** The single problems of a settings error: its heading ("cannot start (2 problems):") and list marks dropped. */
function problemLines(message: string): string[] {
  return message
    .replace(/^cannot start[^:\n]*:\n?/, '')
    .split('\n')
    .map((l) => l.replace(/^\s*-\s+/, '').trim())
    .filter(Boolean);
}

function withRegistry(settings: Settings, registry: string): Settings {
  const registryName = registry.toLowerCase();
  return { ...settings, registryName, loginServer: `${registryName}.${settings.config.registry.domain}`.toLowerCase() };
}

/** Every registry name the class uses (students' and the source), lower case, no repeats. */
export function classRegistries(plan: Pick<ClassPlan, 'all' | 'source'>): string[] {
  return [...new Set([plan.source.registryName, ...plan.all.map((s) => s.settings.registryName)])];
}

/**
 * `lifesub class <verb> [--roster F] [--sandbox] --only <id>`: the command for one student, with the
 * roster and world the instructor is using (for hints; the default roster is left out).
 */
export function classCommandLine(flags: Pick<ClassFlags, 'roster' | 'sandbox'>, verb: 'up' | 'down' | 'status'): (id: string) => string {
  const roster = flags.roster && flags.roster !== DEFAULT_ROSTER ? ` --roster ${flags.roster}` : '';
  return (id) => `lifesub class ${verb}${roster}${flags.sandbox ? ' --sandbox' : ''} --only ${id}`;
}

/** A hint of `down`'s steps, said for `class down`: `lifesub down --id X …` becomes the class command for X. */
export function classHint(hint: string | undefined, flags: Pick<ClassFlags, 'roster' | 'sandbox'>, verb: 'up' | 'down'): string | undefined {
  const line = classCommandLine(flags, verb);
  return hint?.replace(new RegExp(`lifesub ${verb} --id ([a-z0-9-]+)`, 'g'), (_m, id: string) => line(id));
}
