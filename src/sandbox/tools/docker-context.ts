// Hashing what a COPY takes from the build context, so the image ID changes exactly when an input
// changes (a rebuilt jar with the same bytes gives the same image).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SKIP = new Set(['.git', 'node_modules']);

/** Context-relative paths matching a COPY source (supports `*` and `?` in the last component). */
export function matchSources(context: string, source: string): string[] {
  const rel = path.posix.normalize(source.replace(/^\/+/, '')).replace(/^\.\/?$/, '.');
  const dir = path.posix.dirname(rel);
  const base = path.posix.basename(rel);
  if (!/[*?[]/.test(base)) return exists(path.join(context, rel)) ? [rel] : [];
  const pattern = new RegExp(
    `^${base
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]')}$`,
  );
  let names: string[];
  try {
    names = readdirSync(path.join(context, dir));
  } catch {
    return [];
  }
  return names.filter((n) => pattern.test(n)).map((n) => path.posix.join(dir, n));
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

/** sha256 over a file's bytes or a directory's files (sorted, with their relative paths). */
export function hashPath(absolute: string): { hash: string; bytes: number } {
  const hash = createHash('sha256');
  let bytes = 0;
  const visit = (p: string, rel: string) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!SKIP.has(name)) visit(path.join(p, name), `${rel}/${name}`);
      return;
    }
    const content = readFileSync(p);
    bytes += content.length;
    hash.update(`${rel}\0${content.length}\0`).update(content);
  };
  visit(absolute, '.');
  return { hash: hash.digest('hex'), bytes };
}

/** A source that climbs out of the context is refused like BuildKit does. */
export function outsideContext(source: string): boolean {
  return path.posix.normalize(source.replace(/^\/+/, '')).startsWith('..');
}
