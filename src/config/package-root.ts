// Where lifesub's bundled files (config/, templates/) live. The code runs both compiled
// (dist/config/*.js) and from source (src/config/*.ts under vitest), at different depths, so we walk
// up from this module to the nearest directory holding package.json instead of counting '..'.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return (cached = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`internal: no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/** A path inside the installed package, e.g. bundledPath('config', 'default.yaml'). */
export function bundledPath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
