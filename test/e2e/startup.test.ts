// `--help`, `--version`, `render`, `--dry-run` and input errors must start instantly: they may not load
// @kubernetes/client-node, the Azure SDK, listr2 or the sandbox (src/compose.ts loads those with
// import() on first use). A resolve hook records every module the real built CLI loads.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, binPath, repoRoot } from '../support/cli.js';

const probe = join(repoRoot, 'test', 'support', 'module-probe', 'register.mjs');
const HEAVY = [/\/node_modules\/@kubernetes\/client-node\//, /\/node_modules\/@azure\//, /\/node_modules\/listr2\//, /\/dist\/sandbox\//];

let dir: string;
beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lifesub-startup-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the built CLI with the probe; returns its exit code and every module URL it resolved. */
function modulesOf(args: string[]): { code: number | null; modules: string[]; stderr: string } {
  const out = join(dir, `modules-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(out, '');
  const res = spawnSync(process.execPath, ['--import', probe, binPath, ...args], {
    env: { PATH: process.env.PATH, LIFESUB_HOME: dir, LIFESUB_MODULE_PROBE_OUT: out },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: res.status, modules: readFileSync(out, 'utf8').split('\n').filter(Boolean), stderr: res.stderr };
}

const heavyOf = (modules: string[]): string[] => modules.filter((m) => HEAVY.some((h) => h.test(m)));

describe('startup loads no heavy package', () => {
  const cases: Array<[string, string[], number]> = [
    ['--help', ['--help'], 0],
    ['--version', ['--version'], 0],
    ['completion bash', ['completion', 'bash'], 0],
    ['config', ['config', '--id', 'alice'], 0],
    ['up --help', ['up', '--help'], 0],
    ['render', ['render', '--id', 'alice'], 0],
    ['up --dry-run', ['up', '--id', 'alice', '--dry-run'], 0],
    ['down --dry-run', ['down', '--id', 'alice', '--dry-run'], 0],
    ['an invalid ID', ['up', '--id', 'Not_Valid'], 2],
    ['an unknown option', ['up', '--bogus'], 2],
  ];
  it.each(cases)('%s', (_, args, expected) => {
    const { code, modules, stderr } = modulesOf(args);
    expect(code, stderr).toBe(expected);
    // The probe saw the CLI itself, so an empty list cannot pass for "nothing heavy".
    expect(modules.some((m) => m.endsWith('/dist/cli/main.js'))).toBe(true);
    expect(heavyOf(modules)).toEqual([]);
  });

  it('the probe does see client-node when a command needs the cluster', () => {
    const { modules } = modulesOf(['status', '--id', 'alice', '--kubeconfig', join(dir, 'missing-kubeconfig')]);
    expect(heavyOf(modules).some((m) => m.includes('@kubernetes/client-node'))).toBe(true);
  });
});
