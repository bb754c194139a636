// Roster validation: every problem of class.yaml at once, before anything is wired (exit 2).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { rosterTemplate, writeRosterTemplate } from '../../../src/class/init.js';
import { classHint, planClass } from '../../../src/class/plan.js';
import { readRoster, rosterSchema } from '../../../src/class/roster.js';
import { checkRegistriesExist } from '../../../src/class/up.js';
import { UserError } from '../../../src/core/errors.js';
import { runMain } from '../cli/run-main.js';

const suffixes = { namespaceSuffix: '-lifesub-ns', registrySuffix: 'cr' };
const dir = mkdtempSync(join(tmpdir(), 'lifesub-roster-'));
const roster = (name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const problemsOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as Error).message;
  }
  throw new Error('expected a UserError');
};

describe('class roster', () => {
  test('reports duplicate IDs, invalid IDs, bad registry names and unknown keys together', () => {
    const file = roster(
      'bad.yaml',
      ['students:', '  - id: alice', '  - id: alice', '  - id: Bob_1', '  - id: carol', '    registry: no-dash', '    colour: red', 'concurrency: 0'].join(
        '\n',
      ),
    );
    const message = problemsOf(() => readRoster(file, suffixes));
    expect(message).toMatch(/has 6 problems/);
    expect(message).toContain('student 4: Unrecognized key: "colour"');
    expect(message).toContain('concurrency: Too small');
    expect(message).toContain("student 2: ID 'alice' is already student 1's");
    expect(message).toContain("student 3: ID 'Bob_1'");
    expect(message).toContain("student 4: registry 'no-dash' is not a valid ACR name");
  });

  test('an entry the schema cannot read keeps the others at their place in the list', () => {
    const file = roster('places.yaml', ['students:', '  - id: alice', '  - id: 12345', `  - id: ${'x'.repeat(70)}`].join('\n'));
    const message = problemsOf(() => readRoster(file, suffixes));
    expect(message).toContain('student 2: id:');
    expect(message).toMatch(/student 3: ID 'x{70}'/);
  });

  test("a roster's missing config: file is blamed on the roster, not on a --config flag nobody gave", () => {
    const file = roster('cfg.yaml', 'config: ./nope.yaml\nstudents:\n  - id: alice\n');
    let hint: string | undefined;
    try {
      planClass({ roster: file });
    } catch (err) {
      hint = (err as UserError).hint;
    }
    expect(hint).toContain('`config:` in the roster');
  });

  test('a missing roster says how to make one', () => {
    expect(problemsOf(() => readRoster(join(dir, 'none.yaml'), suffixes))).toContain('no roster at');
  });

  test('--only must name students of the roster; the plan keeps roster order and the first registry as source', () => {
    const file = roster('ok.yaml', 'students:\n  - id: alice\n  - id: bob\n    registry: bobregistry\n');
    expect(problemsOf(() => planClass({ roster: file, only: ['zed'] }))).toContain('not in the roster: zed');
    const plan = planClass({ roster: file, only: ['bob'] });
    expect(plan.students.map((s) => s.settings.id)).toEqual(['bob']);
    expect(plan.students[0]!.settings.loginServer).toBe('bobregistry.azurecr.io');
    expect(plan.source.registryName).toBe('alicecr');
    expect(plan.concurrency).toBe(4);
  });

  test('registries that do not exist are named with their students, before anything changes', async () => {
    const plan = planClass({ roster: roster('reg.yaml', 'sourceRegistry: instructorcr\nstudents:\n  - id: alice\n  - id: bob\n') });
    const registry = { registryNames: async () => ['alicecr'] } as never;
    const err = await checkRegistriesExist({ registry }, plan, new AbortController().signal).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toContain('- instructorcr (sourceRegistry)');
    expect((err as Error).message).toContain('- bobcr (student bob)');
    expect((err as Error).message).not.toContain('alicecr');
  });

  test('a budget the lab cannot run in is refused up front, per student; a line every student shares is said once', () => {
    const file = roster(
      'budget.yaml',
      ['budget: { limits.memory: 2Gi }', 'students:', '  - id: alice', '  - id: bobby', '    budget: { pods: 3.5, requests.cpu: "1e3" }'].join('\n'),
    );
    const message = problemsOf(() => planClass({ roster: file }));
    expect(message).toMatch(/^cannot start \(2 problems\):/);
    expect(message).toContain('\n- budget limits.memory: 2Gi is less than the lab needs (');
    expect(message).toContain("\n- student bobby: budget pods: '3.5' is not a whole number");
    expect(message).not.toContain('requests.cpu'); // 1e3 cores: a valid quantity, and plenty
    expect(problemsOf(() => planClass({ roster: file, timeout: 'soon' }))).toMatch(
      /^cannot start \(1 problem\):\n- --timeout 'soon' is not a positive duration$/,
    );
  });

  test('--only "" (an unset variable) is refused, never read as the whole class', async () => {
    const file = roster('only.yaml', 'students:\n  - id: alice\n  - id: bob\n');
    for (const only of ['', ',,', ' ']) {
      const r = await runMain(['class', 'down', '--roster', file, '--only', only, '--yes']);
      expect(r.code, r.err).toBe(2);
      expect(r.err).toContain('it names no student');
    }
  });

  test("down's hints are said with the class command, the roster and the sandbox the instructor uses", () => {
    const hint = 'keep the namespace with --keep-data, or delete them along with it: lifesub down --id gil01 --force';
    expect(classHint(hint, { roster: 'week3.yaml', sandbox: true }, 'down')).toBe(
      'keep the namespace with --keep-data, or delete them along with it: lifesub class down --roster week3.yaml --sandbox --only gil01 --force',
    );
    expect(classHint('run `lifesub up --id bob --reset-data`', { roster: 'class.yaml' }, 'up')).toBe('run `lifesub class up --only bob --reset-data`');
    expect(classHint(undefined, {}, 'down')).toBeUndefined();
  });

  test('init into a folder that does not exist says so (exit 2), not "internal error"', () => {
    expect(problemsOf(() => writeRosterTemplate(join(dir, 'no-such-folder', 'class.yaml')))).toMatch(/the folder .*no-such-folder does not exist/);
  });

  test('init writes a template that is a valid roster, and never overwrites', () => {
    expect(rosterSchema.safeParse(parse(rosterTemplate())).success).toBe(true);
    const file = join(dir, 'init.yaml');
    writeRosterTemplate(file);
    expect(readFileSync(file, 'utf8')).toBe(rosterTemplate());
    expect(problemsOf(() => writeRosterTemplate(file))).toContain('already exists');
  });
});
