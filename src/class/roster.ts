// The class roster (class.yaml): who is in the class and what is shared. Read and checked before
// anything touches the world, with every problem of the file reported in one go (exit 2).
import { readFileSync } from 'node:fs';
import { parse, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { UserError } from '../core/errors.js';
import { idProblems } from '../config/id.js';
import type { Config } from '../config/schema.js';

/**
 * A Kubernetes quantity as a ResourceQuota accepts it: 2, 500m, 1.5, 4Gi, 512Mi, 1e3 (a decimal number
 * with a binary-SI, decimal-SI or exponent suffix, as k8s.io/apimachinery's resource.Quantity parses).
 */
const QUANTITY = /^([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/;
const ACR_NAME = /^[A-Za-z0-9]{5,50}$/;

/** The ResourceQuota keys a budget may set (names as `kubectl describe quota` shows them). */
export const BUDGET_KEYS = ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory', 'pods', 'persistentvolumeclaims', 'requests.storage'] as const;
export type BudgetKey = (typeof BUDGET_KEYS)[number];
export type Budget = Partial<Record<BudgetKey, string>>;

const quantity = z
  .union([z.string(), z.number()])
  .transform((v) => String(v))
  .superRefine((v, ctx) => {
    if (!QUANTITY.test(v)) ctx.addIssue({ code: 'custom', message: `'${v}' is not a quantity (like 2, 500m, 1.5 or 4Gi)` });
  });
const budget = z.partialRecord(z.enum(BUDGET_KEYS), quantity);

const student = z
  .object({
    id: z.string().min(1),
    /** This student's registry (default `<id><registrySuffix>`). */
    registry: z.string().optional(),
    /** This student's namespace budget; keys override the class budget. */
    budget: budget.optional(),
  })
  .strict();

export const rosterSchema = z
  .object({
    /** kubeconfig context of the shared cluster (default: the current context). */
    context: z.string().min(1).optional(),
    kubeconfig: z.string().min(1).optional(),
    /** A lifesub --config file for every student (routing, timeouts, …). */
    config: z.string().min(1).optional(),
    /** How many students are set up at once. */
    concurrency: z.number().int().min(1).max(64).optional(),
    /** Registry the four images are built into once and imported from (default: the first student's). */
    sourceRegistry: z.string().optional(),
    /** Every student's namespace budget (default: computed from the lab's manifests and database values). */
    budget: budget.optional(),
    students: z.array(student).min(1, 'at least one student'),
  })
  .strict();

export type Roster = z.infer<typeof rosterSchema>;
export type RosterStudent = Roster['students'][number];

/**
 * Default number of students set up at once. Each student's setup is mostly waiting (helm installs,
 * pods starting), but every helm run costs a CPU-second on the instructor's machine: four at once keep
 * a 2-core lab VM busy without starving it.
 */
export const DEFAULT_CLASS_CONCURRENCY = 4;

/**
 * Reads and checks the roster. Throws UserError (exit 2) listing every problem: unreadable file, YAML
 * errors, schema problems, duplicate or invalid IDs, invalid registry names. Registry existence needs
 * Azure and is checked later (checkRegistriesExist).
 */
export function readRoster(file: string, config: Pick<Config, 'namespaceSuffix' | 'registrySuffix'>): Roster {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UserError(
      missing ? `no roster at ${file}` : `cannot read the roster ${file}: ${(err as Error).message}`,
      missing ? 'write one with `lifesub class init` (or pass --roster FILE)' : 'check the path and its permissions',
    );
  }
  let raw: unknown;
  try {
    raw = parse(text) ?? {};
  } catch (err) {
    const where = err instanceof YAMLParseError && err.linePos ? ` (line ${err.linePos[0].line})` : '';
    throw new UserError(`the roster ${file} is not valid YAML${where}: ${(err as Error).message.split('\n')[0]}`, 'fix the YAML (indentation, quotes)');
  }
  const parsed = rosterSchema.safeParse(raw);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${placeOf(i.path)}: ${i.message}`);
  // The rules below need only IDs and registries: check them even when another part of the file is wrong.
  const readable: { roster: Roster; positions?: number[] } = parsed.success ? { roster: parsed.data } : loosely(raw);
  problems.push(...rosterProblems(readable.roster, config, readable.positions));
  if (problems.length > 0) {
    throw new UserError(
      `the roster ${file} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${problems.map((p) => `- ${p}`).join('\n')}`,
      'fix them in the roster and run the command again; nothing was changed',
    );
  }
  return (parsed as { data: Roster }).data;
}

/** Where in the roster, for people: `student 2: budget.pods` (list items counted from 1, as read). */
function placeOf(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return '(top)';
  if (path[0] === 'students' && typeof path[1] === 'number') {
    const rest = path.slice(2).map(String).join('.');
    return `student ${path[1] + 1}${rest ? `: ${rest}` : ''}`;
  }
  return path.map(String).join('.');
}

/**
 * The students and source registry of a file that failed the schema, as far as they can be read, with
 * each student's position in the file's list (entries without a readable ID are skipped, not renumbered).
 */
function loosely(raw: unknown): { roster: Roster; positions: number[] } {
  const r = (raw && typeof raw === 'object' ? raw : {}) as { students?: unknown; sourceRegistry?: unknown };
  const positions: number[] = [];
  const students = (Array.isArray(r.students) ? (r.students as unknown[]) : []).flatMap((s, i) => {
    if (!s || typeof s !== 'object' || typeof (s as { id?: unknown }).id !== 'string') return [];
    positions.push(i);
    const { id, registry } = s as { id: string; registry?: unknown };
    return [{ id, ...(typeof registry === 'string' ? { registry } : {}) }];
  });
  return { roster: { students, ...(typeof r.sourceRegistry === 'string' ? { sourceRegistry: r.sourceRegistry } : {}) }, positions };
}

/** Problems the schema cannot see: duplicate IDs, IDs that cannot name a namespace/registry, bad registry names. */
export function rosterProblems(roster: Roster, config: Pick<Config, 'namespaceSuffix' | 'registrySuffix'>, positions?: readonly number[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  roster.students.forEach((s, index) => {
    const i = positions?.[index] ?? index; // the entry's place in the file's list
    const first = seen.get(s.id);
    if (first !== undefined) problems.push(`student ${i + 1}: ID '${s.id}' is already student ${first + 1}'s (IDs must be unique)`);
    else seen.set(s.id, i);
    problems.push(...idProblems(s.id, config).map((p) => `student ${i + 1}: ${p}`));
    if (s.registry !== undefined && !ACR_NAME.test(s.registry)) {
      problems.push(`student ${i + 1}: registry '${s.registry}' is not a valid ACR name (5–50 letters or digits)`);
    }
  });
  if (roster.sourceRegistry !== undefined && !ACR_NAME.test(roster.sourceRegistry)) {
    problems.push(`sourceRegistry: '${roster.sourceRegistry}' is not a valid ACR name (5–50 letters or digits)`);
  }
  const registries = new Map<string, string>();
  for (const s of roster.students) {
    const name = (s.registry ?? `${s.id}${config.registrySuffix}`).toLowerCase();
    const other = registries.get(name);
    if (other !== undefined && other !== s.id) problems.push(`students: '${other}' and '${s.id}' share registry ${name} (each student needs their own)`);
    registries.set(name, s.id);
  }
  return problems;
}

/** The roster's students, only those named by --only (every name must be in the roster: exit 2 otherwise). */
export function selectStudents(roster: Roster, only: readonly string[] | undefined): RosterStudent[] {
  if (!only || only.length === 0) return roster.students;
  const ids = new Set(roster.students.map((s) => s.id));
  const unknown = only.filter((id) => !ids.has(id));
  if (unknown.length > 0) {
    throw new UserError(
      `--only names ${unknown.length === 1 ? 'a student' : 'students'} not in the roster: ${unknown.join(', ')}`,
      `roster IDs: ${[...ids].join(', ')}`,
    );
  }
  return roster.students.filter((s) => only.includes(s.id));
}
