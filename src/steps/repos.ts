// Clones the two lab repositories into the workspace. A repository that is already there belongs to
// the student (it may hold their edits): it is never reset, pulled or overwritten.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { rethrowWithHint, UserError } from '../core/errors.js';
import type { Facts, Step, StepContext } from '../graph/step.js';

type RepoName = keyof NonNullable<Facts['repoDirs']>;
const REPOS: readonly RepoName[] = ['lifesub', 'lifesub-web'];

export const reposStep: Step = {
  name: 'repos',
  title: 'Get the lab sources',
  needs: [],
  timeout: 'repos',
  plan: (settings) =>
    REPOS.map((name) => {
      const repo = settings.config.repositories[name];
      return `git clone ${repo.url} -b ${repo.branch} ${join(settings.workspace, repo.dir)} (kept as is if already cloned)`;
    }),
  async run(ctx) {
    const results = await Promise.all(REPOS.map((name) => ensureRepo(ctx, name)));
    const [lifesub, web] = results.map((r) => r.dir) as [string, string];
    ctx.facts.repoDirs = { lifesub, 'lifesub-web': web };
    const cloned = REPOS.filter((_, i) => results[i]!.cloned);
    if (cloned.length === 0) return { skipped: `both repositories already present in ${ctx.settings.workspace}; left untouched` };
    return { message: `cloned ${cloned.join(', ')} into ${ctx.settings.workspace}` };
  },
};

async function ensureRepo(ctx: StepContext, name: RepoName): Promise<{ dir: string; cloned: boolean }> {
  const { git } = ctx.adapters;
  const repo = ctx.settings.config.repositories[name];
  const dir = join(ctx.settings.workspace, repo.dir);
  const options = { signal: ctx.signal };

  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw notARepo(dir, name);
    // `.git` first: inside another repository (a dotfiles-tracked home) git alone would say yes.
    if (existsSync(join(dir, '.git')) && (await git.isRepo(dir, options))) {
      const branch = await git.currentBranch(dir, options);
      if (branch !== repo.branch) {
        ctx.log(`warning: ${dir} is on ${branch ? `branch ${branch}` : 'a detached HEAD'}, not ${repo.branch}; using it as it is`);
      } else {
        ctx.log(`${name}: using existing clone in ${dir}`);
      }
      return { dir, cloned: false };
    }
    if (readdirSync(dir).length > 0) throw notARepo(dir, name);
  }
  ctx.log(`cloning ${repo.url} (branch ${repo.branch}) into ${dir}`);
  const url = withoutCredentials(repo.url);
  await git
    .clone(repo.url, repo.branch, dir, { signal: ctx.signal, onLine: ctx.log })
    .catch(rethrowWithHint(`check the URL ${url}, branch ${repo.branch} and your network; or clone it yourself: \`git clone -b ${repo.branch} ${url} ${dir}\``));
  return { dir, cloned: true };
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
