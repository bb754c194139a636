// Paths the user gives (flags, LIFESUB_HOME) checked for the right kind of thing before anything runs:
// a file where a directory is needed, or the reverse, is a user error with a message — not a crash
// half-way through a run ("internal error: EEXIST/ENOTDIR …").
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export type PathKind = 'directory' | 'file';

/**
 * A problem sentence when `path` (or, if it does not exist yet, its nearest existing ancestor, which
 * must be a directory for anything to be created below it) is of the wrong kind; undefined when fine.
 * A missing path is fine: it is created (directories) or reported by whoever reads it (files).
 * `what`: how the user named it, e.g. "--workspace", "LIFESUB_HOME".
 */
export function pathProblem(path: string, want: PathKind, what: string): string | undefined {
  const full = resolve(path);
  const kind = kindOf(full);
  if (kind === want) return undefined;
  if (kind === 'file') return `${what} ${full} is a file, not a directory`;
  if (kind === 'directory') return `${what} ${full} is a directory, not a file`;
  if (kind === 'other') return `${what} ${full} is neither a file nor a directory`;
  // Missing: everything on the way to it must be a directory, or it can never be created.
  for (let dir = dirname(full); ; dir = dirname(dir)) {
    const above = kindOf(dir);
    if (above === 'file') return `${what} ${full} cannot be created: ${dir} is a file`;
    if (above !== undefined || dirname(dir) === dir) return undefined;
  }
}

function kindOf(path: string): PathKind | 'other' | undefined {
  try {
    const st = statSync(path);
    return st.isDirectory() ? 'directory' : st.isFile() ? 'file' : 'other';
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // ENOTDIR: a component of the path is a file — reported by the ancestor walk.
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    return 'other';
  }
}
