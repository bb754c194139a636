// The local machine, read only: what a directory path is, whether lifesub may write there and how
// much room the file system has. Nothing is created; `doctor` and preflight run before any change.
import { constants } from 'node:fs';
import { access, stat, statfs } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { AbortedError } from '../core/errors.js';
import type { DirState, Host } from './types.js';

export class LocalHost implements Host {
  /**
   * Resolves `path` (relative to the current directory) and walks up to the nearest path that exists.
   * Never throws for a missing or unreadable path (that is the answer); AbortedError on abort.
   */
  async inspectDir(path: string, signal: AbortSignal): Promise<DirState> {
    let current = resolve(path);
    let kind: DirState['kind'] | undefined;
    for (;;) {
      if (signal.aborted) throw new AbortedError();
      const found = await stat(current).catch(() => undefined);
      if (found) {
        if (kind === undefined) kind = found.isDirectory() ? 'directory' : found.isFile() ? 'file' : 'other';
        // Below a file nothing can be created: report the file itself as what is in the way.
        else if (!found.isDirectory()) kind = 'file';
        break;
      }
      kind ??= 'missing';
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
    }
    const directory = kind === 'directory' || kind === 'missing';
    const writable =
      directory &&
      (await access(current, constants.W_OK | constants.X_OK).then(
        () => true,
        () => false,
      ));
    const fs = await statfs(current).catch(() => undefined);
    return { kind, existingAncestor: current, writable, freeBytes: fs ? fs.bavail * fs.bsize : Number.NaN };
  }
}
