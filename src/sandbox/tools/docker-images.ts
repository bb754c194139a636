// The shim's local image store: images/<ref>.json, one file per tag so parallel builds of
// different images never rewrite the same file.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readJson, writeJsonAtomic } from '../json-file.js';
import { parseImageRef } from '../registry/catalog.js';

export interface LocalImage {
  ref: string;
  id: string;
  created: string;
  size: number;
  /** Build args the Dockerfile declared, with their values (the image config's history records them). */
  buildArgs?: Record<string, string>;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

/** Validates and completes a reference like docker does (`:latest` when no tag); returns an error text if invalid. */
export function normalizeRef(ref: string): { ref: string } | { error: string } {
  const { host, repo, reference } = parseImageRef(ref);
  const explicitHost = ref.startsWith(`${host}/`);
  if (repo.split('/').some((c) => !COMPONENT.test(c))) {
    if (repo.toLowerCase() !== repo && repo.split('/').every((c) => COMPONENT.test(c.toLowerCase()))) {
      return { error: `invalid reference format: repository name (${repo}) must be lowercase` };
    }
    return { error: 'invalid reference format' };
  }
  if (!reference.startsWith('sha256:') && !/^[\w][\w.-]{0,127}$/.test(reference)) return { error: 'invalid reference format' };
  const name = explicitHost ? `${host}/${repo}` : (ref.split(/[:@]/)[0] as string);
  return { ref: reference.startsWith('sha256:') ? `${name}@${reference}` : `${name}:${reference}` };
}

function fileOf(imagesDir: string, ref: string): string {
  return path.join(imagesDir, `${encodeURIComponent(ref)}.json`);
}

export function saveImage(imagesDir: string, image: LocalImage): void {
  writeJsonAtomic(fileOf(imagesDir, image.ref), image);
}

export function findImage(imagesDir: string, ref: string): LocalImage | undefined {
  return readJson(fileOf(imagesDir, ref)) as LocalImage | undefined;
}

export function listImages(imagesDir: string): LocalImage[] {
  let files: string[];
  try {
    files = readdirSync(imagesDir).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  return files.map((f) => readJson(path.join(imagesDir, f)) as LocalImage).filter(Boolean);
}
