// Shell completion generated from the commander tree: the bash script is valid (bash -n) and really
// completes commands, nested commands, flags and flag values when bash runs it; the zsh script
// carries the same words.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../../src/cli/main.js';
import { completionTree } from '../../../src/cli/completion.js';
import { runMain } from './run-main.js';

/** What bash's completion offers for `line` (the word under the cursor is the last one, maybe ''). */
function completeInBash(script: string, line: string[]): string[] {
  const words = line.map((w) => `'${w}'`).join(' ');
  const program = `${script}\nCOMP_WORDS=(${words}); COMP_CWORD=${line.length - 1}; _lifesub; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', program], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

describe('lifesub completion', () => {
  it('bash: valid syntax, and completes commands, subcommands, flags and flag values', async () => {
    const r = await runMain(['completion', 'bash']);
    expect(r.code, r.err).toBe(0);
    const syntax = spawnSync('bash', ['-n'], { input: r.out, encoding: 'utf8' });
    expect(syntax.status, syntax.stderr).toBe(0);

    const top = completeInBash(r.out, ['lifesub', '']);
    for (const c of ['up', 'down', 'render', 'status', 'list', 'init', 'config', 'completion', 'version', 'sandbox', '--version']) expect(top).toContain(c);
    expect(completeInBash(r.out, ['lifesub', 'st'])).toEqual(['status']);
    expect(completeInBash(r.out, ['lifesub', 'down', '--id', 'alice', '--k'])).toEqual(['--kubeconfig', '--keep-data']);
    expect(completeInBash(r.out, ['lifesub', 'up', '--output', ''])).toEqual(['text', 'json']);
    expect(completeInBash(r.out, ['lifesub', 'completion', ''])).toEqual(expect.arrayContaining(['bash', 'zsh']));
    expect(completeInBash(r.out, ['lifesub', 'sandbox', 's'])).toEqual(expect.arrayContaining(['serve']));
  });

  it('zsh: a #compdef script with every command and flag of the tree', async () => {
    const r = await runMain(['completion', 'zsh']);
    expect(r.code, r.err).toBe(0);
    expect(r.out.split('\n')[0]).toBe('#compdef lifesub');
    for (const node of completionTree(buildProgram({ stdout: process.stdout, stderr: process.stderr }, () => undefined))) {
      for (const word of [...node.subcommands, ...node.flags]) expect(r.out).toContain(`'${word}'`);
    }
    expect(r.out).toContain(`'up|--output') compadd -- 'text' 'json'`);
  });

  it('rejects another shell (exit 2)', async () => {
    expect((await runMain(['completion', 'fish'])).code).toBe(2);
  });
});
