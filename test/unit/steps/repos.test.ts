import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ToolError, UserError } from '../../../src/core/errors.js';
import { reposStep } from '../../../src/steps/index.js';
import { makeContext } from '../../fakes/context.js';

let workspace: string;
beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'lifesub-repos-'));
});
afterEach(() => rmSync(workspace, { recursive: true, force: true }));

const LIFESUB = 'https://github.com/cna-bootcamp/lifesub.git';
const WEB = 'https://github.com/cna-bootcamp/lifesub-web.git';

describe('repos', () => {
  test('clones both repositories when the workspace is empty', async () => {
    const { ctx, fakes } = makeContext({ settings: { workspace } });
    fakes.git.script.expect('clone', [LIFESUB, 'k8s', join(workspace, 'lifesub')]);
    fakes.git.script.expect('clone', [WEB, 'main', join(workspace, 'lifesub-web')]);
    const outcome = await reposStep.run(ctx);
    expect(outcome).toEqual({ message: `cloned lifesub, lifesub-web into ${workspace}` });
    expect(ctx.facts.repoDirs).toEqual({ lifesub: join(workspace, 'lifesub'), 'lifesub-web': join(workspace, 'lifesub-web') });
    fakes.verify();
  });

  test('never clones over an existing repository; warns about another branch in the result; skipped when both exist', async () => {
    mkdirSync(join(workspace, 'lifesub', '.git'), { recursive: true });
    mkdirSync(join(workspace, 'lifesub-web', '.git'), { recursive: true });
    const { ctx, fakes, logs } = makeContext({ settings: { workspace } });
    fakes.git.script.expect('isRepo', [join(workspace, 'lifesub')]).returns(true);
    fakes.git.script.expect('isRepo', [join(workspace, 'lifesub-web')]).returns(true);
    fakes.git.script.expect('currentBranch', [join(workspace, 'lifesub')]).returns('main');
    fakes.git.script.expect('currentBranch', [join(workspace, 'lifesub-web')]).returns('main');
    fakes.git.script.expect('uncommittedChanges').returns([]).times(2);
    const outcome = await reposStep.run(ctx);
    expect(outcome?.skipped).toMatch(/both repositories already present/);
    expect(outcome?.skipped).toContain('warning: lifesub is on branch main, not k8s');
    expect(fakes.git.script.argsOf('clone')).toEqual([]);
    expect(logs.filter((l) => l.startsWith('warning:'))).toEqual([`warning: lifesub is on branch main, not k8s (${join(workspace, 'lifesub')})`]);
    fakes.verify();
  });

  test("uncommitted changes are a warning in the result; the lab's tracked build output is not a change", async () => {
    mkdirSync(join(workspace, 'lifesub', '.git'), { recursive: true });
    mkdirSync(join(workspace, 'lifesub-web', '.git'), { recursive: true });
    const { ctx, fakes } = makeContext({ settings: { workspace } });
    fakes.git.script.expect('isRepo').returns(true).times(2);
    fakes.git.script.expect('currentBranch', [join(workspace, 'lifesub')]).returns('k8s');
    fakes.git.script.expect('currentBranch', [join(workspace, 'lifesub-web')]).returns('main');
    fakes.git.script.expect('uncommittedChanges', [join(workspace, 'lifesub')]).returns([
      { code: ' M', path: 'common/build/libs/common-1.0.0-plain.jar' },
      { code: ' M', path: '.gradle/8.10/fileHashes/fileHashes.bin' },
    ]);
    fakes.git.script.expect('uncommittedChanges', [join(workspace, 'lifesub-web')]).returns([
      { code: ' M', path: 'src/services/api.js' },
      { code: '??', path: 'notes.txt' },
    ]);
    const outcome = await reposStep.run(ctx);
    expect(outcome?.skipped).toContain('warning: lifesub-web has 2 uncommitted changes (src/services/api.js, notes.txt); deployed as it is');
    expect(outcome?.skipped).not.toContain('lifesub has');
    expect(ctx.facts.repoDirs?.['lifesub-web']).toBe(join(workspace, 'lifesub-web'));
    fakes.verify();
  });

  test('--strict refuses a clone on another branch or with changes, naming both and the fix; nothing else is done', async () => {
    mkdirSync(join(workspace, 'lifesub', '.git'), { recursive: true });
    mkdirSync(join(workspace, 'lifesub-web', '.git'), { recursive: true });
    const { ctx, fakes } = makeContext({ settings: { workspace, strict: true } });
    fakes.git.script.expect('isRepo').returns(true).times(2);
    fakes.git.script.expect('currentBranch', [join(workspace, 'lifesub')]).returns(undefined);
    fakes.git.script.expect('currentBranch', [join(workspace, 'lifesub-web')]).returns('main');
    fakes.git.script.expect('uncommittedChanges', [join(workspace, 'lifesub')]).returns([]);
    fakes.git.script.expect('uncommittedChanges', [join(workspace, 'lifesub-web')]).returns([{ code: 'M ', path: 'src/App.js' }]);
    const err = (await reposStep.run(ctx).catch((e: unknown) => e)) as ToolError;
    expect(err).toBeInstanceOf(ToolError);
    expect(err.message).toContain('lifesub is on a detached HEAD, not k8s');
    expect(err.message).toContain('lifesub-web has 1 uncommitted change (src/App.js)');
    expect(err.hint).toContain(`git -C ${join(workspace, 'lifesub')} switch k8s`);
    expect(err.hint).toContain(`git -C ${join(workspace, 'lifesub-web')} stash`);
    expect(err.hint).toContain('without --strict');
    expect(ctx.facts.repoDirs).toBeUndefined();
    fakes.verify();
  });

  test('--strict accepts clean clones on the configured branches', async () => {
    mkdirSync(join(workspace, 'lifesub', '.git'), { recursive: true });
    mkdirSync(join(workspace, 'lifesub-web', '.git'), { recursive: true });
    const { ctx, fakes } = makeContext({ settings: { workspace, strict: true } });
    fakes.git.script.expect('isRepo').returns(true).times(2);
    fakes.git.script.expect('currentBranch', [join(workspace, 'lifesub')]).returns('k8s');
    fakes.git.script.expect('currentBranch', [join(workspace, 'lifesub-web')]).returns('main');
    fakes.git.script.expect('uncommittedChanges').returns([]).times(2);
    expect((await reposStep.run(ctx))?.skipped).not.toContain('warning');
    fakes.verify();
  });

  test('clones only the missing one', async () => {
    mkdirSync(join(workspace, 'lifesub', '.git'), { recursive: true });
    const { ctx, fakes } = makeContext({ settings: { workspace } });
    fakes.git.script.expect('isRepo', [join(workspace, 'lifesub')]).returns(true);
    fakes.git.script.expect('currentBranch', [join(workspace, 'lifesub')]).returns('k8s');
    fakes.git.script.expect('uncommittedChanges', [join(workspace, 'lifesub')]).returns([]);
    fakes.git.script.expect('clone', [WEB, 'main', join(workspace, 'lifesub-web')]);
    expect(await reposStep.run(ctx)).toEqual({ message: `cloned lifesub-web into ${workspace}` });
    fakes.verify();
  });

  test('an empty directory that is not a repository is cloned into', async () => {
    mkdirSync(join(workspace, 'lifesub'));
    mkdirSync(join(workspace, 'lifesub-web'));
    const { ctx, fakes } = makeContext({ settings: { workspace } });
    fakes.git.script.expect('clone').times(2);
    await reposStep.run(ctx);
    fakes.verify();
  });

  test('a non-empty directory that is not a repository is refused with a hint', async () => {
    mkdirSync(join(workspace, 'lifesub'));
    writeFileSync(join(workspace, 'lifesub', 'notes.txt'), 'mine');
    const { ctx, fakes } = makeContext({ settings: { workspace } });
    fakes.git.script.expect('clone', [WEB, 'main', join(workspace, 'lifesub-web')]).always();
    const err = await reposStep.run(ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toContain('exists but is not a git repository');
    expect((err as UserError).hint).toMatch(/--workspace/);
    expect(fakes.git.script.argsOf('clone').map((a) => a[2])).not.toContain(join(workspace, 'lifesub'));
  });

  test('a directory with .git that git does not accept is not treated as a repository', async () => {
    mkdirSync(join(workspace, 'lifesub', '.git'), { recursive: true });
    const { ctx, fakes } = makeContext({ settings: { workspace } });
    fakes.git.script.expect('isRepo', [join(workspace, 'lifesub')]).returns(false);
    fakes.git.script.expect('clone').always();
    await expect(reposStep.run(ctx)).rejects.toBeInstanceOf(UserError);
  });

  test('a clone failure propagates', async () => {
    const { ctx, fakes } = makeContext({ settings: { workspace } });
    fakes.git.script.expect('clone').throws(new ToolError('git clone failed: could not resolve host')).always();
    await expect(reposStep.run(ctx)).rejects.toThrow('git clone failed');
  });

  test('a clone killed half-way (no commit, untouched for a while) is moved aside, never deleted, and cloned again', async () => {
    const dir = join(workspace, 'lifesub');
    mkdirSync(join(dir, '.git'), { recursive: true });
    writeFileSync(join(dir, 'build.gradle'), 'half-written\n');
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(dir, '.git'), old, old);
    mkdirSync(join(workspace, 'lifesub-web'));
    const { ctx, fakes, logs } = makeContext({ settings: { workspace } });
    fakes.git.script.expect('isRepo').returns(true);
    fakes.git.script
      .expect('currentBranch')
      .throws(new ToolError('git rev-parse exited with code 128', undefined, { details: "fatal: ambiguous argument 'HEAD': unknown revision" }));
    fakes.git.script.expect('headCommit').throws(new ToolError('git rev-parse exited with code 128')).times(2);
    fakes.git.script.expect('clone', [LIFESUB, 'k8s', dir]);
    fakes.git.script.expect('clone', [WEB, 'main', join(workspace, 'lifesub-web')]);
    await reposStep.run(ctx);
    const aside = readdirSync(workspace).find((n) => n.startsWith('lifesub.interrupted-'));
    expect(aside, 'the remains are kept').toBeDefined();
    expect(readFileSync(join(workspace, aside!, 'build.gradle'), 'utf8')).toBe('half-written\n');
    expect(logs.join('\n')).toMatch(/held a clone that never finished .* moved it to .*lifesub\.interrupted-\d+ and cloning again/);
    fakes.verify();
  });
});
