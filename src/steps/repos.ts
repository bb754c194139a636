// Clones the two lab repositories into the workspace. A repository that is already there belongs to
// the student (it may hold their edits): it is never reset, pulled or overwritten — only read. When it
// is on another branch than configured or has uncommitted changes, it is deployed as it is with a
// warning in the step's result (the summary), or refused with `--strict`.
import { allSettledOrThrow } from '../core/settle.js';
import { existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { GitChange } from '../adapters/types.js';
import { sleep } from '../core/sleep.js';
import { rethrowWithHint, ToolError, UserError } from '../core/errors.js';
import type { Facts, StepDefinition, StepContext } from '../graph/step.js';

type RepoName = keyof NonNullable<Facts['repoDirs']>;
const REPOS: readonly RepoName[] = ['lifesub', 'lifesub-web'];

export const reposStep: StepDefinition = {
  name: 'repos',
  title: 'Get the lab sources',
  writes: ['repoDirs'],
  timeout: 'repos',
  plan: (settings) =>
    REPOS.map((name) => {
      const repo = settings.config.repositories[name];
      return `git clone ${repo.url} -b ${repo.branch} ${join(settings.workspace, repo.dir)} (kept as is if already cloned)`;
    }),
  async run(ctx) {
    const results = await allSettledOrThrow(REPOS.map((name) => ensureRepo(ctx, name)));
    const warnings = results.flatMap((r) => r.warnings);
    if (warnings.length > 0 && ctx.settings.strict) {
      throw new ToolError(
        `--strict: not deploying a clone that differs from the lab's: ${warnings.join('; ')}`,
        strictHint(results.filter((r) => r.warnings.length > 0)),
      );
    }
    const [lifesub, web] = results.map((r) => r.dir) as [string, string];
    ctx.facts.repoDirs = { lifesub, 'lifesub-web': web };
    const cloned = REPOS.filter((_, i) => results[i]!.cloned);
    const warned = warnings.length > 0 ? `; warning: ${warnings.join('; ')}` : '';
    if (cloned.length === 0) return { skipped: `both repositories already present in ${ctx.settings.workspace}; left untouched${warned}` };
    return { message: `cloned ${cloned.join(', ')} into ${ctx.settings.workspace}${warned}` };
  },
};

interface RepoResult {
  dir: string;
  /** The configured branch. */
  branch: string;
  cloned: boolean;
  /** How an existing clone differs from what the configuration asks for (deployed as it is). */
  warnings: string[];
}

/**
 * Paths a lab build itself rewrites. The lab's branches track Gradle output committed before their
 * .gitignore (`.gradle/…`, `common/build/…` on lifesub k8s and main), so after one build every clone
 * would look "changed"; those are not the student's edits.
 */
function isBuildOutput(path: string): boolean {
  return /^\.gradle\//.test(path) || /(^|\/)build\//.test(path) || /^node_modules\//.test(path);
}

function describeChanges(name: string, changes: GitChange[]): string {
  const shown = changes
    .slice(0, 3)
    .map((c) => c.path)
    .join(', ');
  const more = changes.length > 3 ? `, … (${changes.length - 3} more)` : '';
  return `${name} has ${changes.length} uncommitted change${changes.length === 1 ? '' : 's'} (${shown}${more}); deployed as it is`;
}

function strictHint(differing: RepoResult[]): string {
  const fixes = differing.map((r) => `\`git -C ${r.dir} status\`, then commit or \`git -C ${r.dir} stash\` and \`git -C ${r.dir} switch ${r.branch}\``);
  return `${fixes.join('; ')}; or run without --strict to deploy the clones as they are (lifesub never changes them)`;
}

async function existingClone(ctx: StepContext, name: RepoName, dir: string, wanted: string): Promise<string[]> {
  const options = { signal: ctx.signal };
  const warnings: string[] = [];
  const branch = await ctx.adapters.git.currentBranch(dir, options);
  if (branch !== wanted) warnings.push(`${name} is on ${branch ? `branch ${branch}` : 'a detached HEAD'}, not ${wanted}`);
  const changes = (await ctx.adapters.git.uncommittedChanges(dir, options)).filter((c) => !isBuildOutput(c.path));
  if (changes.length > 0) warnings.push(describeChanges(name, changes));
  for (const w of warnings) ctx.log(`warning: ${w} (${dir})`);
  if (warnings.length === 0) ctx.log(`${name}: using existing clone in ${dir}`);
  return warnings;
}

async function ensureRepo(ctx: StepContext, name: RepoName): Promise<RepoResult> {
  const { git } = ctx.adapters;
  const repo = ctx.settings.config.repositories[name];
  const dir = join(ctx.settings.workspace, repo.dir);
  const options = { signal: ctx.signal };

  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw notARepo(dir, name);
    // `.git` first: inside another repository (a dotfiles-tracked home) git alone would say yes.
    if (existsSync(join(dir, '.git')) && (await git.isRepo(dir, options))) {
      try {
        return { dir, branch: repo.branch, cloned: false, warnings: await existingClone(ctx, name, dir, repo.branch) };
      } catch (err) {
        // No commit at all: a clone that was killed half-way (ours, or another ID's still running).
        if (!(err instanceof ToolError) || ctx.signal.aborted || (await hasCommit(ctx, dir))) throw err;
        if (await cloneFinished(ctx, dir, STALE_CLONE_MS)) {
          return { dir, branch: repo.branch, cloned: false, warnings: await existingClone(ctx, name, dir, repo.branch) };
        }
        // Nothing is deleted: the remains are moved aside, named in the log, and a fresh clone is made.
        const aside = `${dir}.interrupted-${Date.now()}`;
        renameSync(dir, aside);
        ctx.log(`warning: ${dir} held a clone that never finished (no commit; interrupted); moved it to ${aside} and cloning again`);
      }
    }
    if (existsSync(dir) && readdirSync(dir).length > 0) throw notARepo(dir, name);
  }
  ctx.log(`cloning ${repo.url} (branch ${repo.branch}) into ${dir}`);
  const url = withoutCredentials(repo.url);
  try {
    await git.clone(repo.url, repo.branch, dir, { signal: ctx.signal, onLine: ctx.output });
  } catch (err) {
    // Another run (a second ID sharing this workspace) cloned it at the same moment: use its clone.
    if (!ctx.signal.aborted && existsSync(join(dir, '.git')) && (await cloneFinished(ctx, dir))) {
      return { dir, branch: repo.branch, cloned: false, warnings: await existingClone(ctx, name, dir, repo.branch) };
    }
    rethrowWithHint(`check the URL ${url}, branch ${repo.branch} and your network; or clone it yourself: \`git clone -b ${repo.branch} ${url} ${dir}\``)(err);
  }
  return { dir, branch: repo.branch, cloned: true, warnings: [] };
}

/**
 * Waits (up to 2 minutes, or the step's limit) until a clone someone else is making has a HEAD commit.
 * With `staleAfterMs`, gives up early once nothing in its .git changed for that long (a killed clone).
 */
async function cloneFinished(ctx: StepContext, dir: string, staleAfterMs?: number): Promise<boolean> {
  for (let waited = 0; waited < 120_000 && !ctx.signal.aborted; waited += 500) {
    if (await hasCommit(ctx, dir)) return true;
    if (staleAfterMs !== undefined && Date.now() - lastChangeMs(dir) > staleAfterMs) return false;
    await sleep(500, ctx.signal).catch(() => undefined);
  }
  return false;
}

/** A clone that has not changed for this long while having no commit is a dead one. */
const STALE_CLONE_MS = 10_000;

async function hasCommit(ctx: StepContext, dir: string): Promise<boolean> {
  const head = await ctx.adapters.git.headCommit(dir, { signal: ctx.signal }).catch(() => '');
  return /^[0-9a-f]{40}/.test(head);
}

/** Newest modification time (ms) of the clone's .git and its busiest entries; 0 when unreadable. */
function lastChangeMs(dir: string): number {
  const git = join(dir, '.git');
  return Math.max(
    0,
    ...[git, join(git, 'index'), join(git, 'objects'), join(git, 'refs', 'heads')].map((p) => statSync(p, { throwIfNoEntry: false })?.mtimeMs ?? 0),
  );
}

/** A clone URL may carry a token (https://user:token@host/…); a hint must not. */
function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/[^/@]*@/, '//'); // scp-like or odd URLs: drop any user part
  }
}

function notARepo(dir: string, name: string): UserError {
  return new UserError(
    `${dir} exists but is not a git repository, so ${name} cannot be cloned there`,
    `move ${dir} out of the way, or pass --workspace to clone somewhere else`,
  );
}
