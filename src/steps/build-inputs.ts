// The content tag of an image: a digest of everything its build reads — the repository's files (minus
// build outputs, VCS data and the other backends' modules), the Dockerfile (one of those files), the
// build args and the recipe version. Same inputs → same tag, so "is `<repo>:<tag>` in the registry?"
// answers "is this exact image already built and pushed?", asked of the world, not of a local cache.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServiceConfig, Settings } from '../config/schema.js';
import { AbortedError } from '../core/errors.js';

/** Directory names never read by a build (outputs, VCS, IDE, dependency caches), at any depth. */
const IGNORED = new Set(['.git', '.gradle', 'build', 'out', 'node_modules', 'dist', '.idea', '.vscode', '.DS_Store']);

/** Bump when how an image is built changes in a way its files do not show (forces one rebuild). */
const RECIPE = 'lifesub-image-v1';

/**
 * The first 12 hex digits of sha256 over the service's build inputs. For a backend: its repository
 * without the other backends' modules (a change to member/ changes only member's tag); for the
 * frontend: its repository. Line endings are hashed as they are (a CRLF checkout is another input).
 */
export async function inputDigest(
  settings: Settings,
  service: ServiceConfig,
  repoDir: string,
  buildArgs: Record<string, string>,
  signal: AbortSignal,
): Promise<string> {
  const others = new Set(
    settings.config.services
      .filter((s) => s.kind === 'backend' && s.repo === service.repo && s.name !== service.name && s.module)
      .map((s) => s.module as string),
  );
  const hash = createHash('sha256');
  hash.update(`${RECIPE}\0${service.name}\0${JSON.stringify(Object.entries(buildArgs).sort())}\0`);
  const visit = async (abs: string, rel: string): Promise<void> => {
    if (signal.aborted) throw new AbortedError();
    const entries = (await readdir(abs, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const relPath = rel ? `${rel}/${e.name}` : e.name;
      if (IGNORED.has(e.name) || others.has(relPath)) continue;
      if (e.isDirectory()) await visit(join(abs, e.name), relPath);
      else if (e.isFile())
        hash
          .update(`${relPath}\0`)
          .update(await readFile(join(abs, e.name)))
          .update('\0');
    }
  };
  await visit(repoDir, '');
  return hash.digest('hex').slice(0, 12);
}

/** `<configured tag>-<input digest>`: still says which lab version it is, and what it was built from. */
export function contentTag(settings: Settings, digest: string): string {
  return `${settings.config.registry.tag}-${digest}`;
}
