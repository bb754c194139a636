// The sandbox's `git`: `clone` of the two lab repositories produces a real local repository with
// the lab's layout (no network); everything else goes to the real git.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LAB_VARIANT_VAR, WEB_LAYOUT_VAR } from '../env.js';
import { MissingValue, parseArgs, UnknownFlag, last, has } from './args.js';
import { findRealGit } from './real-git.js';
import { LIFESUB_BRANCHES, lifesubFiles, type Files } from './repo-lifesub.js';
import { labVariant, VARIANT_DATE, WEB_BRANCHES, webFiles } from './repo-lifesub-web.js';
import { runTool, ToolExit, type ToolContext } from './runtime.js';

// Fixed identity and dates: the same clone always has the same commit ID.
function commitEnv(date: string): Record<string, string> {
  return {
    GIT_AUTHOR_NAME: 'cna-bootcamp',
    GIT_AUTHOR_EMAIL: 'bootcamp@unicorn.example',
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: 'cna-bootcamp',
    GIT_COMMITTER_EMAIL: 'bootcamp@unicorn.example',
    GIT_COMMITTER_DATE: date,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
  };
}

interface KnownRepo {
  branches: string[];
  /** The files and the commit date of a branch's tip. */
  tip(branch: string, env: NodeJS.ProcessEnv): { files: Files; date: string };
}

const REPOS: Record<string, KnownRepo> = {
  'cna-bootcamp/lifesub': { branches: LIFESUB_BRANCHES, tip: (branch) => ({ files: lifesubFiles(branch), date: '2025-03-10T09:00:00+09:00' }) },
  'cna-bootcamp/lifesub-web': {
    branches: WEB_BRANCHES,
    tip: (_branch, env) => {
      const variant = labVariant(env[LAB_VARIANT_VAR], env[WEB_LAYOUT_VAR]);
      return { files: webFiles(variant), date: VARIANT_DATE[variant] };
    },
  },
};

function knownRepo(url: string): KnownRepo | undefined {
  const match = /github\.com[/:]([^/]+\/[^/]+?)(?:\.git)?\/?$/.exec(url);
  return match ? REPOS[match[1] as string] : undefined;
}

function isLocal(url: string): boolean {
  return url.startsWith('file://') || url.startsWith('/') || url.startsWith('.');
}

async function clone(ctx: ToolContext, gitPath: string, args: string[]): Promise<number | void> {
  let parsed;
  try {
    parsed = parseArgs(args, {
      branch: { value: true, short: 'b' },
      'single-branch': { value: false },
      'no-single-branch': { value: false },
      depth: { value: true },
      quiet: { value: false, short: 'q' },
      progress: { value: false },
      origin: { value: true, short: 'o' },
    });
  } catch (err) {
    if (err instanceof UnknownFlag || err instanceof MissingValue) {
      throw new ToolExit(129, `error: unknown option \`${err.flag.replace(/^-+/, '')}'\nusage: git clone [<options>] [--] <repo> [<dir>]`);
    }
    throw err;
  }
  const [url, dirArg] = parsed.positionals;
  if (!url) throw new ToolExit(129, 'fatal: You must specify a repository to clone.\n\nusage: git clone [<options>] [--] <repo> [<dir>]');
  if (isLocal(url)) return passthrough(ctx, gitPath, ['clone', ...args]);
  const repo = knownRepo(url);
  const dir = dirArg ?? path.basename(url).replace(/\.git$/, '');
  if (nonEmpty(dir)) throw new ToolExit(128, `fatal: destination path '${dir}' already exists and is not an empty directory.`);
  if (!has(parsed, 'quiet')) ctx.err(`Cloning into '${dir}'...\n`);
  await ctx.delay('gitClone');
  if (!repo) throw new ToolExit(128, `remote: Repository not found.\nfatal: repository '${url.replace(/\/?$/, '/')}' not found`);
  const branch = last(parsed, 'branch') ?? 'main';
  if (!repo.branches.includes(branch)) {
    throw new ToolExit(128, `warning: Could not find remote branch ${branch} to clone.\nfatal: Remote branch ${branch} not found in upstream origin`);
  }
  try {
    // Interrupted (SIGTERM/SIGINT/SIGHUP reach ctx.signal), the half-made clone is removed below, as
    // real git does (remove_junk on those signals); only a SIGKILL leaves its remains.
    await writeRepo(gitPath, dir, url, branch, repo.tip(branch, ctx.env), ctx.signal);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

async function writeRepo(
  gitPath: string,
  dir: string,
  url: string,
  branch: string,
  { files, date }: { files: Files; date: string },
  signal: AbortSignal,
): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const git = (...a: string[]): Promise<void> =>
    new Promise((resolve, reject) => {
      const child = spawn(gitPath, ['-C', dir, ...a], { env: { ...process.env, ...commitEnv(date) }, stdio: ['ignore', 'ignore', 'pipe'], signal });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
      child.on('error', (err) => reject(signal.aborted ? new ToolExit(143, '') : err));
      child.on('close', (code) =>
        code === 0 ? resolve() : reject(new ToolExit(signal.aborted ? 143 : 128, signal.aborted ? '' : `fatal: ${stderr.trim() || `git ${a[0]} failed`}`)),
      );
    });
  // .git first, files after, as a real clone does (it checks out last): a clone killed half-way leaves
  // a .git without a commit, never a bare directory of sources.
  await git('init', '-q', '-b', branch);
  for (const [name, content] of Object.entries(files)) {
    if (signal.aborted) throw new ToolExit(143, '');
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    if (name === 'gradlew') chmodSync(file, 0o755);
  }
  // -f: the lab repository tracks some files its .gitignore names (committed build output).
  await git('add', '-A', '-f');
  await git('-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'Initial lab sources');
  await git('remote', 'add', 'origin', url);
  await git('update-ref', `refs/remotes/origin/${branch}`, 'HEAD');
  await git('config', `branch.${branch}.remote`, 'origin');
  await git('config', `branch.${branch}.merge`, `refs/heads/${branch}`);
}

function nonEmpty(dir: string): boolean {
  try {
    return statSync(dir).isDirectory() ? readdirSync(dir).length > 0 : true;
  } catch {
    return false;
  }
}

function passthrough(ctx: ToolContext, gitPath: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(gitPath, args, { stdio: 'inherit', signal: ctx.signal });
    child.on('error', (err) => (ctx.signal.aborted ? resolve(143) : reject(err)));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + 15 : 1)));
  });
}

async function main(ctx: ToolContext): Promise<number | void> {
  const gitPath = findRealGit(ctx.env);
  if (!gitPath) throw new ToolExit(1, 'git: the sandbox needs the real git on PATH for local operations');
  // `git -C DIR clone …` is rare; only a leading `clone` is simulated.
  if (ctx.argv[0] === 'clone') return clone(ctx, gitPath, ctx.argv.slice(1));
  return passthrough(ctx, gitPath, ctx.argv);
}

runTool('git', main);
