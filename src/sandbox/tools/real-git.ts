// Finds the real git binary on PATH, skipping the sandbox shim directory (which is first on PATH).
import { accessSync, constants, realpathSync } from 'node:fs';
import path from 'node:path';
import { shimDir } from '../package-root.js';

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

export function findRealGit(env: NodeJS.ProcessEnv): string | undefined {
  const shims = real(shimDir);
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir || real(dir) === shims) continue;
    const candidate = path.join(dir, 'git');
    try {
      accessSync(candidate, constants.X_OK);
      if (real(candidate) !== real(path.join(shimDir, 'git'))) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}
