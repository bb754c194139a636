// Git through its CLI. GIT_TERMINAL_PROMPT=0 makes a private or mistyped URL fail at once instead
// of waiting forever for a username on a terminal nobody is looking at.
import { stat } from 'node:fs/promises';
import { AbortedError, ToolError } from '../core/errors.js';
import type { CallOptions, CommandRunner, Git, GitChange } from './types.js';

const GIT_ENV = { GIT_TERMINAL_PROMPT: '0' };

export class GitCli implements Git {
  constructor(private readonly runner: CommandRunner) {}

  async isRepo(dir: string, options: CallOptions): Promise<boolean> {
    if (!(await isDirectory(dir))) return false;
    try {
      const out = await this.git(['-C', dir, 'rev-parse', '--is-inside-work-tree'], options);
      return out === 'true';
    } catch (err) {
      if (err instanceof AbortedError) throw err;
      if (err instanceof ToolError) return false;
      throw err;
    }
  }

  async clone(url: string, branch: string, dir: string, options: CallOptions): Promise<void> {
    await this.git(['clone', '--branch', branch, '--single-branch', url, dir], options, urlSecrets(url));
  }

  async currentBranch(dir: string, options: CallOptions): Promise<string | undefined> {
    const branch = await this.git(['-C', dir, 'rev-parse', '--abbrev-ref', 'HEAD'], options);
    // A detached HEAD has no branch.
    return branch && branch !== 'HEAD' ? branch : undefined;
  }

  async headCommit(dir: string, options: CallOptions): Promise<string> {
    return this.git(['-C', dir, 'rev-parse', 'HEAD'], options);
  }

  async uncommittedChanges(dir: string, options: CallOptions): Promise<GitChange[]> {
    // GIT_OPTIONAL_LOCKS=0: plain `git status` refreshes and rewrites .git/index; the clone is the student's.
    const { stdout } = await this.runner.run('git', ['-C', dir, 'status', '--porcelain=v1', '-z', '--untracked-files=normal'], {
      signal: options.signal,
      env: { ...GIT_ENV, GIT_OPTIONAL_LOCKS: '0' },
    });
    return parsePorcelainZ(stdout);
  }

  async version(options: CallOptions): Promise<string> {
    // "git version 2.43.0" (Apple's adds " (Apple Git-…)").
    const out = await this.git(['--version'], options);
    return /git version (\S+)/.exec(out)?.[1] ?? out;
  }

  private async git(args: string[], options: CallOptions, secrets: string[] = []): Promise<string> {
    const { stdout } = await this.runner.run('git', args, {
      signal: options.signal,
      onLine: options.onLine,
      env: GIT_ENV,
      secrets,
    });
    return stdout.trim();
  }
}

/** `git status --porcelain=v1 -z`: "XY path\0", renames and copies followed by "orig\0". */
export function parsePorcelainZ(out: string): GitChange[] {
  const fields = out.split('\0');
  const changes: GitChange[] = [];
  for (let i = 0; i < fields.length; i++) {
    const entry = fields[i] as string;
    if (entry.length < 4) continue;
    const code = entry.slice(0, 2);
    changes.push({ code, path: entry.slice(3) });
    if (code.includes('R') || code.includes('C')) i++; // skip the original path
  }
  return changes;
}

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

/** A clone URL may carry credentials (https://user:token@host/…): keep them out of any output. */
function urlSecrets(url: string): string[] {
  try {
    const { username, password } = new URL(url);
    // https://TOKEN@github.com/… carries the token as the user name.
    const secret = password || username;
    return secret ? [decodeURIComponent(secret)] : [];
  } catch {
    return [];
  }
}
