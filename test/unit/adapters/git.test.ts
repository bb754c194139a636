import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ExecaRunner } from '../../../src/adapters/exec.js';
import { GitCli } from '../../../src/adapters/git.js';
import { AbortedError, ToolError } from '../../../src/core/errors.js';
import { ScriptedRunner } from '../../fakes/runner.js';

const signal = new AbortController().signal;
const root = mkdtempSync(join(tmpdir(), 'lifesub-git-'));
const bare = join(root, 'lifesub.git');
const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
let k8sCommit = '';

function git(args: string[], cwd = root): string {
  return execFileSync('git', args, { cwd, env: gitEnv, encoding: 'utf8' }).trim();
}

beforeAll(() => {
  // A bare repository with two branches, like the lab's lifesub repo (main + k8s).
  const seed = join(root, 'seed');
  mkdirSync(seed);
  git(['init', '-q', '-b', 'main', seed]);
  git(['commit', '-q', '--allow-empty', '-m', 'main'], seed);
  git(['checkout', '-q', '-b', 'k8s'], seed);
  git(['commit', '-q', '--allow-empty', '-m', 'k8s'], seed);
  k8sCommit = git(['rev-parse', 'HEAD'], seed);
  git(['clone', '-q', '--bare', seed, bare]);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('GitCli against the real git binary', () => {
  const gitCli = new GitCli(new ExecaRunner());

  test('clone a branch, then isRepo / currentBranch / headCommit', async () => {
    const dir = join(root, 'workspace', 'lifesub');
    expect(await gitCli.isRepo(dir, { signal })).toBe(false);
    await gitCli.clone(bare, 'k8s', dir, { signal });
    expect(await gitCli.isRepo(dir, { signal })).toBe(true);
    expect(await gitCli.currentBranch(dir, { signal })).toBe('k8s');
    expect(await gitCli.headCommit(dir, { signal })).toBe(k8sCommit);
  });

  test('a detached HEAD has no current branch', async () => {
    const dir = join(root, 'detached');
    await gitCli.clone(bare, 'k8s', dir, { signal });
    git(['checkout', '-q', '--detach'], dir);
    expect(await gitCli.currentBranch(dir, { signal })).toBeUndefined();
  });

  test('isRepo is false for a plain directory outside any repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lifesub-plain-'));
    try {
      expect(await gitCli.isRepo(dir, { signal })).toBe(false);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  test('cloning a missing branch fails with a ToolError naming git clone', async () => {
    const err = await gitCli.clone(bare, 'nope', join(root, 'bad'), { signal }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolError);
    expect((err as ToolError).message).toBe('git clone exited with code 128');
    expect((err as ToolError).details).toMatch(/nope/);
  });
});

describe('GitCli.uncommittedChanges against the real git binary', () => {
  const gitCli = new GitCli(new ExecaRunner());

  test('a fresh clone has none; edits, staged files, untracked files and renames are listed', async () => {
    const dir = join(root, 'changes');
    await gitCli.clone(bare, 'k8s', dir, { signal });
    expect(await gitCli.uncommittedChanges(dir, { signal })).toEqual([]);
    writeFileSync(join(dir, 'tracked.txt'), 'one\n');
    git(['add', 'tracked.txt'], dir);
    git(['commit', '-q', '-m', 'tracked'], dir);
    writeFileSync(join(dir, 'tracked.txt'), 'two\n');
    writeFileSync(join(dir, 'new file.txt'), 'x');
    writeFileSync(join(dir, 'staged.txt'), 'y');
    git(['add', 'staged.txt'], dir);
    const changes = await gitCli.uncommittedChanges(dir, { signal });
    expect(changes).toEqual(
      expect.arrayContaining([
        { code: ' M', path: 'tracked.txt' },
        { code: 'A ', path: 'staged.txt' },
        { code: '??', path: 'new file.txt' },
      ]),
    );
    expect(changes).toHaveLength(3);
    git(['mv', 'tracked.txt', 'moved.txt'], dir);
    expect((await gitCli.uncommittedChanges(dir, { signal })).map((c) => c.path)).toContain('moved.txt');
  });

  test('reading never writes the clone: the index stays byte-for-byte and time-for-time the same', async () => {
    const dir = join(root, 'readonly');
    await gitCli.clone(bare, 'k8s', dir, { signal });
    writeFileSync(join(dir, 'f.txt'), 'a\n');
    git(['add', 'f.txt'], dir);
    git(['commit', '-q', '-m', 'f'], dir);
    // A changed mtime with the same content: plain `git status` would refresh and rewrite .git/index.
    utimesSync(join(dir, 'f.txt'), new Date(Date.now() + 5000), new Date(Date.now() + 5000));
    const index = join(dir, '.git', 'index');
    const before = { bytes: readFileSync(index), mtime: statSync(index).mtimeMs };
    expect(await gitCli.uncommittedChanges(dir, { signal })).toEqual([]);
    expect(readFileSync(index).equals(before.bytes)).toBe(true);
    expect(statSync(index).mtimeMs).toBe(before.mtime);
  });
});

describe('GitCli arguments', () => {
  test('never prompts, and keeps URL credentials out of output', async () => {
    const url = 'https://ghp_tok3n@github.com/cna-bootcamp/lifesub.git';
    const runner = new ScriptedRunner([{ file: 'git', args: ['clone', '--branch', 'k8s', '--single-branch', url, '/w/lifesub'] }]);
    await new GitCli(runner).clone(url, 'k8s', '/w/lifesub', { signal });
    expect(runner.calls[0]!.env).toEqual({ GIT_TERMINAL_PROMPT: '0' });
    expect(runner.calls[0]!.secrets).toEqual(['ghp_tok3n']);
  });

  test('isRepo lets an abort through', async () => {
    const runner = new ScriptedRunner([{ file: 'git', args: () => true, hang: true }]);
    const controller = new AbortController();
    const pending = new GitCli(runner).isRepo(root, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
  });
});
