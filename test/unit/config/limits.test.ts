// Limits and paths: durations Node's timers cannot hold, and files where directories are needed (and
// the reverse), are user errors listing every problem — never a crash half-way through a run.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { pathProblem } from '../../../src/config/paths.js';
import { resolveSettings } from '../../../src/config/load.js';
import { errorOf } from './user-error.js';

const dir = mkdtempSync(join(tmpdir(), 'lifesub-limits-'));
const file = join(dir, 'a-file');
writeFileSync(file, 'x');
mkdirSync(join(dir, 'a-dir'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('durations', () => {
  test.each(['99999999999h', '169h', '604800001ms'])('--timeout %s is rejected as too long', (timeout) => {
    const err = errorOf(() => resolveSettings({ id: 'alice', timeout }, {}));
    expect(err.message).toContain(`--timeout '${timeout}' is longer than the maximum of 168h (7 days)`);
  });

  test('168h is accepted', () => {
    expect(resolveSettings({ id: 'alice', timeout: '168h' }, {}).timeoutMs).toBe(7 * 24 * 3_600_000);
  });

  test('a per-step timeout in --config above the maximum is a configuration problem', () => {
    const config = join(dir, 'long.yaml');
    writeFileSync(config, 'timeouts:\n  helm: 99999999999h\n');
    const err = errorOf(() => resolveSettings({ id: 'alice', config }, {}));
    expect(err.message).toMatch(/timeouts\.helm/);
    expect(err.message).toMatch(/at most 168h/);
  });
});

describe('paths', () => {
  test('pathProblem: right kind, wrong kind, missing, below a file', () => {
    expect(pathProblem(join(dir, 'a-dir'), 'directory', '--workspace')).toBeUndefined();
    expect(pathProblem(join(dir, 'new', 'deeper'), 'directory', '--workspace')).toBeUndefined();
    expect(pathProblem(file, 'directory', '--workspace')).toBe(`--workspace ${file} is a file, not a directory`);
    expect(pathProblem(join(dir, 'a-dir'), 'file', '--kubeconfig')).toBe(`--kubeconfig ${join(dir, 'a-dir')} is a directory, not a file`);
    expect(pathProblem(join(file, 'sub'), 'directory', '--out')).toBe(`--out ${join(file, 'sub')} cannot be created: ${file} is a file`);
  });

  test('--workspace, --kubeconfig and LIFESUB_HOME of the wrong kind are reported together', () => {
    const err = errorOf(() => resolveSettings({ id: 'alice', workspace: file, kubeconfig: join(dir, 'a-dir') }, { LIFESUB_HOME: file }));
    expect(err.message).toMatch(/^cannot start \(3 problems\):/);
    expect(err.message).toContain(`--workspace ${file} is a file, not a directory`);
    expect(err.message).toContain(`--kubeconfig ${join(dir, 'a-dir')} is a directory, not a file`);
    expect(err.message).toContain(`LIFESUB_HOME ${file} is a file, not a directory`);
    expect(err.hint).toMatch(/a directory for --workspace and LIFESUB_HOME/);
  });
});
